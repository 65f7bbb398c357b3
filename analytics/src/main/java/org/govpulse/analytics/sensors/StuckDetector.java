package org.govpulse.analytics.sensors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stuck values: one metric repeating the identical value hour after hour, when that metric normally varies.
 *
 * <p>"Normally varies" is measured on the series itself, outside its long runs: the share {@code p} of hours whose
 * value equals the previous hour's, and for the run's value {@code v} the share {@code q} of hours at {@code v} that
 * the next hour repeats ({@code q = (repeats at v + p) / (hours at v + 1)}, which is {@code p} for a value seen
 * nowhere else). A run of {@code L} identical readings is reported when it spans at least {@value #MIN_HOURS} hours
 * and the series would produce it by chance fewer than {@value #MAX_CHANCE} times ({@code pairs x q^(L-1)}). A coarse
 * metric that sits on one value (CO to 0.1 mg/m³ on calm nights) thus needs a much longer run than a finely resolved
 * one, and a series that spends more than half its readings in such runs is not tested at all.
 */
public final class StuckDetector {
  /**
   * Shortest run reported, hours. Half a day of identical values is implausible for a pollutant that follows the
   * diurnal cycle of traffic, mixing height and sunlight; shorter repeats occur at the resolution limit in calm
   * nights.
   */
  public static final int MIN_HOURS = 12;
  /** Missing hours tolerated inside a run: a stuck analyser keeps its value across a short transmission gap. */
  public static final int MAX_GAP_HOURS = 3;
  /**
   * Expected number of such runs by chance below which a run is a fault. Every series of every station is tested, so
   * the bar is per series: with a few hundred series in a city, one in ten thousand keeps false alarms to about one
   * in thirty runs of the job, while a day of repeats in a series that repeats a third of its hours (chance
   * 720 x 0.33^23, about 10^-8 in a month) is still far below it.
   */
  public static final double MAX_CHANCE = 1e-4;
  /**
   * Largest share of a series' readings inside long runs for the metric to count as varying at all: a metric that
   * sits on one value for half its hours (a quantised reading at its floor) does not "normally vary".
   */
  public static final double MAX_RUN_SHARE = 0.5;
  /** A whole day's mean is contaminated from 24 hours on: medium. */
  public static final int MEDIUM_HOURS = 24;
  /** Two days' means or more: high. */
  public static final int HIGH_HOURS = 48;

  private StuckDetector() {}

  /**
   * Stuck runs of one metric.
   *
   * @param values the hourly values from {@code firstHour} on, NaN where missing
   */
  public static List<Anomaly> find(String metric, double[] values, long firstHour) {
    List<int[]> runs = runs(values);
    List<int[]> candidates = new ArrayList<>();
    for (int[] r : runs) {
      if (r[1] - r[0] + 1 >= MIN_HOURS) {
        candidates.add(r);
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    boolean[] inCandidate = new boolean[values.length];
    int inRuns = 0;
    for (int[] r : candidates) {
      for (int i = r[0]; i <= r[1]; i++) {
        inCandidate[i] = true;
      }
      inRuns += r[2];
    }
    long readings = Arrays.stream(values).filter(v -> !Double.isNaN(v)).count();
    if (inRuns > MAX_RUN_SHARE * readings) {
      return List.of();
    }
    int pairs = 0;
    int repeats = 0;
    Map<Double, int[]> byValue = new HashMap<>();
    for (int i = 1; i < values.length; i++) {
      if (!Double.isNaN(values[i]) && !Double.isNaN(values[i - 1]) && !(inCandidate[i] && inCandidate[i - 1])) {
        pairs++;
        int[] atValue = byValue.computeIfAbsent(values[i - 1], v -> new int[2]);
        atValue[0]++;
        if (values[i] == values[i - 1]) {
          repeats++;
          atValue[1]++;
        }
      }
    }
    // a series with no repeat at all still gets a rate of one in (pairs + 1), so that the chance stays positive
    double p = Math.max(repeats, 1) / (double) (pairs + 1);
    List<Anomaly> out = new ArrayList<>();
    for (int[] r : candidates) {
      int runReadings = r[2];
      int[] atValue = byValue.getOrDefault(values[r[0]], new int[2]);
      double q = (atValue[1] + p) / (atValue[0] + 1);
      double chance = (pairs + 1) * Math.pow(q, runReadings - 1);
      if (chance >= MAX_CHANCE) {
        continue;
      }
      long start = firstHour + r[0];
      long end = firstHour + r[1] + 1;
      long hours = end - start;
      Severity severity = hours >= HIGH_HOURS ? Severity.HIGH : hours >= MEDIUM_HOURS ? Severity.MEDIUM : Severity.LOW;
      out.add(new Anomaly(AnomalyKind.STUCK, metric, start, end, severity, hours,
          String.format("%s repeated the value %s for %d h (%d identical readings) from %s to %s; otherwise it "
              + "repeats the previous hour's value in %.1f%% of hours.", metric, format(values[r[0]]), hours,
              runReadings, Anomaly.time(start), Anomaly.time(end), 100.0 * repeats / Math.max(pairs, 1))));
    }
    return out;
  }

  /** Runs of identical values as {first index, last index, readings}, bridging gaps up to MAX_GAP_HOURS. */
  private static List<int[]> runs(double[] values) {
    List<int[]> runs = new ArrayList<>();
    int first = -1;
    int last = -1;
    int count = 0;
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (Double.isNaN(v)) {
        continue;
      }
      if (first >= 0 && v == values[last] && i - last <= MAX_GAP_HOURS + 1) {
        last = i;
        count++;
      } else {
        if (first >= 0) {
          runs.add(new int[] {first, last, count});
        }
        first = i;
        last = i;
        count = 1;
      }
    }
    if (first >= 0) {
      runs.add(new int[] {first, last, count});
    }
    return runs;
  }

  static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.format("%.1f", v) : String.valueOf(v);
  }
}
