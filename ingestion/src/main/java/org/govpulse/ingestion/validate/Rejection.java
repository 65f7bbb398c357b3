package org.govpulse.ingestion.validate;

/**
 * Why a record was rejected.
 *
 * @param reason the reason code
 * @param detail what exactly was wrong, for a person reading the quarantine
 */
public record Rejection(Reason reason, String detail) {}
