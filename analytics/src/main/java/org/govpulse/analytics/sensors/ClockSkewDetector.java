package org.govpulse.analytics.sensors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Clock skew: a station whose diurnal cycle is shifted by hours against the other stations of its city, day after
 * day. Ozone peaks in the afternoon, NO2 and CO with the rush hours, and the stations of one city share those hours;
 * a station whose device clock is wrong (UTC read as local time, a lost time zone) shows the same cycle moved by its
 * clock error.
 *
 * <p>For every local day the station's mean hourly profile over a centred window of {@value #WINDOW_DAYS} days is
 * compared, metric by metric, with the mean profile of the other stations, circularly shifted by -11 to +12 hours;
 * the shift with the highest mean correlation over the metrics is the day's estimate. A shift {@code L} means the
 * station's hour {@code h} looks like the others' hour {@code h - L}: its stamps run {@code L} hours ahead (negative:
 * behind). Days whose estimate is a clear, non-zero shift form runs; a run of at least {@value #MIN_DAYS} days is a
 * fault, its ends refined with single-day estimates (a centred window blurs the day the clock changed).
 */
public final class ClockSkewDetector {
  /** Days averaged into one profile: a week smooths the weather of single days. */
  public static final int WINDOW_DAYS = 7;
  /**
   * Smallest shift reported, hours. Peak hours of neighbouring stations differ by an hour with local traffic and
   * sea or valley breezes, and hourly means may be stamped at the start or the end of their hour.
   */
  public static final int MIN_SHIFT_HOURS = 2;
  /** Mean correlation the best shift must reach: the shifted profiles must really look alike. */
  public static final double MIN_CORRELATION = 0.6;
  /** How much better than no shift the best shift must fit, so that a flat or noisy profile decides nothing. */
  public static final double MIN_GAIN = 0.3;
  /** Days a shift must persist to be a clock fault rather than a few odd days of weather. */
  public static final int MIN_DAYS = 5;
  /** Other stations the reference profile needs. */
  public static final int MIN_REFERENCE_STATIONS = 2;
  /** Hours of the 24 that both profiles need. */
  public static final int MIN_PROFILE_HOURS = 18;
  /**
   * Least diurnal variation of the reference profile (standard deviation over mean) for a metric to take part: a
   * metric without a daily cycle carries no timing information.
   */
  public static final double MIN_DIURNAL_VARIATION = 0.05;
  /** Shifts of this many hours or more move readings into the wrong day for part of the day: high when lasting. */
  public static final int HIGH_SHIFT_HOURS = 3;
  /** ... for at least a week. */
  public static final int HIGH_DAYS = 7;

  private static final int HOURS = 24;
  private static final int MIN_LAG = -11;
  private static final int MAX_LAG = 12;

  private ClockSkewDetector() {}

  /**
   * One local day of one metric: the station's hourly values and the mean of the other stations' (NaN where
   * missing).
   */
  public record DayProfile(String metric, int epochDay, double[] station, double[] reference, int referenceStations) {}

  /** The best shift of a set of days, with the mean correlation at it and at zero. */
  record Estimate(int lag, double score, double scoreAtZero, List<String> metrics, int referenceStations) {
    boolean clear() {
      return Math.abs(lag) >= MIN_SHIFT_HOURS && score >= MIN_CORRELATION && score - scoreAtZero >= MIN_GAIN;
    }
  }

  /**
   * Sustained shifts of one station.
   *
   * @param offsetSeconds the station's UTC offset, to place local days on the UTC timeline
   */
  public static List<Anomaly> find(List<DayProfile> profiles, int offsetSeconds) {
    TreeMap<Integer, List<DayProfile>> byDay = new TreeMap<>();
    for (DayProfile p : profiles) {
      if (p.referenceStations() >= MIN_REFERENCE_STATIONS) {
        byDay.computeIfAbsent(p.epochDay(), d -> new ArrayList<>()).add(p);
      }
    }
    if (byDay.isEmpty()) {
      return List.of();
    }
    Map<Integer, Estimate> windowed = new TreeMap<>();
    for (int day : byDay.keySet()) {
      Estimate e = estimate(byDay.subMap(day - WINDOW_DAYS / 2, true, day + WINDOW_DAYS / 2, true));
      if (e != null) {
        windowed.put(day, e);
      }
    }
    List<Anomaly> out = new ArrayList<>();
    List<Integer> run = new ArrayList<>();
    for (Map.Entry<Integer, Estimate> e : windowed.entrySet()) {
      Estimate est = e.getValue();
      boolean continues = est.clear() && (run.isEmpty() || Math.abs(est.lag() - windowed.get(run.get(0)).lag()) <= 1);
      if (!continues) {
        report(run, windowed, byDay, offsetSeconds, out);
        run = new ArrayList<>();
      }
      if (est.clear()) {
        run.add(e.getKey());
      }
    }
    report(run, windowed, byDay, offsetSeconds, out);
    return out;
  }

  private static void report(List<Integer> run, Map<Integer, Estimate> windowed,
      TreeMap<Integer, List<DayProfile>> byDay, int offsetSeconds, List<Anomaly> out) {
    if (run.size() < MIN_DAYS) {
      return;
    }
    int[] lags = run.stream().mapToInt(d -> windowed.get(d).lag()).sorted().toArray();
    int shift = lags[lags.length / 2];
    int first = extend(run.get(0), -1, shift, byDay);
    int last = extend(run.get(run.size() - 1), 1, shift, byDay);
    Estimate whole = estimate(byDay.subMap(first, true, last, true));
    if (whole == null) {
      return;
    }
    int days = last - first + 1;
    int offsetHours = Math.floorDiv(offsetSeconds, 3600);
    long start = first * 24L - offsetHours;
    long end = (last + 1) * 24L - offsetHours;
    Severity severity = Math.abs(shift) >= HIGH_SHIFT_HOURS && days >= HIGH_DAYS ? Severity.HIGH : Severity.MEDIUM;
    String utc = shift * 3600 == -offsetSeconds ? ", as when UTC times are taken for local time" : "";
    double atShift = score(byDay.subMap(first, true, last, true), shift);
    out.add(new Anomaly(AnomalyKind.CLOCK_SKEW, null, start, end, severity, shift, String.format(
        "Diurnal cycle shifted by %+d h against the mean of %d other stations of the city for %d days, local dates "
            + "%s to %s (%s): profile correlation %.2f at %+d h, %.2f unshifted; its timestamps run %d h %s%s.",
        shift, whole.referenceStations(), days, LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last),
        String.join(", ", whole.metrics()), atShift, shift, whole.scoreAtZero(), Math.abs(shift),
        shift < 0 ? "behind" : "ahead", utc)));
  }

  /** Moves a run's end day outwards while single days show the same shift, at most half a window. */
  private static int extend(int day, int step, int shift, TreeMap<Integer, List<DayProfile>> byDay) {
    int d = day;
    for (int i = 0; i < WINDOW_DAYS / 2; i++) {
      Estimate single = estimate(byDay.subMap(d + step, true, d + step, true));
      if (single == null || Math.abs(single.lag() - shift) > 1 || single.score() - single.scoreAtZero() < MIN_GAIN) {
        break;
      }
      d += step;
    }
    return d;
  }

  /** The best shift over a set of days, or null when no metric has usable profiles. */
  static Estimate estimate(Map<Integer, List<DayProfile>> days) {
    Map<String, double[][]> profiles = profiles(days);
    if (profiles.isEmpty()) {
      return null;
    }
    double[] scores = new double[MAX_LAG - MIN_LAG + 1];
    for (double[][] p : profiles.values()) {
      for (int lag = MIN_LAG; lag <= MAX_LAG; lag++) {
        scores[lag - MIN_LAG] += correlation(p[0], p[1], lag) / profiles.size();
      }
    }
    int best = 0;
    for (int lag = MIN_LAG; lag <= MAX_LAG; lag++) {
      double s = scores[lag - MIN_LAG];
      double b = scores[best - MIN_LAG];
      if (s > b || (s == b && Math.abs(lag) < Math.abs(best))) {
        best = lag;
      }
    }
    int stations = days.values().stream().flatMap(List::stream).mapToInt(DayProfile::referenceStations).max()
        .orElse(0);
    return new Estimate(best, scores[best - MIN_LAG], scores[-MIN_LAG], List.copyOf(profiles.keySet()), stations);
  }

  private static double score(Map<Integer, List<DayProfile>> days, int lag) {
    Map<String, double[][]> profiles = profiles(days);
    return profiles.values().stream().mapToDouble(p -> correlation(p[0], p[1], lag)).average().orElse(Double.NaN);
  }

  /** Per metric the mean station and reference profiles over the days, for the metrics that qualify. */
  private static Map<String, double[][]> profiles(Map<Integer, List<DayProfile>> days) {
    Map<String, double[][]> sums = new TreeMap<>();
    for (List<DayProfile> list : days.values()) {
      for (DayProfile p : list) {
        double[][] s = sums.computeIfAbsent(p.metric(), m -> new double[4][HOURS]);
        for (int h = 0; h < HOURS; h++) {
          if (!Double.isNaN(p.station()[h])) {
            s[0][h] += p.station()[h];
            s[1][h]++;
          }
          if (!Double.isNaN(p.reference()[h])) {
            s[2][h] += p.reference()[h];
            s[3][h]++;
          }
        }
      }
    }
    Map<String, double[][]> out = new TreeMap<>();
    for (Map.Entry<String, double[][]> e : sums.entrySet()) {
      double[][] s = e.getValue();
      double[] station = new double[HOURS];
      double[] reference = new double[HOURS];
      for (int h = 0; h < HOURS; h++) {
        station[h] = s[1][h] > 0 ? s[0][h] / s[1][h] : Double.NaN;
        reference[h] = s[3][h] > 0 ? s[2][h] / s[3][h] : Double.NaN;
      }
      if (present(station) >= MIN_PROFILE_HOURS && present(reference) >= MIN_PROFILE_HOURS
          && variation(reference) >= MIN_DIURNAL_VARIATION) {
        out.put(e.getKey(), new double[][] {station, reference});
      }
    }
    return out;
  }

  /** Pearson correlation of station[h] with reference[h - lag] (circular), over the hours both have. */
  static double correlation(double[] station, double[] reference, int lag) {
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    int n = 0;
    for (int h = 0; h < HOURS; h++) {
      double x = station[h];
      double y = reference[Math.floorMod(h - lag, HOURS)];
      if (Double.isNaN(x) || Double.isNaN(y)) {
        continue;
      }
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
      n++;
    }
    if (n < MIN_PROFILE_HOURS) {
      return 0;
    }
    double cov = sxy - sx * sy / n;
    double vx = sxx - sx * sx / n;
    double vy = syy - sy * sy / n;
    return vx <= 0 || vy <= 0 ? 0 : cov / Math.sqrt(vx * vy);
  }

  private static int present(double[] p) {
    return (int) Arrays.stream(p).filter(v -> !Double.isNaN(v)).count();
  }

  private static double variation(double[] p) {
    double[] v = Arrays.stream(p).filter(x -> !Double.isNaN(x)).toArray();
    double mean = Arrays.stream(v).average().orElse(0);
    double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(0);
    return mean == 0 ? 0 : Math.sqrt(var) / Math.abs(mean);
  }
}
