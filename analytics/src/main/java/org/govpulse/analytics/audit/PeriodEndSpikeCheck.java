package org.govpulse.analytics.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govpulse.analytics.sensors.Severity;
import org.govpulse.core.time.Frequency;

/**
 * Year-end spikes: the last period of the year (December, Q4) standing out in the favourable direction against the
 * rest of the year, year after year, more than in the other regions. For every region and complete year the
 * year-end effect is the log ratio of the last period to the mean of the others (for amounts that add up; the
 * difference otherwise). The median effect of the regions that year is taken out, since real seasonality (December
 * revenue, Q4 investment) is common to all of them, and the residuals are scaled by their robust standard deviation
 * pooled over every region and year of the indicator. A year with a favourable residual of {@value #MIN_Z} or more
 * counts; a finding needs {@value #MIN_YEARS} or more such years and at least half of the complete years: a habit,
 * not a one-off good December.
 */
public final class PeriodEndSpikeCheck {
  /** Robust z of a year-end effect that counts. */
  public static final double MIN_Z = 3.0;
  /** Years with a spike for a finding. */
  public static final int MIN_YEARS = 2;
  /** Regions with a complete year needed to compare that year. */
  public static final int MIN_REGIONS = 4;

  private PeriodEndSpikeCheck() {}

  /**
   * @param additive whether values are amounts that add up (log ratios) or levels (differences)
   * @param polarity +1 when higher is better, -1 otherwise: the direction that flatters the department
   */
  public static List<Finding> check(String indicator, Frequency frequency, boolean additive, double polarity,
      List<Series> series) {
    if (frequency == Frequency.ANNUAL) {
      return List.of();
    }
    int perYear = frequency.periodsPerYear();
    Map<String, Map<Integer, double[]>> effects = new HashMap<>();
    Map<Integer, List<Double>> byYear = new HashMap<>();
    for (Series s : series) {
      Map<Integer, double[]> own = new HashMap<>();
      s.byYear().forEach((year, points) -> {
        if (points.size() != perYear) {
          return;
        }
        double last = points.get(perYear - 1).value();
        double rest = AuditStatistics.mean(Series.values(points.subList(0, perYear - 1)));
        boolean ratio = additive && last > 0 && rest > 0;
        double effect = ratio ? Math.log(last / rest) : last - rest;
        own.put(year, new double[] {effect, last, rest, ratio ? 1 : 0});
        byYear.computeIfAbsent(year, y -> new ArrayList<>()).add(effect);
      });
      effects.put(s.regionCode(), own);
    }
    Map<Integer, Double> center = new HashMap<>();
    byYear.forEach((year, v) -> {
      if (v.size() >= MIN_REGIONS) {
        center.put(year, AuditStatistics.median(v.stream().mapToDouble(Double::doubleValue).toArray()));
      }
    });
    List<Double> residuals = new ArrayList<>();
    effects.values().forEach(m -> m.forEach((year, e) -> {
      if (center.containsKey(year)) {
        residuals.add(e[0] - center.get(year));
      }
    }));
    double scale = AuditStatistics.robustSd(residuals.stream().mapToDouble(Double::doubleValue).toArray());
    if (residuals.size() < 3 * MIN_REGIONS || !(scale > 0)) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    for (Series s : series) {
      List<Integer> spikes = new ArrayList<>();
      List<Double> zs = new ArrayList<>();
      List<String> detail = new ArrayList<>();
      int tested = 0;
      for (Map.Entry<Integer, double[]> e : new java.util.TreeMap<>(effects.get(s.regionCode())).entrySet()) {
        if (!center.containsKey(e.getKey())) {
          continue;
        }
        tested++;
        double z = polarity * (e.getValue()[0] - center.get(e.getKey())) / scale;
        if (z >= MIN_Z) {
          spikes.add(e.getKey());
          zs.add(z);
          double[] v = e.getValue();
          detail.add(v[3] > 0
              ? String.format(Locale.ROOT, "%d: %+.0f%% against %+.0f%% for the median region (z %.1f)", e.getKey(),
                  100 * (Math.exp(v[0]) - 1), 100 * (Math.exp(center.get(e.getKey())) - 1), z)
              : String.format(Locale.ROOT, "%d: %+.3g against %+.3g for the median region (z %.1f)", e.getKey(),
                  v[0], center.get(e.getKey()), z));
        }
      }
      if (spikes.size() < MIN_YEARS || 2 * spikes.size() < tested) {
        continue;
      }
      String last = frequency == Frequency.MONTHLY ? "-12" : "-Q4";
      String lastName = frequency == Frequency.MONTHLY ? "December" : "fourth-quarter";
      double medianZ = AuditStatistics.median(zs.stream().mapToDouble(Double::doubleValue).toArray());
      String evidence = String.format(Locale.ROOT, "%s %s in %s stood out against the rest of the year in %d of %d "
              + "complete years, beyond the common seasonality of the other regions (year-end effect, then the "
              + "median region's): %s", lastName, indicator, s.regionCode(), spikes.size(), tested,
          String.join("; ", detail));
      out.add(new Finding(FindingKind.PERIOD_END_SPIKE, spikes.size() >= 3 ? Severity.HIGH : Severity.MEDIUM,
          s.deptCode(), s.regionCode(), indicator, spikes.get(0) + last, spikes.get(spikes.size() - 1) + last,
          medianZ, evidence));
    }
    return out;
  }
}
