package org.govpulse.models.forecast.backtest;

import java.util.Arrays;
import java.util.List;

/**
 * The forecasts of every candidate from every origin of one series' backtest window. Origin {@code o} means "fitted
 * on the first {@code o} values"; its step {@code s} (1-based) forecasts value {@code o + s - 1} (0-based).
 *
 * <p>A <em>cutoff</em> {@code T} reads the backtest as if only the first {@code T} values were known: it uses the
 * origins {@code T - window .. T - 1} and, from each, only the steps whose actual lies before {@code T}. The
 * engine reads it at {@code T = n} for the final weights and intervals, and at {@code T = n - h} to validate the
 * combination rules out of sample.
 */
public final class SeriesBacktest {
  private final double[] values;
  private final int horizon;
  private final int window;
  private final int firstOrigin;
  private final List<String> candidates;
  /** [candidate][origin - firstOrigin][step - 1]; NaN where the candidate could not fit. */
  private final double[][][] forecasts;
  private final double[] scales;

  SeriesBacktest(double[] values, int horizon, int window, int firstOrigin, List<String> candidates,
      double[][][] forecasts, double[] scales) {
    this.values = values;
    this.horizon = horizon;
    this.window = window;
    this.firstOrigin = firstOrigin;
    this.candidates = List.copyOf(candidates);
    this.forecasts = forecasts;
    this.scales = scales;
  }

  public List<String> candidates() {
    return candidates;
  }

  public int length() {
    return values.length;
  }

  public int horizon() {
    return horizon;
  }

  /** True when the origin is in the backtest. */
  public boolean hasOrigin(int origin) {
    return origin >= firstOrigin && origin <= values.length - 1;
  }

  /** The scale of errors at an origin: the MASE scale of the history up to it. */
  public double scale(int origin) {
    return scales[origin - firstOrigin];
  }

  /** The actual value at a 0-based position. */
  public double actual(int position) {
    return values[position];
  }

  /** The forecast of a candidate from an origin, for step {@code s}; NaN when it could not fit there. */
  public double forecast(int candidate, int origin, int step) {
    return forecasts[candidate][origin - firstOrigin][step - 1];
  }

  /**
   * The combination of candidates with the given weights for step {@code s} from an origin; candidates that
   * could not fit there are left out and the other weights renormalised. NaN when none fit.
   */
  public double combined(double[] weights, int origin, int step) {
    double sum = 0;
    double total = 0;
    for (int c = 0; c < weights.length; c++) {
      if (weights[c] == 0) {
        continue;
      }
      double f = forecast(c, origin, step);
      if (!Double.isNaN(f)) {
        sum += weights[c] * f;
        total += weights[c];
      }
    }
    return total > 0 ? sum / total : Double.NaN;
  }

  /**
   * The out-of-sample validation of a weighting rule at origin {@code n - h}: its weights are computed from the
   * backtest errors as they stood at that origin, and its combined forecast is compared with the last {@code h}
   * values. Null when the series is too short to have that origin, or no candidate could forecast from it.
   *
   * @param weighting the candidates' errors at the origin to the weights
   * @param measure the error the weights are computed from
   * @return {actual, forecast} for steps 1..h
   */
  public double[][] validate(java.util.function.Function<double[], double[]> weighting, ErrorMeasure measure) {
    int origin = values.length - horizon;
    if (!hasOrigin(origin)) {
      return null;
    }
    double[] weights = weighting.apply(candidateErrors(origin, measure));
    double[] actual = Arrays.copyOfRange(values, origin, values.length);
    double[] forecast = new double[horizon];
    for (int s = 1; s <= horizon; s++) {
      forecast[s - 1] = combined(weights, origin, s);
      if (Double.isNaN(forecast[s - 1])) {
        return null;
      }
    }
    return new double[][] {actual, forecast};
  }

  /** The first origin the cutoff uses. */
  public int firstOrigin(int cutoff) {
    return Math.max(firstOrigin, cutoff - window);
  }

  /**
   * The mean error of each candidate over the origins and steps the cutoff allows; NaN for a candidate that misses
   * any of them (it cannot be compared fairly).
   */
  public double[] candidateErrors(int cutoff, ErrorMeasure measure) {
    double[] errors = new double[candidates.size()];
    for (int c = 0; c < errors.length; c++) {
      double sum = 0;
      int count = 0;
      for (int o = firstOrigin(cutoff); o < cutoff; o++) {
        for (int s = 1; s <= Math.min(horizon, cutoff - o); s++) {
          double f = forecast(c, o, s);
          sum += measure.of(values[o + s - 1], f, scale(o));
          count++;
        }
      }
      errors[c] = count == 0 ? Double.NaN : sum / count;
    }
    return errors;
  }

  /**
   * The absolute errors of the weighted combination divided by the scale at their origin, per step:
   * {@code result[s - 1]} holds those of step {@code s} for the origins the cutoff allows.
   */
  public double[][] scaledResiduals(int cutoff, double[] weights) {
    double[][] out = new double[horizon][];
    for (int s = 1; s <= horizon; s++) {
      double[] r = new double[Math.max(0, cutoff - s - firstOrigin(cutoff) + 1)];
      int k = 0;
      for (int o = firstOrigin(cutoff); o + s <= cutoff; o++) {
        double f = combined(weights, o, s);
        if (!Double.isNaN(f)) {
          r[k++] = Math.abs(values[o + s - 1] - f) / scale(o);
        }
      }
      out[s - 1] = Arrays.copyOf(r, k);
    }
    return out;
  }
}
