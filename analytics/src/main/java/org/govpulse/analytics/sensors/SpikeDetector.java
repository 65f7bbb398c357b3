package org.govpulse.analytics.sensors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Spikes: one hourly value far outside the local distribution, between two normal hours.
 *
 * <p>For each hour the reference is the median of the readings within ±{@value #HALF_WINDOW_HOURS} hours (the hour
 * itself left out) and the scale the median absolute deviation times {@value #MAD_TO_SIGMA} (the standard deviation
 * of a normal distribution with that MAD), but never less than the series' typical hour-to-hour change (the median
 * of its non-zero steps): a window of flat or quantised readings has a MAD of zero, which would turn a one-unit step
 * into a "spike". An hour is a spike when its robust z-score exceeds {@value #MIN_Z}, the readings before and after
 * it are within {@value #NORMAL_Z} (a value that jumps and comes straight back), and, for quantities with
 * multiplicative noise, the value is at least {@value #MIN_RATIO} times the median or at most a third of it.
 */
public final class SpikeDetector {
  /** Half-width of the local window, hours: a day around the hour, long enough to hold the diurnal range. */
  public static final int HALF_WINDOW_HOURS = 12;
  /** Readings the window needs for a median and MAD worth trusting: half of it. */
  public static final int MIN_NEIGHBOURS = 12;
  /**
   * Robust z-score above which a value is a spike. For normal noise it is a 1-in-10^15 event; diurnal swings and
   * pollution episodes build up over hours, so their hourly values stay well inside it, while a sensor glitch (a
   * PM2.5 of 900 between two hours of 40) scores in the hundreds.
   */
  public static final double MIN_Z = 8;
  /**
   * Least factor between a spike and the window median. Concentrations and speeds carry multiplicative (log-normal)
   * noise, whose upper tail reaches a robust z of 8 to 11 at about twice the median: 15 % noise does that once in
   * some hundred thousand readings, and real plumes double a reading for an hour. A sensor glitch is absurd, not
   * merely high: a factor of three or more.
   */
  public static final double MIN_RATIO = 3;
  /**
   * Metrics whose noise is additive, judged by the z-score alone: decibels and pH are logarithms already, and road
   * speeds vary around a limit rather than by factors.
   */
  public static final Set<String> ADDITIVE_METRICS = Set.of("noise_db", "water_ph", "traffic_speed_kmh");
  /**
   * How far to look for the reading before and after a candidate, hours: the neighbour an hour away, or the next
   * one when a single hour is missing, so that a random gap next to a glitch does not hide it.
   */
  public static final int NEIGHBOUR_HOURS = 2;
  /** The neighbouring hours must lie within this robust z-score to count as normal. */
  public static final double NORMAL_Z = 4;
  /** Standard deviations per MAD for normal data. */
  public static final double MAD_TO_SIGMA = 1.4826;
  /** Robust z-score from which a spike is of medium severity. */
  public static final double MEDIUM_Z = 20;
  /** Robust z-score from which a spike is of high severity. */
  public static final double HIGH_Z = 50;

  private SpikeDetector() {}

  /**
   * Spikes of one metric.
   *
   * @param values the hourly values from {@code firstHour} on, NaN where missing
   */
  public static List<Anomaly> find(String metric, double[] values, long firstHour) {
    double typicalStep = typicalStep(values);
    double[] window = new double[2 * HALF_WINDOW_HOURS];
    double[] deviations = new double[2 * HALF_WINDOW_HOURS];
    List<Anomaly> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      double x = values[i];
      double prev = neighbour(values, i, -1);
      double next = neighbour(values, i, 1);
      // |x - median| > MIN_Z scale and |neighbour - median| < NORMAL_Z scale imply that x differs from both
      // neighbours by more than (MIN_Z - NORMAL_Z) scale >= that many typical steps: skip the rest cheaply
      double jump = (MIN_Z - NORMAL_Z) * typicalStep;
      if (Double.isNaN(x) || Double.isNaN(prev) || Double.isNaN(next)
          || !(x - Math.max(prev, next) > jump || Math.min(prev, next) - x > jump)) {
        continue;
      }
      int n = 0;
      for (int j = Math.max(0, i - HALF_WINDOW_HOURS); j <= Math.min(values.length - 1, i + HALF_WINDOW_HOURS); j++) {
        if (j != i && !Double.isNaN(values[j])) {
          window[n++] = values[j];
        }
      }
      if (n < MIN_NEIGHBOURS) {
        continue;
      }
      double median = median(window, n);
      for (int k = 0; k < n; k++) {
        deviations[k] = Math.abs(window[k] - median);
      }
      double scale = Math.max(MAD_TO_SIGMA * median(deviations, n), typicalStep);
      if (scale <= 0) {
        continue;
      }
      double z = (x - median) / scale;
      if (Math.abs(z) <= MIN_Z || Math.abs(prev - median) / scale >= NORMAL_Z
          || Math.abs(next - median) / scale >= NORMAL_Z || !absurd(metric, x, median)) {
        continue;
      }
      long hour = firstHour + i;
      double absZ = Math.abs(z);
      Severity severity = absZ >= HIGH_Z ? Severity.HIGH : absZ >= MEDIUM_Z ? Severity.MEDIUM : Severity.LOW;
      out.add(new Anomaly(AnomalyKind.SPIKE, metric, hour, hour + 1, severity, z,
          String.format("%s = %s at %s, robust z %.1f against the median %s of the readings within ±%d h "
              + "(scale %s); %s the reading before and %s the reading after.", metric, StuckDetector.format(x),
              Anomaly.time(hour), z, round(median), HALF_WINDOW_HOURS, round(scale), StuckDetector.format(prev),
              StuckDetector.format(next))));
    }
    return out;
  }

  /** The nearest reading within {@value #NEIGHBOUR_HOURS} hours before (step -1) or after (step 1), or NaN. */
  private static double neighbour(double[] values, int i, int step) {
    for (int k = 1; k <= NEIGHBOUR_HOURS; k++) {
      int j = i + step * k;
      if (j >= 0 && j < values.length && !Double.isNaN(values[j])) {
        return values[j];
      }
    }
    return Double.NaN;
  }

  private static boolean absurd(String metric, double x, double median) {
    return ADDITIVE_METRICS.contains(metric) || x >= MIN_RATIO * median || x * MIN_RATIO <= median;
  }

  /** Median of the non-zero absolute changes between consecutive hours: the least scale of the series. */
  private static double typicalStep(double[] values) {
    double[] steps = new double[values.length];
    int n = 0;
    for (int i = 1; i < values.length; i++) {
      double d = Math.abs(values[i] - values[i - 1]);
      if (d > 0) {
        steps[n++] = d;
      }
    }
    return n == 0 ? 0 : median(steps, n);
  }

  /** Median of the first {@code n} elements (reorders them). */
  static double median(double[] a, int n) {
    Arrays.sort(a, 0, n);
    return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
  }

  private static String round(double v) {
    return String.format("%.3g", v);
  }
}
