package org.govpulse.models.forecast.method;

import java.util.Locale;
import org.govpulse.models.forecast.ForecastModel;
import org.govpulse.models.forecast.Forecaster;
import org.govpulse.models.forecast.TimeSeries;
import org.govpulse.models.forecast.optim.Minimum;
import org.govpulse.models.forecast.optim.NelderMead;

/**
 * Holt's exponential smoothing with an additive trend, optionally damped (Gardner and McKenzie):
 * {@code yhat_t = l_{t-1} + phi b_{t-1}}, {@code l_t = yhat_t + alpha e_t}, {@code b_t = phi b_{t-1} + beta e_t},
 * forecasting {@code l_n + (phi + ... + phi^h) b_n}.
 *
 * <p>Alpha in [1e-4, 0.9999], beta in [1e-4, alpha], and (damped) phi in [0.8, 0.98] are found by Nelder-Mead on
 * the in-sample one-step squared error, from two fixed starting points; the initial level and trend have a closed
 * form for each parameter set (the errors are linear in them) and are not searched.
 */
public final class Holt implements Forecaster {
  private static final double MIN_PHI = 0.8;
  private static final double MAX_PHI = 0.98;
  private static final NelderMead SEARCH = new NelderMead(400, 1e-9);

  private final boolean damped;

  private Holt(boolean damped) {
    this.damped = damped;
  }

  /** Holt's linear trend (no damping). */
  public static Holt linear() {
    return new Holt(false);
  }

  /** The damped trend. */
  public static Holt damped() {
    return new Holt(true);
  }

  /** The fitted parameters and the final state. */
  public record Fit(double alpha, double beta, double phi, double level, double trend, double sse) {
    /** The forecast {@code h} steps ahead. */
    double at(int h) {
      double sum = 0;
      double p = 1;
      for (int i = 1; i <= h; i++) {
        p *= phi;
        sum += p;
      }
      return level + sum * trend;
    }
  }

  @Override
  public String name() {
    return damped ? Methods.DAMPED : Methods.HOLT;
  }

  @Override
  public int minimumLength(int seasonalPeriod) {
    return 4;
  }

  @Override
  public ForecastModel fit(TimeSeries history) {
    requireLength(history);
    Fit fit = fitTrend(history.values());
    return new ForecastModel() {
      @Override
      public String method() {
        return name();
      }

      @Override
      public double[] predict(int horizon) {
        ForecastModel.requireHorizon(horizon);
        double[] f = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
          f[h - 1] = fit.at(h);
        }
        return f;
      }

      @Override
      public String describe() {
        return String.format(Locale.ROOT, "alpha=%.4f beta=%.4f phi=%.3f level=%.6g trend=%.6g",
            fit.alpha(), fit.beta(), fit.phi(), fit.level(), fit.trend());
      }
    };
  }

  /** Fits the parameters to {@code y}. */
  public Fit fitTrend(double[] y) {
    double[][] starts = damped
        ? new double[][] {{logit(0.3), logit(0.1), logit(0.5)}, {logit(0.8), logit(0.05), logit(0.8)}}
        : new double[][] {{logit(0.3), logit(0.1)}, {logit(0.8), logit(0.05)}};
    Minimum best = null;
    for (double[] start : starts) {
      double[] step = new double[start.length];
      java.util.Arrays.fill(step, 1.0);
      Minimum m = SEARCH.minimise(u -> run(y, u).sse(), start, step);
      if (best == null || m.value() < best.value()) {
        best = m;
      }
    }
    return run(y, best.point());
  }

  private Fit run(double[] y, double[] u) {
    double alpha = Ses.MIN_ALPHA + (Ses.MAX_ALPHA - Ses.MIN_ALPHA) * sigmoid(u[0]);
    double beta = Ses.MIN_ALPHA + (alpha - Ses.MIN_ALPHA) * sigmoid(u[1]);
    double phi = damped ? MIN_PHI + (MAX_PHI - MIN_PHI) * sigmoid(u[2]) : 1.0;
    return smooth(y, alpha, beta, phi);
  }

  /**
   * Smooths with given parameters and the least-squares initial state. By linearity the one-step errors are
   * {@code e0 + l0 * c1 + b0 * c2}, where {@code e0} comes from a zero start and {@code c1, c2} from unit starts on
   * zero data; so three passes give the errors for any start.
   */
  static Fit smooth(double[] y, double alpha, double beta, double phi) {
    int n = y.length;
    double l0 = 0;
    double b0 = 0;
    double l1 = 1;
    double b1 = 0;
    double l2 = 0;
    double b2 = 1;
    double s11 = 0;
    double s12 = 0;
    double s22 = 0;
    double se1 = 0;
    double se2 = 0;
    double see = 0;
    for (int t = 0; t < n; t++) {
      double e0 = y[t] - (l0 + phi * b0);
      double e1 = -(l1 + phi * b1);
      double e2 = -(l2 + phi * b2);
      see += e0 * e0;
      se1 += e0 * e1;
      se2 += e0 * e2;
      s11 += e1 * e1;
      s12 += e1 * e2;
      s22 += e2 * e2;
      double nl0 = l0 + phi * b0 + alpha * e0;
      b0 = phi * b0 + beta * e0;
      l0 = nl0;
      double nl1 = l1 + phi * b1 + alpha * e1;
      b1 = phi * b1 + beta * e1;
      l1 = nl1;
      double nl2 = l2 + phi * b2 + alpha * e2;
      b2 = phi * b2 + beta * e2;
      l2 = nl2;
    }
    // minimise |e0 + C p|^2: (C'C) p = -C'e0, with a tiny ridge for near-singular starts
    double ridge = 1e-10 * (s11 + s22 + 1e-300);
    double a11 = s11 + ridge;
    double a22 = s22 + ridge;
    double det = a11 * a22 - s12 * s12;
    double pl = det == 0 ? 0 : (-se1 * a22 + se2 * s12) / det;
    double pb = det == 0 ? 0 : (-se2 * a11 + se1 * s12) / det;
    double sse = see + 2 * (pl * se1 + pb * se2) + pl * pl * s11 + 2 * pl * pb * s12 + pb * pb * s22;
    double level = l0 + pl * l1 + pb * l2;
    double trend = b0 + pl * b1 + pb * b2;
    return new Fit(alpha, beta, phi, level, trend, Math.max(0, sse));
  }

  private static double sigmoid(double u) {
    return 1 / (1 + Math.exp(-u));
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
