package org.govpulse.models.risk;

import java.util.List;
import java.util.Optional;
import org.govpulse.models.pipeline.SeriesHistory;

/**
 * Scale-free inputs of the target-risk classifier, all oriented so that larger means better placed to meet the
 * target.
 *
 * @param distributionZ (expected annual value - target) / its standard deviation, by polarity (capped at ±6)
 * @param distributionProbability probability of missing from the forecast distribution
 * @param paceGap (year-to-date pace - target) / |target|, by polarity (0 when no pace is known)
 * @param elapsed share of the year already observed
 * @param trend change over the last three observations relative to |target|, by polarity
 * @param lastYearGap (last year's value - target) / |target|, by polarity (0 when unknown)
 * @param volatility standard deviation of period-to-period changes relative to |target|
 */
public record RiskFeatures(double distributionZ, double distributionProbability, double paceGap, double elapsed,
    double trend, double lastYearGap, double volatility) {

  /** Feature names, in the order of {@link #values()}. */
  public static final List<String> NAMES = List.of("distribution_z", "distribution_probability", "pace_gap",
      "elapsed", "trend", "last_year_gap", "volatility");

  /**
   * The values the classifier sees. Relative gaps are clipped to ±3 (three times the target): a series whose target
   * is near zero (a growth rate, say) would otherwise produce huge ratios that dominate a linear model.
   */
  public double[] values() {
    return new double[] {distributionZ, distributionProbability, clip(paceGap), elapsed, clip(trend),
        clip(lastYearGap), clip(volatility)};
  }

  private static double clip(double x) {
    return Math.max(-3, Math.min(3, x));
  }

  /** These features with the two distribution features recomputed for another error correlation. */
  public RiskFeatures withDistribution(YearOutlook o, double target, boolean higher, double rho) {
    double sd = o.sigma(rho);
    double sign = higher ? 1 : -1;
    double z = sd > 0 ? (o.expected() - target) * sign / sd : Math.signum((o.expected() - target) * sign) * 6;
    return new RiskFeatures(Math.max(-6, Math.min(6, z)), o.probabilityMiss(target, higher, rho), paceGap, elapsed,
        trend, lastYearGap, volatility);
  }

  static RiskFeatures of(YearOutlook o, double target, boolean higher, double pace, Optional<Double> lastYear,
      SeriesHistory history, double probability, double rho) {
    double sign = higher ? 1 : -1;
    double scale = Math.max(Math.abs(target), 1e-9);
    double sd = o.sigma(rho);
    double z = sd > 0 ? (o.expected() - target) * sign / sd : Math.signum((o.expected() - target) * sign) * 6;
    List<SeriesHistory.Point> pts = history.points();
    double trend = 0;
    double vol = 0;
    if (pts.size() >= 3) {
      trend = (pts.get(pts.size() - 1).value() - pts.get(pts.size() - 3).value()) * sign / scale;
      double mean = 0;
      int n = pts.size() - 1;
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = pts.get(i + 1).value() - pts.get(i).value();
        mean += d[i] / n;
      }
      for (double x : d) {
        vol += (x - mean) * (x - mean) / Math.max(1, n - 1);
      }
      vol = Math.sqrt(vol) / scale;
    }
    return new RiskFeatures(Math.max(-6, Math.min(6, z)), probability,
        Double.isNaN(pace) ? 0 : (pace - target) * sign / scale, o.elapsed(), trend,
        lastYear.map(v -> (v - target) * sign / scale).orElse(0.0), vol);
  }
}
