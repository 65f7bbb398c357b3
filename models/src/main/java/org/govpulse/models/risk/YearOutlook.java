package org.govpulse.models.risk;

import java.util.List;
import org.govpulse.analytics.catalogue.Aggregation;
import org.govpulse.core.error.Errors;

/**
 * Where a series' year is heading: the periods already known and the forecast of the rest, combined by the
 * indicator's aggregation into the distribution of the annual value that a target is set on.
 *
 * <p>The annual value is approximated as normal. Each remaining period's forecast error has the standard deviation
 * implied by its 80% interval ((upper - lower) / 2.563); errors of successive periods of one series are correlated
 * (a level shift moves them all), so the variance of their sum uses a common correlation {@code rho}, chosen by
 * calibration on held-out years (docs/models.md).
 *
 * @param aggregation how the year's periods make the annual value
 * @param periodsPerYear 12, 4 or 1
 * @param known values of the year's periods already reported, in order
 * @param remaining forecast of the year's remaining periods, in order
 */
public record YearOutlook(Aggregation aggregation, int periodsPerYear, List<Double> known,
    List<StepForecast> remaining) {

  /** Width of the central 80% of a standard normal distribution, in standard deviations. */
  static final double Z80_WIDTH = 2 * 1.2815515655446004;

  /** A forecast of one period: point and 80% interval. */
  public record StepForecast(double point, double lower80, double upper80) {
    double sigma() {
      return Math.max(0, (upper80 - lower80) / Z80_WIDTH);
    }
  }

  public YearOutlook {
    if (known.size() + remaining.size() != periodsPerYear) {
      throw Errors.invalidInput("A year outlook needs every period of the year",
          known.size() + " known and " + remaining.size() + " forecast periods for " + periodsPerYear,
          "Forecast as many periods as remain in the year");
    }
    known = List.copyOf(known);
    remaining = List.copyOf(remaining);
  }

  /** Expected annual value: actuals so far plus the point forecasts of the rest. */
  public double expected() {
    double knownSum = known.stream().mapToDouble(Double::doubleValue).sum();
    double forecastSum = remaining.stream().mapToDouble(StepForecast::point).sum();
    return switch (aggregation) {
      case SUM -> knownSum + forecastSum;
      case LAST -> remaining.isEmpty() ? known.get(known.size() - 1) : remaining.get(remaining.size() - 1).point();
      case MEAN, RATIO -> (knownSum + forecastSum) / periodsPerYear;
    };
  }

  /** Standard deviation of the annual value given the correlation of successive forecast errors. */
  public double sigma(double rho) {
    if (remaining.isEmpty()) {
      return 0;
    }
    if (aggregation == Aggregation.LAST) {
      return remaining.get(remaining.size() - 1).sigma();
    }
    double var = 0;
    for (int i = 0; i < remaining.size(); i++) {
      for (int j = 0; j < remaining.size(); j++) {
        double s = remaining.get(i).sigma() * remaining.get(j).sigma();
        var += i == j ? s : rho * s;
      }
    }
    double sumSigma = Math.sqrt(var);
    return aggregation == Aggregation.SUM ? sumSigma : sumSigma / periodsPerYear;
  }

  /**
   * Probability that the annual value ends on the wrong side of the target.
   *
   * @param target the annual target
   * @param higherIsBetter polarity
   * @param rho correlation of successive forecast errors
   */
  public double probabilityMiss(double target, boolean higherIsBetter, double rho) {
    double mean = expected();
    double sd = sigma(rho);
    double shortfall = higherIsBetter ? target - mean : mean - target;
    if (sd <= 0) {
      return shortfall > 0 ? 1.0 : 0.0;
    }
    return Normal.cdf(shortfall / sd);
  }

  /** Share of the year's periods already known. */
  public double elapsed() {
    return known.size() / (double) periodsPerYear;
  }
}
