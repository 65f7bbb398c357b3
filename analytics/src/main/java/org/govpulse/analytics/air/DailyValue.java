package org.govpulse.analytics.air;

/**
 * A daily statistic of one item with its validity.
 *
 * @param value the statistic (NaN when there is no data at all)
 * @param count hours (or 8-hour means) it rests on
 * @param required how many the validity rule asks for
 * @param valid whether the statistic may be used
 * @param rule the validity rule, for messages ("20 hourly values")
 */
public record DailyValue(double value, int count, int required, boolean valid, String rule) {

  /** Why the value is invalid, e.g. "19 of 24 hourly values (needs 20)"; null when valid. */
  public String shortfall() {
    return valid ? null : count + " " + rule + " (needs " + required + ")";
  }
}
