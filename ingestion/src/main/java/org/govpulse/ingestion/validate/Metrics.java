package org.govpulse.ingestion.validate;

import java.util.Map;
import java.util.Optional;

/** Sensor metrics: unit and physically possible range (docs/landing-formats.md, sensors/). */
public final class Metrics {
  private Metrics() {}

  /** A metric's unit and range. */
  public record Metric(String code, String unit, double min, double max) {}

  private static final Map<String, Metric> METRICS = Map.of(
      "pm25", new Metric("pm25", "µg/m³", 0, 2000),
      "pm10", new Metric("pm10", "µg/m³", 0, 3000),
      "so2", new Metric("so2", "µg/m³", 0, 5000),
      "no2", new Metric("no2", "µg/m³", 0, 3000),
      "o3", new Metric("o3", "µg/m³", 0, 2000),
      "co", new Metric("co", "mg/m³", 0, 150),
      "noise_db", new Metric("noise_db", "dB(A)", 0, 150),
      "water_ph", new Metric("water_ph", "pH", 0, 14),
      "traffic_speed_kmh", new Metric("traffic_speed_kmh", "km/h", 0, 200));

  public static Optional<Metric> find(String code) {
    return Optional.ofNullable(METRICS.get(code));
  }

  /** True when GovPulse knows the metric. */
  public static boolean known(String code) {
    return METRICS.containsKey(code);
  }
}
