package org.govpulse.analytics.sensors;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@link SensorAnomalyJob} run found.
 *
 * @param perKind anomalies per kind code (outage, stuck, spike, clock_skew)
 * @param seconds wall time of the run
 */
public record SensorAnomalyResult(Map<String, Long> perKind, double seconds) {

  /** Copies the counts, sorted by kind. */
  public SensorAnomalyResult {
    perKind = Map.copyOf(new TreeMap<>(perKind));
  }

  /** Anomalies of all kinds. */
  public long total() {
    return perKind.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Anomalies of one kind (0 when none). */
  public long count(AnomalyKind kind) {
    return perKind.getOrDefault(kind.code(), 0L);
  }

  @Override
  public String toString() {
    return String.format("sensor anomalies (%.1f s): %d found %s", seconds, total(), new TreeMap<>(perKind));
  }
}
