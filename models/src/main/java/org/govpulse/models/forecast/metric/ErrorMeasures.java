package org.govpulse.models.forecast.metric;

/**
 * Accuracy measures of a forecast against actual values.
 *
 * <ul>
 *   <li>sMAPE (M3 definition): mean over the steps of {@code 200 |y - f| / (|y| + |f|)}, in percent; a step where
 *       both are zero counts as 0.</li>
 *   <li>MASE: mean absolute error divided by the in-sample mean absolute error of the seasonal naive forecast
 *       ({@link #maseScale}).</li>
 * </ul>
 * Only the first {@code min(actual.length, forecast.length)} steps are compared.
 */
public final class ErrorMeasures {
  private ErrorMeasures() {}

  /** sMAPE in percent. */
  public static double smape(double[] actual, double[] forecast) {
    int k = Math.min(actual.length, forecast.length);
    double s = 0;
    for (int i = 0; i < k; i++) {
      s += smapeTerm(actual[i], forecast[i]);
    }
    return s / k;
  }

  /** One step of sMAPE: {@code 200 |y - f| / (|y| + |f|)}. */
  public static double smapeTerm(double actual, double forecast) {
    double d = Math.abs(actual) + Math.abs(forecast);
    return d == 0 ? 0 : 200 * Math.abs(actual - forecast) / d;
  }

  /** MASE with a given scale (see {@link #maseScale}); NaN when the scale is zero. */
  public static double mase(double[] actual, double[] forecast, double scale) {
    int k = Math.min(actual.length, forecast.length);
    double s = 0;
    for (int i = 0; i < k; i++) {
      s += Math.abs(actual[i] - forecast[i]);
    }
    return scale > 0 ? s / k / scale : Double.NaN;
  }

  /**
   * The in-sample mean absolute error of the seasonal naive forecast with period {@code m} (lag-1 differences when
   * the history has no more than {@code m} values); zero for a constant history.
   */
  public static double maseScale(double[] history, int m) {
    int lag = history.length > m ? m : 1;
    if (history.length <= lag) {
      return 0;
    }
    double s = 0;
    for (int t = lag; t < history.length; t++) {
      s += Math.abs(history[t] - history[t - lag]);
    }
    return s / (history.length - lag);
  }

  /**
   * A positive scale for errors of this history: the MASE scale, or when that is zero (a constant history) a
   * small share of the mean absolute level, so that scaled errors stay finite.
   */
  public static double positiveScale(double[] history, int m) {
    double s = maseScale(history, m);
    if (s > 0) {
      return s;
    }
    double level = 0;
    for (double v : history) {
      level += Math.abs(v) / history.length;
    }
    return level > 0 ? 0.01 * level : 1.0;
  }
}
