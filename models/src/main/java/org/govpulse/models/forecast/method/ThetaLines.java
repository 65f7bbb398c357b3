package org.govpulse.models.forecast.method;

import java.util.Locale;
import org.govpulse.models.forecast.ForecastModel;
import org.govpulse.models.forecast.Forecaster;
import org.govpulse.models.forecast.TimeSeries;

/**
 * The Theta method on (already seasonally adjusted) data, in the form Hyndman and Billah (2003) showed equivalent
 * to Assimakopoulos and Nikolopoulos (2000): the theta=0 line is the linear trend, the theta=2 line is extrapolated
 * by simple exponential smoothing, and their equal-weight combination is SES plus half the trend's slope,
 * {@code f_h = l_n + b/2 * (h - 1 + (1 - (1 - alpha)^n) / alpha)}.
 */
public final class ThetaLines implements Forecaster {
  @Override
  public String name() {
    return "THETA-LINES";
  }

  @Override
  public int minimumLength(int seasonalPeriod) {
    return 3;
  }

  @Override
  public ForecastModel fit(TimeSeries history) {
    requireLength(history);
    double[] y = history.values();
    Ses.Fit ses = Ses.fitLevel(y);
    double slope = slope(y);
    int n = y.length;
    return new Fitted(name(), h -> forecast(ses, slope, n, h), String.format(Locale.ROOT,
        "alpha=%.4f level=%.6g drift=%.6g", ses.alpha(), ses.finalLevel(), slope / 2));
  }

  /** The Theta forecast from a fitted SES, the slope of the linear trend and the history length. */
  public static double[] forecast(Ses.Fit ses, double slope, int n, int horizon) {
    double alpha = Math.max(1e-10, ses.alpha());
    double offset = (1 - Math.pow(1 - alpha, n)) / alpha;
    double[] f = new double[horizon];
    for (int h = 1; h <= horizon; h++) {
      f[h - 1] = ses.finalLevel() + slope / 2 * (h - 1 + offset);
    }
    return f;
  }

  /** The least-squares slope of {@code y} on 0..n-1. */
  public static double slope(double[] y) {
    int n = y.length;
    double tMean = (n - 1) / 2.0;
    double yMean = 0;
    for (double v : y) {
      yMean += v / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (int t = 0; t < n; t++) {
      sxy += (t - tMean) * (y[t] - yMean);
      sxx += (t - tMean) * (t - tMean);
    }
    return sxx == 0 ? 0 : sxy / sxx;
  }
}
