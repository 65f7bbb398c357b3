package org.govpulse.models.warn;

import java.time.Instant;

/**
 * The lifecycle state of one warning between runs.
 *
 * @param warningId warning
 * @param level current level
 * @param status open, acknowledged or resolved
 * @param resolvedBySystem true when the last resolution was automatic (the condition cleared)
 * @param firstRaisedAt when first raised
 * @param updatedAt last change
 * @param resolvedAt when resolved, or null
 */
public record WarningState(String warningId, Level level, String status, boolean resolvedBySystem,
    Instant firstRaisedAt, Instant updatedAt, Instant resolvedAt) {
  public static final String OPEN = "open";
  public static final String ACKNOWLEDGED = "acknowledged";
  public static final String RESOLVED = "resolved";

  public boolean isResolved() {
    return RESOLVED.equals(status);
  }
}
