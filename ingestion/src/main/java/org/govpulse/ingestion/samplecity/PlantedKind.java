package org.govpulse.ingestion.samplecity;

/**
 * Kinds of things deliberately planted in the sample city, with the code written in {@code planted.csv}.
 * Falsifications are for the data-quality audit, troubles for the early-warning stage, sensor faults for the
 * sensor-health checks.
 */
public enum PlantedKind {
  SMOOTH_SERIES("smooth_series", Group.FALSIFICATION),
  DIGIT_PREFERENCE("digit_preference", Group.FALSIFICATION),
  SENSOR_CONTRADICTION("sensor_contradiction", Group.FALSIFICATION),
  PERIOD_END_SPIKE("period_end_spike", Group.FALSIFICATION),
  SUSPICIOUS_REVISION("suspicious_revision", Group.FALSIFICATION),
  INFLATED("inflated", Group.FALSIFICATION),
  LATE_REPORTING("late_reporting", Group.FALSIFICATION),
  TARGET_MISS("target_miss", Group.TROUBLE),
  SERVICE_QUALITY_DROP("service_quality_drop", Group.TROUBLE),
  SENTIMENT_SURGE("sentiment_surge", Group.TROUBLE),
  SENSOR_OUTAGE("sensor_outage", Group.SENSOR_FAULT),
  SENSOR_STUCK("sensor_stuck", Group.SENSOR_FAULT),
  SENSOR_SPIKE("sensor_spike", Group.SENSOR_FAULT),
  SENSOR_CLOCK_SKEW("sensor_clock_skew", Group.SENSOR_FAULT);

  /** Which stage is expected to find it. */
  public enum Group {
    FALSIFICATION,
    TROUBLE,
    SENSOR_FAULT
  }

  private final String code;
  private final Group group;

  PlantedKind(String code, Group group) {
    this.code = code;
    this.group = group;
  }

  /** The code in {@code planted.csv}, e.g. {@code smooth_series}. */
  public String code() {
    return code;
  }

  public Group group() {
    return group;
  }
}
