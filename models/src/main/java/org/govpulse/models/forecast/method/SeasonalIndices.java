package org.govpulse.models.forecast.method;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Seasonal indices from a classical decomposition (a centred moving average of one season for the trend, then the
 * mean ratio, or difference, of each season position to it). Multiplicative when every value is positive,
 * additive otherwise. Position {@code t} of a series (0-based, counting from its first value) uses index
 * {@code t mod m}.
 */
public final class SeasonalIndices implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] indices;
  private final boolean multiplicative;

  private SeasonalIndices(double[] indices, boolean multiplicative) {
    this.indices = indices;
    this.multiplicative = multiplicative;
  }

  /** No seasonality: adjusting and reseasonalising change nothing. */
  public static SeasonalIndices none() {
    return new SeasonalIndices(new double[] {1.0}, true);
  }

  /**
   * The M3 adjustment: indices from the classical decomposition when {@link SeasonalityTest} finds seasonality of
   * period {@code m}, otherwise {@link #none()}.
   */
  public static SeasonalIndices detect(double[] y, int m) {
    if (!SeasonalityTest.isSeasonal(y, m)) {
      return none();
    }
    SeasonalIndices s = estimate(y, m);
    if (s.multiplicative) {
      for (double v : s.indices) {
        if (Math.abs(v) < 1e-4) {
          return none();
        }
      }
    }
    return s;
  }

  /** Classical decomposition of {@code y} with period {@code m}; needs at least two full seasons. */
  public static SeasonalIndices estimate(double[] y, int m) {
    int n = y.length;
    if (m < 2 || n < 2 * m) {
      return none();
    }
    boolean multiplicative = Arrays.stream(y).allMatch(v -> v > 0);
    double[] sums = new double[m];
    int[] counts = new int[m];
    int half = m / 2;
    for (int t = half; t < n - half; t++) {
      double trend = centredMean(y, t, m);
      double detrended = multiplicative ? y[t] / trend : y[t] - trend;
      sums[t % m] += detrended;
      counts[t % m]++;
    }
    double[] figure = new double[m];
    double mean = 0;
    for (int k = 0; k < m; k++) {
      figure[k] = counts[k] == 0 ? (multiplicative ? 1 : 0) : sums[k] / counts[k];
      mean += figure[k] / m;
    }
    for (int k = 0; k < m; k++) {
      figure[k] = multiplicative ? figure[k] / mean : figure[k] - mean;
    }
    return new SeasonalIndices(figure, multiplicative);
  }

  /** The centred moving average of one season around {@code t} (a 2 x m average when m is even). */
  private static double centredMean(double[] y, int t, int m) {
    int half = m / 2;
    double s = 0;
    if (m % 2 == 0) {
      s += 0.5 * y[t - half] + 0.5 * y[t + half];
      for (int j = -half + 1; j <= half - 1; j++) {
        s += y[t + j];
      }
    } else {
      for (int j = -half; j <= half; j++) {
        s += y[t + j];
      }
    }
    return s / m;
  }

  /** True when seasonality was found (the indices are not all neutral). */
  public boolean isSeasonal() {
    return indices.length > 1;
  }

  public boolean isMultiplicative() {
    return multiplicative;
  }

  /** The index for 0-based position {@code t}. */
  public double at(int t) {
    return indices[Math.floorMod(t, indices.length)];
  }

  /** Removes the seasonality from values that start at position {@code offset}. */
  public double[] adjust(double[] y, int offset) {
    double[] out = new double[y.length];
    for (int t = 0; t < y.length; t++) {
      out[t] = multiplicative ? y[t] / at(offset + t) : y[t] - at(offset + t);
    }
    return out;
  }

  /** Puts the seasonality back into values that start at position {@code offset}. */
  public double[] reseasonalise(double[] f, int offset) {
    double[] out = new double[f.length];
    for (int t = 0; t < f.length; t++) {
      out[t] = multiplicative ? f[t] * at(offset + t) : f[t] + at(offset + t);
    }
    return out;
  }

  @Override
  public String toString() {
    if (!isSeasonal()) {
      return "not seasonal";
    }
    StringBuilder sb = new StringBuilder(multiplicative ? "multiplicative [" : "additive [");
    for (int k = 0; k < indices.length; k++) {
      sb.append(k == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.3f", indices[k]));
    }
    return sb.append(']').toString();
  }
}
