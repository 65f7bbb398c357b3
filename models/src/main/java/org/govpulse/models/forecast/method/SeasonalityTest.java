package org.govpulse.models.forecast.method;

/**
 * The seasonality test of the M3 competition and of the Theta method: the autocorrelation at the seasonal lag is
 * compared with its 90% two-sided limit under the hypothesis of no seasonality,
 * {@code |r_m| > 1.645 * sqrt((1 + 2 * sum_{k<m} r_k^2) / n)}. Needs more than two full seasons.
 */
public final class SeasonalityTest {
  /** The 95% quantile of the standard normal: the 90% two-sided limit. */
  private static final double Z90 = 1.6448536269514722;

  private SeasonalityTest() {}

  /** True when {@code y} shows seasonality of period {@code m} at the 90% level. */
  public static boolean isSeasonal(double[] y, int m) {
    int n = y.length;
    if (m < 2 || n <= 2 * m) {
      return false;
    }
    double mean = 0;
    for (double v : y) {
      mean += v / n;
    }
    double denominator = 0;
    for (double v : y) {
      denominator += (v - mean) * (v - mean);
    }
    if (denominator <= 1e-12 * Math.max(1, mean * mean) * n) {
      return false;
    }
    double sumSquares = 0;
    double rm = 0;
    for (int k = 1; k <= m; k++) {
      double r = autocorrelation(y, mean, denominator, k);
      if (k < m) {
        sumSquares += r * r;
      } else {
        rm = r;
      }
    }
    double limit = Z90 * Math.sqrt((1 + 2 * sumSquares) / n);
    return Math.abs(rm) > limit;
  }

  private static double autocorrelation(double[] y, double mean, double denominator, int lag) {
    double s = 0;
    for (int t = lag; t < y.length; t++) {
      s += (y[t] - mean) * (y[t - lag] - mean);
    }
    return s / denominator;
  }
}
