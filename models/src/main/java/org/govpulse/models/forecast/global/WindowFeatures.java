package org.govpulse.models.forecast.global;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.govpulse.models.forecast.method.SeasonalIndices;
import org.govpulse.models.forecast.method.Ses;
import org.govpulse.models.forecast.method.ThetaLines;

/**
 * The scale-free description of a history at an origin, shared by training and prediction. The history is
 * seasonally adjusted as in M3 ({@link SeasonalIndices#detect}), and divided by its level (the mean of its last
 * season, or its last value for non-seasonal data). Features: the last lags of that ratio series, least-squares
 * slopes over the whole history and the last lags, mean absolute change, the SES level and the Theta forecast
 * relative to the level, the history length, seasonal period and class horizon, and per step the step itself.
 *
 * <p>The model predicts the ratio of the future adjusted value to the level as the Theta forecast's ratio plus a
 * learned correction: the regression target is the difference. Trees approximate an identity poorly, so starting
 * from a strong baseline (like XGBoost's base margin) leaves them only the correction to learn.
 *
 * <p>Changing a feature changes {@link #VERSION}: models trained with another layout are refused.
 */
public final class WindowFeatures {
  /** The feature layout version, stored in every model's provenance. */
  public static final String VERSION = "govpulse-forecast-window-v2";
  /** Targets are clipped to this range of ratios so that a few explosive series do not dominate the loss. */
  static final double MIN_RATIO = 0.2;
  static final double MAX_RATIO = 5.0;

  private final int length;
  private final double level;
  private final SeasonalIndices seasonal;
  private final String[] baseNames;
  private final double[] baseValues;
  private final double[] thetaRatios;

  private WindowFeatures(int length, double level, SeasonalIndices seasonal, String[] baseNames,
      double[] baseValues, double[] thetaRatios) {
    this.length = length;
    this.level = level;
    this.seasonal = seasonal;
    this.baseNames = baseNames;
    this.baseValues = baseValues;
    this.thetaRatios = thetaRatios;
  }

  /** How many lags are used for a seasonal period. */
  static int lags(int m) {
    return m == 1 ? 12 : 2 * m;
  }

  /** The fewest values a window needs. */
  static int minimumLength(int m) {
    return 5;
  }

  /**
   * The features of a history for a class horizon; null when the history is too short, or not strictly positive
   * after seasonal adjustment (ratios to the level would be meaningless).
   */
  static WindowFeatures of(double[] y, int m, int horizon) {
    int n = y.length;
    if (n < minimumLength(m)) {
      return null;
    }
    SeasonalIndices seasonal = SeasonalIndices.detect(y, m);
    double[] x = seasonal.adjust(y, 0);
    for (double v : x) {
      if (!(v > 0)) {
        return null;
      }
    }
    int w = Math.min(n, Math.max(1, m));
    double level = 0;
    for (int i = n - w; i < n; i++) {
      level += x[i] / w;
    }
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = x[i] / level;
    }
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    int lags = Math.min(n, lags(m));
    for (int k = 0; k < lags; k++) {
      names.add(String.format("lag%02d", k));
      values.add(r[n - 1 - k]);
    }
    double[] recent = Arrays.copyOfRange(r, n - lags, n);
    names.add("slope_all");
    values.add(ThetaLines.slope(r));
    names.add("slope_recent");
    values.add(ThetaLines.slope(recent));
    names.add("mean_abs_change");
    values.add(meanAbsChange(recent));
    Ses.Fit ses = Ses.fitLevel(r);
    names.add("ses_level");
    values.add(ses.finalLevel());
    names.add("ses_alpha");
    values.add(ses.alpha());
    names.add("log_length");
    values.add(Math.log(n));
    names.add("period");
    values.add((double) m);
    names.add("horizon");
    values.add((double) horizon);
    names.add("seasonal");
    values.add(seasonal.isSeasonal() ? 1.0 : 0.0);
    double[] theta = ThetaLines.forecast(ses, ThetaLines.slope(r), n, horizon);
    return new WindowFeatures(n, level, seasonal, names.toArray(new String[0]),
        values.stream().mapToDouble(Double::doubleValue).toArray(), theta);
  }

  /** Feature names for a step (1-based). */
  String[] names(int step) {
    String[] out = Arrays.copyOf(baseNames, baseNames.length + 3);
    out[baseNames.length] = "step";
    out[baseNames.length + 1] = "step_share";
    out[baseNames.length + 2] = "theta";
    return out;
  }

  /** Feature values for a step (1-based). */
  double[] values(int step, int horizon) {
    double[] out = Arrays.copyOf(baseValues, baseValues.length + 3);
    out[baseValues.length] = step;
    out[baseValues.length + 1] = step / (double) horizon;
    out[baseValues.length + 2] = thetaRatios[step - 1];
    return out;
  }

  /**
   * The training target for the value observed {@code step} steps after the origin: its adjusted ratio to the
   * level (clipped), less the Theta forecast's ratio.
   */
  double target(double actual, int step) {
    double adjusted = seasonal.adjust(new double[] {actual}, length + step - 1)[0];
    return Math.max(MIN_RATIO, Math.min(MAX_RATIO, adjusted / level)) - thetaRatios[step - 1];
  }

  /** Turns a predicted correction for a step back into the series' units. */
  double forecast(double correction, int step) {
    double ratio = thetaRatios[step - 1] + correction;
    return seasonal.reseasonalise(new double[] {ratio * level}, length + step - 1)[0];
  }

  private static double meanAbsChange(double[] y) {
    double s = 0;
    for (int t = 1; t < y.length; t++) {
      s += Math.abs(y[t] - y[t - 1]);
    }
    return y.length < 2 ? 0 : s / (y.length - 1);
  }
}
