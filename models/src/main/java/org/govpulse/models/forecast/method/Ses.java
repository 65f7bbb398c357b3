package org.govpulse.models.forecast.method;

import java.util.Arrays;
import java.util.Locale;
import org.govpulse.models.forecast.ForecastModel;
import org.govpulse.models.forecast.Forecaster;
import org.govpulse.models.forecast.TimeSeries;
import org.govpulse.models.forecast.optim.GoldenSection;
import org.govpulse.models.forecast.optim.Minimum;

/**
 * Simple exponential smoothing, {@code l_t = l_{t-1} + alpha (y_t - l_{t-1})}, forecasting the final level flat.
 * Alpha is chosen in [1e-4, 0.9999] to minimise the in-sample one-step squared error; for each alpha the best
 * initial level has a closed form (the errors are linear in it), so only alpha is searched.
 */
public final class Ses implements Forecaster {
  static final double MIN_ALPHA = 1e-4;
  static final double MAX_ALPHA = 0.9999;

  /** The fitted smoothing: parameter, initial and final level, in-sample sum of squared one-step errors. */
  public record Fit(double alpha, double initialLevel, double finalLevel, double sse) {}

  @Override
  public String name() {
    return "SES";
  }

  @Override
  public int minimumLength(int seasonalPeriod) {
    return 3;
  }

  @Override
  public ForecastModel fit(TimeSeries history) {
    requireLength(history);
    Fit fit = fitLevel(history.values());
    return new Fitted(name(), h -> {
      double[] f = new double[h];
      Arrays.fill(f, fit.finalLevel());
      return f;
    }, String.format(Locale.ROOT, "alpha=%.4f level=%.6g", fit.alpha(), fit.finalLevel()));
  }

  /** Fits alpha and the initial level to {@code y}. */
  public static Fit fitLevel(double[] y) {
    Minimum best = GoldenSection.standard().minimise(a -> run(y, a).sse(), MIN_ALPHA, MAX_ALPHA);
    return run(y, best.x());
  }

  /** Smooths {@code y} with a given alpha and the initial level that minimises the squared one-step errors. */
  public static Fit run(double[] y, double alpha) {
    double level = 0;
    double decay = 1;
    double sumEE = 0;
    double sumEG = 0;
    double sumGG = 0;
    for (double v : y) {
      double e0 = v - level;
      sumEE += e0 * e0;
      sumEG += e0 * decay;
      sumGG += decay * decay;
      level += alpha * e0;
      decay *= 1 - alpha;
    }
    double l0 = sumEG / sumGG;
    double sse = Math.max(0, sumEE - sumEG * sumEG / sumGG);
    return new Fit(alpha, l0, level + decay * l0, sse);
  }
}
