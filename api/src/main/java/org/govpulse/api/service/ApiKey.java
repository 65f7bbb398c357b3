package org.govpulse.api.service;

import java.time.Instant;

/**
 * A valid API key as the server knows it: never the secret, only its hash.
 *
 * @param id public id (in logs, in warning histories as the actor)
 * @param hash SHA-256 of the secret
 * @param role what it may do
 * @param label who or what it is for
 * @param rateLimitPerMinute its own limit, null for the configured default, 0 for none
 * @param createdAt when it was created
 */
public record ApiKey(String id, byte[] hash, Role role, String label, Integer rateLimitPerMinute, Instant createdAt) {
  /** The actor recorded in warning histories. */
  public String actor() {
    return "key:" + id;
  }
}
