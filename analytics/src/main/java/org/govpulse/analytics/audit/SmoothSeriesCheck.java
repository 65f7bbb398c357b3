package org.govpulse.analytics.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govpulse.analytics.sensors.Severity;
import org.govpulse.core.time.Frequency;

/**
 * Series that move far less than the same indicator elsewhere. For every region and calendar year with at least
 * {@value #MIN_VALUES_PER_YEAR} values, the standard deviation of the year's values is compared with the median of
 * the other regions' for the same indicator and year (at least {@value #MIN_PEERS} of them): seasonality, trends and
 * common shocks are shared with the peers, so an honest series has a ratio near 1, and invented values, which
 * rarely carry the noise, seasonality and shocks of the real thing, have a ratio far below it. A year is smooth
 * below {@value #MAX_RATIO}; {@value #MIN_YEARS} or more consecutive smooth years holding at least
 * {@value #MIN_VALUES} values make a finding. Smooth years happen by chance in quiet series: with four quarterly
 * values the sample standard deviation falls below a quarter of the true one about once in fifty years, more often
 * when the series is autocorrelated, so two such years of a quarterly series (eight values) are not enough. Annual series have too few values a year and are not tested.
 */
public final class SmoothSeriesCheck {
  /** Fewest values a year. */
  public static final int MIN_VALUES_PER_YEAR = 4;
  /** Fewest other regions with a value that year. */
  public static final int MIN_PEERS = 3;
  /** A year is smooth when its spread is below this share of the peers' median. */
  public static final double MAX_RATIO = 0.25;
  /** Consecutive smooth years for a finding... */
  public static final int MIN_YEARS = 2;
  /** ...holding at least this many values. */
  public static final int MIN_VALUES = 12;

  private SmoothSeriesCheck() {}

  /** Findings among the series of one indicator. */
  public static List<Finding> check(String indicator, Frequency frequency, boolean additive, List<Series> series) {
    if (frequency == Frequency.ANNUAL) {
      return List.of();
    }
    Map<String, Map<Integer, double[]>> spread = new HashMap<>();
    for (Series s : series) {
      Map<Integer, double[]> years = new HashMap<>();
      s.byYear().forEach((year, points) -> {
        if (points.size() >= MIN_VALUES_PER_YEAR) {
          years.put(year, new double[] {spread(Series.values(points), additive), points.size()});
        }
      });
      spread.put(s.regionCode(), years);
    }
    List<Finding> out = new ArrayList<>();
    for (Series s : series) {
      Map<Integer, double[]> own = spread.get(s.regionCode());
      List<int[]> run = new ArrayList<>();
      List<double[]> runStats = new ArrayList<>();
      for (int year : own.keySet().stream().sorted().toList()) {
        double[] peers = spread.entrySet().stream().filter(e -> !e.getKey().equals(s.regionCode()))
            .map(e -> e.getValue().get(year)).filter(v -> v != null).mapToDouble(v -> v[0]).toArray();
        double reference = AuditStatistics.median(peers);
        boolean smooth = peers.length >= MIN_PEERS && reference > 0 && own.get(year)[0] / reference < MAX_RATIO;
        boolean continues = smooth && (run.isEmpty() || run.get(run.size() - 1)[0] == year - 1);
        if (!continues) {
          emit(indicator, additive, s, run, runStats, out);
          run.clear();
          runStats.clear();
        }
        if (smooth) {
          run.add(new int[] {year, (int) own.get(year)[1]});
          runStats.add(new double[] {own.get(year)[0], reference, peers.length});
        }
      }
      emit(indicator, additive, s, run, runStats, out);
    }
    return out;
  }

  /**
   * The spread of a year's values: for amounts that add up the standard deviation of their logarithms (a small
   * county's revenue moves by fewer yuan than the capital's, not by a smaller share), otherwise of the values.
   */
  static double spread(double[] values, boolean additive) {
    if (additive && java.util.Arrays.stream(values).allMatch(v -> v > 0)) {
      return AuditStatistics.sd(java.util.Arrays.stream(values).map(Math::log).toArray());
    }
    return AuditStatistics.sd(values);
  }

  private static void emit(String indicator, boolean additive, Series s, List<int[]> run, List<double[]> stats,
      List<Finding> out) {
    if (run.size() < MIN_YEARS || run.stream().mapToInt(y -> y[1]).sum() < MIN_VALUES) {
      return;
    }
    int first = run.get(0)[0];
    int last = run.get(run.size() - 1)[0];
    List<Series.Point> points = s.points().stream()
        .filter(p -> p.period().year() >= first && p.period().year() <= last).toList();
    double own = AuditStatistics.median(stats.stream().mapToDouble(x -> x[0]).toArray());
    double reference = AuditStatistics.median(stats.stream().mapToDouble(x -> x[1]).toArray());
    double ratio = AuditStatistics.median(stats.stream().mapToDouble(x -> x[0] / x[1]).toArray());
    int peers = (int) stats.stream().mapToDouble(x -> x[2]).min().orElse(0);
    Severity severity = run.size() >= 3 ? Severity.HIGH : Severity.MEDIUM;
    String evidence = String.format(Locale.ROOT, "%s in %s moved with a standard deviation of %.3g%s within each "
            + "year from %d to %d (%d values, median over the years), against a median of %.3g in the other regions "
            + "(%d peers): %.2f of the peers' spread, below %.2f in each of %d consecutive years", indicator,
        s.regionCode(), own, additive ? " (of its logarithm)" : "", first, last, points.size(), reference, peers,
        ratio, MAX_RATIO, run.size());
    out.add(new Finding(FindingKind.SMOOTH_SERIES, severity, s.deptCode(), s.regionCode(), indicator,
        points.get(0).period().toString(), points.get(points.size() - 1).period().toString(), ratio, evidence));
  }
}
