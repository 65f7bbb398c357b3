package org.govpulse.models.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.govpulse.analytics.catalogue.Indicator;
import org.govpulse.core.time.Frequency;
import org.govpulse.core.time.Period;
import org.govpulse.models.pipeline.SeriesHistory;

/**
 * The risk assessment of one annual target: the year outlook built from the series' actuals and its forecast, the
 * probability of missing from the forecast distribution, the naive rule's verdict, and the drivers in words.
 *
 * @param regionCode region
 * @param indicator indicator
 * @param year target year
 * @param target target value
 * @param outlook where the year is heading
 * @param probability probability of missing from the forecast distribution
 * @param naiveMiss the naive rule's verdict
 * @param features the classifier's inputs
 * @param drivers reasons in English and Chinese, most important first
 */
public record TargetOutlook(String regionCode, Indicator indicator, int year, double target, YearOutlook outlook,
    double probability, boolean naiveMiss, RiskFeatures features, List<Driver> drivers) {

  /** A reason in both languages. */
  public record Driver(String en, String zh) {}

  /**
   * Assesses a target; empty when the year can be neither observed nor forecast to its end.
   *
   * @param history the series at the indicator's frequency, as known now
   * @param forecasts forecast steps of the series by period (point, lower80, upper80)
   * @param rho correlation of successive forecast errors
   */
  public static Optional<TargetOutlook> assess(String regionCode, Indicator indicator, int year, double target,
      SeriesHistory history, Map<Period, YearOutlook.StepForecast> forecasts, double rho) {
    Frequency f = indicator.frequency();
    Period first = Period.containing(f, Period.year(year).start());
    List<Double> known = new ArrayList<>();
    List<YearOutlook.StepForecast> remaining = new ArrayList<>();
    for (int i = 0; i < f.periodsPerYear(); i++) {
      Period p = first.plus(i);
      Optional<Double> v = history.value(p);
      if (v.isPresent() && remaining.isEmpty()) {
        known.add(v.get());
      } else if (forecasts.containsKey(p)) {
        remaining.add(forecasts.get(p));
      } else {
        return Optional.empty();
      }
    }
    YearOutlook outlook = new YearOutlook(indicator.aggregation(), f.periodsPerYear(), known, remaining);
    boolean higher = indicator.higherIsBetter();
    double p = outlook.probabilityMiss(target, higher, rho);
    Optional<Double> lastYear = annualValue(history, indicator, year - 1);
    double pace = known.isEmpty() ? lastYear.orElse(Double.NaN) : NaiveRule.pace(outlook);
    boolean naiveMiss = !Double.isNaN(pace) && (higher ? pace < target : pace > target);
    RiskFeatures features = RiskFeatures.of(outlook, target, higher, pace, lastYear, history, p, rho);
    return Optional.of(new TargetOutlook(regionCode, indicator, year, target, outlook, p, naiveMiss, features,
        drivers(outlook, target, indicator, pace, lastYear)));
  }

  /** The value of a complete year by the indicator's aggregation, if every period was observed. */
  static Optional<Double> annualValue(SeriesHistory history, Indicator indicator, int year) {
    Frequency f = indicator.frequency();
    Period first = Period.containing(f, Period.year(year).start());
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < f.periodsPerYear(); i++) {
      Optional<Double> v = history.value(first.plus(i));
      if (v.isEmpty()) {
        return Optional.empty();
      }
      values.add(v.get());
    }
    return Optional.of(new YearOutlook(indicator.aggregation(), f.periodsPerYear(), values, List.of()).expected());
  }

  private static List<Driver> drivers(YearOutlook o, double target, Indicator indicator, double pace,
      Optional<Double> lastYear) {
    List<Driver> out = new ArrayList<>();
    String unit = indicator.unit();
    double sign = indicator.polaritySign();
    if (!o.known().isEmpty()) {
      double gap = (pace - target) * sign;
      out.add(new Driver(String.format(Locale.ROOT, "the year-to-date pace (%s %s over %d of %d periods) is %s the "
              + "target by %s", fmt(pace), unit, o.known().size(), o.periodsPerYear(), gap < 0 ? "short of" : "ahead of",
          fmt(Math.abs(gap))),
          String.format(Locale.ROOT, "截至目前（%d/%d期）按当前进度全年约%s%s，%s目标%s", o.known().size(),
              o.periodsPerYear(), fmt(pace), unit, gap < 0 ? "低于" : "高于", fmt(Math.abs(gap)))));
    }
    if (!o.remaining().isEmpty()) {
      double expectedGap = (o.expected() - target) * sign;
      out.add(new Driver(String.format(Locale.ROOT, "with the forecast of the remaining %d periods the year ends "
              + "near %s %s, %s the target by %s", o.remaining().size(), fmt(o.expected()), unit,
          expectedGap < 0 ? "short of" : "ahead of", fmt(Math.abs(expectedGap))),
          String.format(Locale.ROOT, "结合剩余%d期预测，全年预计约%s%s，%s目标%s", o.remaining().size(), fmt(o.expected()),
              unit, expectedGap < 0 ? "低于" : "高于", fmt(Math.abs(expectedGap)))));
    }
    if (lastYear.isPresent() && (lastYear.get() - target) * sign < 0) {
      out.add(new Driver(String.format(Locale.ROOT, "last year's value (%s %s) was already short of this target",
          fmt(lastYear.get()), unit), String.format(Locale.ROOT, "上年实际值（%s%s）已未达到本目标", fmt(lastYear.get()), unit)));
    }
    return out;
  }

  static String fmt(double v) {
    double a = Math.abs(v);
    return a >= 100 ? String.format(Locale.ROOT, "%.0f", v) : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
        : String.format(Locale.ROOT, "%.2f", v);
  }
}
