package org.govpulse.models.warn;

import java.time.Instant;

/**
 * One entry of a warning's history.
 *
 * @param eventId unique id
 * @param warningId warning
 * @param type raised, escalated, deescalated, acknowledged, resolved, auto_resolved, reopened
 * @param level level after the event
 * @param status status after the event
 * @param at when
 * @param actor system or the API key id
 * @param comment comment, or null
 */
public record WarningEvent(String eventId, String warningId, String type, Level level, String status, Instant at,
    String actor, String comment) {
  public static final String RAISED = "raised";
  public static final String ESCALATED = "escalated";
  public static final String DEESCALATED = "deescalated";
  public static final String ACKNOWLEDGED = "acknowledged";
  public static final String RESOLVED = "resolved";
  public static final String AUTO_RESOLVED = "auto_resolved";
  public static final String REOPENED = "reopened";
  public static final String SYSTEM = "system";
}
