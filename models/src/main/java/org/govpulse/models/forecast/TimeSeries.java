package org.govpulse.models.forecast;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.govpulse.core.time.Period;

/**
 * An equally spaced series of observations of one indicator, oldest first, with its seasonal period (12 for monthly,
 * 4 for quarterly, 1 for annual or non-seasonal data) and, optionally, the reporting period of its first value.
 *
 * <p>Immutable; every value is finite (checked at construction).
 */
public final class TimeSeries implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] values;
  private final int seasonalPeriod;
  private final Period start;

  private TimeSeries(double[] values, int seasonalPeriod, Period start) {
    if (seasonalPeriod < 1) {
      throw ForecastErrors.seasonalPeriodInvalid(seasonalPeriod);
    }
    if (values == null || values.length == 0) {
      throw ForecastErrors.emptySeries();
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw ForecastErrors.nonFiniteValue(i, values[i]);
      }
    }
    this.values = values.clone();
    this.seasonalPeriod = seasonalPeriod;
    this.start = start;
  }

  /** A series without calendar dates. */
  public static TimeSeries of(int seasonalPeriod, double... values) {
    return new TimeSeries(values, seasonalPeriod, null);
  }

  /** A series whose first value belongs to {@code start}; the seasonal period is that of the start's frequency. */
  public static TimeSeries starting(Period start, double... values) {
    Objects.requireNonNull(start, "start");
    return new TimeSeries(values, start.frequency().periodsPerYear(), start);
  }

  public int length() {
    return values.length;
  }

  /** The value at a 0-based position. */
  public double get(int index) {
    return values[index];
  }

  /** The last observed value. */
  public double last() {
    return values[values.length - 1];
  }

  /** A copy of the values, oldest first. */
  public double[] values() {
    return values.clone();
  }

  public int seasonalPeriod() {
    return seasonalPeriod;
  }

  public Optional<Period> start() {
    return Optional.ofNullable(start);
  }

  /** The period of the value at a 0-based position; positions past the end name future periods. */
  public Optional<Period> periodAt(int index) {
    return start().map(p -> p.plus(index));
  }

  /** The first {@code n} values, same period and start: the history as it was at an earlier origin. */
  public TimeSeries head(int n) {
    if (n < 1 || n > values.length) {
      throw new IllegalArgumentException("head(" + n + ") of a series of " + values.length);
    }
    return new TimeSeries(Arrays.copyOf(values, n), seasonalPeriod, start);
  }

  /** The same timing with other values (for example seasonally adjusted ones). */
  public TimeSeries withValues(double[] newValues) {
    return new TimeSeries(newValues, seasonalPeriod, start);
  }

  /** True when every value is strictly positive (multiplicative models and ratios need it). */
  public boolean isStrictlyPositive() {
    for (double v : values) {
      if (v <= 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeSeries t && t.seasonalPeriod == seasonalPeriod && Objects.equals(t.start, start)
        && Arrays.equals(t.values, values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(seasonalPeriod, start, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "TimeSeries[n=" + values.length + ", period=" + seasonalPeriod
        + (start == null ? "" : ", start=" + start) + "]";
  }
}
