package org.govpulse.analytics.audit;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/** The few statistics the audit needs, in plain Java: robust location and scale, and exact tails. */
public final class AuditStatistics {
  /** Makes the median absolute deviation estimate the standard deviation of normal data. */
  public static final double MAD_TO_SD = 1.4826;

  private AuditStatistics() {}

  /** Median of the values (NaN when empty); the input is not modified. */
  public static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** Median absolute deviation from the median, scaled to a standard deviation ({@link #MAD_TO_SD}). */
  public static double robustSd(double[] values) {
    double m = median(values);
    double[] dev = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      dev[i] = Math.abs(values[i] - m);
    }
    return MAD_TO_SD * median(dev);
  }

  /** Mean (NaN when empty). */
  public static double mean(double[] values) {
    return values.length == 0 ? Double.NaN : Arrays.stream(values).sum() / values.length;
  }

  /** Sample standard deviation (n - 1); NaN with fewer than two values. */
  public static double sd(double[] values) {
    if (values.length < 2) {
      return Double.NaN;
    }
    double m = mean(values);
    double ss = 0;
    for (double x : values) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / (values.length - 1));
  }

  /**
   * P(X >= k) for X ~ Binomial(n, p), summed term by term so that tails far below 1e-16 keep their size (1 - cdf
   * would round them to zero).
   */
  public static double binomialUpperTail(int n, int k, double p) {
    if (k <= 0) {
      return 1.0;
    }
    BinomialDistribution b = new BinomialDistribution(null, n, p);
    double sum = 0;
    for (int i = k; i <= n; i++) {
      sum += b.probability(i);
    }
    return Math.min(1.0, sum);
  }

  /** Pearson's chi-square statistic of observed counts against equal expected counts. */
  public static double chiSquareUniform(long[] counts) {
    long n = Arrays.stream(counts).sum();
    double expected = (double) n / counts.length;
    double x2 = 0;
    for (long c : counts) {
      x2 += (c - expected) * (c - expected) / expected;
    }
    return x2;
  }

  /** Pearson's chi-square statistic of observed counts against expected proportions. */
  public static double chiSquare(long[] counts, double[] proportions) {
    long n = Arrays.stream(counts).sum();
    double x2 = 0;
    for (int i = 0; i < counts.length; i++) {
      double e = n * proportions[i];
      x2 += (counts[i] - e) * (counts[i] - e) / e;
    }
    return x2;
  }

  /** P(X >= x) for X ~ chi-square with {@code df} degrees of freedom. */
  public static double chiSquareUpperTail(double x, int df) {
    return 1.0 - new ChiSquaredDistribution(null, df).cumulativeProbability(x);
  }
}
