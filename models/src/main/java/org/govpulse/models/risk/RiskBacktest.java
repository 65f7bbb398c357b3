package org.govpulse.models.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.analytics.catalogue.Indicator;
import org.govpulse.core.time.Period;
import org.govpulse.models.forecast.Forecast;
import org.govpulse.models.forecast.ForecastStep;
import org.govpulse.models.pipeline.PanelForecast;
import org.govpulse.models.pipeline.SeriesHistory;

/**
 * Replays past years as they looked part-way through: for each year and cut-off month, every series is truncated to
 * what was known then, forecast, and every target of that year assessed; the year's actual outcome is the label.
 * These examples train the target-risk classifier and measure calibration on held-out years.
 */
public final class RiskBacktest {
  /** One replayed assessment and what happened. */
  public record Example(int year, int cutMonth, String regionCode, String indicatorCode, RiskFeatures features,
      YearOutlook outlook, double target, boolean higherIsBetter, boolean naiveMiss, boolean missed) {

    /** The same example with the distribution features recomputed for another error correlation. */
    public Example withRho(double rho) {
      return new Example(year, cutMonth, regionCode, indicatorCode, features.withDistribution(outlook, target,
          higherIsBetter, rho), outlook, target, higherIsBetter, naiveMiss, missed);
    }
  }

  private final PanelForecast forecaster;
  private final Catalogue catalogue;
  private final double rho;

  public RiskBacktest(PanelForecast forecaster, Catalogue catalogue, double rho) {
    this.forecaster = forecaster;
    this.catalogue = catalogue;
    this.rho = rho;
  }

  /**
   * @param histories every series as known today
   * @param targets annual targets by region|indicator|year
   * @param years years to replay (complete years)
   * @param cutMonths months of the year after which to assess (e.g. 3, 6, 9)
   */
  public List<Example> replay(Map<String, SeriesHistory> histories, Map<String, Double> targets, List<Integer> years,
      List<Integer> cutMonths) {
    List<Example> out = new ArrayList<>();
    for (int year : years) {
      for (int month : cutMonths) {
        Period asOf = Period.month(year, month);
        Map<String, SeriesHistory> then = new HashMap<>();
        histories.forEach((id, h) -> then.put(id, h.asOf(asOf)));
        PanelForecast.Outcome outcome = forecaster.forecast(then);
        if (outcome.result() == null) {
          continue;
        }
        for (SeriesHistory now : histories.values()) {
          Double target = targets.get(key(now.regionCode(), now.indicatorCode(), year));
          Optional<Indicator> indicator = catalogue.find(now.indicatorCode());
          Forecast f = outcome.result().forecasts().get(now.id());
          if (target == null || indicator.isEmpty() || f == null) {
            continue;
          }
          Optional<Double> actual = TargetOutlook.annualValue(now, indicator.get(), year);
          Optional<TargetOutlook> o = TargetOutlook.assess(now.regionCode(), indicator.get(), year, target,
              then.get(now.id()), steps(f), rho);
          if (actual.isEmpty() || o.isEmpty() || o.get().outlook().remaining().isEmpty()) {
            continue;
          }
          boolean missed = indicator.get().higherIsBetter() ? actual.get() < target : actual.get() > target;
          out.add(new Example(year, month, now.regionCode(), now.indicatorCode(), o.get().features(),
              o.get().outlook(), target, indicator.get().higherIsBetter(), o.get().naiveMiss(), missed));
        }
      }
    }
    return out;
  }

  /** Key of the targets map. */
  public static String key(String region, String indicator, int year) {
    return region + "|" + indicator + "|" + year;
  }

  static Map<Period, YearOutlook.StepForecast> steps(Forecast f) {
    Map<Period, YearOutlook.StepForecast> m = new HashMap<>();
    for (ForecastStep s : f.steps()) {
      m.put(s.period().orElseThrow(), new YearOutlook.StepForecast(s.point(), s.lower80(), s.upper80()));
    }
    return m;
  }
}
