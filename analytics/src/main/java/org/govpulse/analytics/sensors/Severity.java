package org.govpulse.analytics.sensors;

import java.util.Locale;

/** How much a fault damages the statistics built on the sensor. */
public enum Severity {
  LOW, MEDIUM, HIGH;

  /** The value stored in the {@code severity} column: low, medium or high. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
