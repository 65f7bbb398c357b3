package org.govpulse.analytics.sensors;

/** The kinds of sensor fault in gold.sensor_anomalies. */
public enum AnomalyKind {
  /** No readings for many hours. */
  OUTAGE("outage"),
  /** The same value repeated hour after hour. */
  STUCK("stuck"),
  /** One absurd hourly value between normal ones. */
  SPIKE("spike"),
  /** Timestamps shifted by hours against the station's neighbours. */
  CLOCK_SKEW("clock_skew");

  private final String code;

  AnomalyKind(String code) {
    this.code = code;
  }

  /** The value stored in the {@code kind} column. */
  public String code() {
    return code;
  }
}
