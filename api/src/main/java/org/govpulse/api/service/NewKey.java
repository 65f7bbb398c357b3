package org.govpulse.api.service;

/**
 * A key just created: the only time its full text exists outside the holder's hands.
 *
 * @param id public id
 * @param key the full key to give to the holder ({@code gp_<id>_<secret>})
 * @param role its role
 * @param label who or what it is for
 * @param version the Delta version of meta.api_keys that holds it
 */
public record NewKey(String id, String key, Role role, String label, long version) {}
