package org.govpulse.models.forecast;

import java.util.Random;

/** Deterministic synthetic series for tests: every generator takes its seed. */
public final class TestSeries {
  private TestSeries() {}

  /** {@code n} copies of {@code value}. */
  public static double[] constant(int n, double value) {
    double[] y = new double[n];
    java.util.Arrays.fill(y, value);
    return y;
  }

  /** {@code a + b t} for t = 0..n-1. */
  public static double[] linear(int n, double a, double b) {
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = a + b * t;
    }
    return y;
  }

  /** A pure repeating pattern. */
  public static double[] seasonal(int n, double... pattern) {
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = pattern[t % pattern.length];
    }
    return y;
  }

  /** {@code (a + b t) * pattern[t mod m]}: a trend with multiplicative seasonality. */
  public static double[] trendTimesSeason(int n, double a, double b, double... pattern) {
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = (a + b * t) * pattern[t % pattern.length];
    }
    return y;
  }

  /**
   * A local level with drift and multiplicative seasonality: {@code level_t = level_{t-1} + drift + e_t} with
   * {@code e_t ~ N(0, sigma^2)}, observed as {@code level_t * season[t mod m] + N(0, noise^2)}.
   */
  public static double[] noisy(Random random, int n, double start, double drift, double sigma, double noise,
      double... season) {
    double[] y = new double[n];
    double level = start;
    for (int t = 0; t < n; t++) {
      level += drift + sigma * random.nextGaussian();
      y[t] = level * season[t % season.length] + noise * random.nextGaussian();
    }
    return y;
  }
}
