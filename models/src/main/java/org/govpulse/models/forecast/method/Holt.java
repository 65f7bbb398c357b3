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
    return new Fitted(name(), h -> {
      double[] f = new double[h];
      for (int k = 1; k <= h; k++) {
        f[k - 1] = fit.at(k);
      }
      return f;
    }, String.format(Locale.ROOT, "alpha=%.4f beta=%.4f phi=%.3f level=%.6g trend=%.6g", fit.alpha(), fit.beta(),
        fit.phi(), fit.level(), fit.trend()));
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
    // run 0: data y from a zero state; runs 1 and 2: zero data from unit level, unit trend
    double[] level = {0, 1, 0};
    double[] trend = {0, 0, 1};
    double[] e = new double[3];
    double[][] cross = new double[3][3];
    for (double v : y) {
      for (int r = 0; r < 3; r++) {
        double forecast = level[r] + phi * trend[r];
        e[r] = (r == 0 ? v : 0) - forecast;
        level[r] = forecast + alpha * e[r];
        trend[r] = phi * trend[r] + beta * e[r];
      }
      for (int a = 0; a < 3; a++) {
        for (int b = a; b < 3; b++) {
          cross[a][b] += e[a] * e[b];
        }
      }
    }
    // minimise |e0 + C p|^2: (C'C) p = -C'e0, with a tiny ridge for near-singular starts
    double ridge = 1e-10 * (cross[1][1] + cross[2][2] + 1e-300);
    double a11 = cross[1][1] + ridge;
    double a22 = cross[2][2] + ridge;
    double s12 = cross[1][2];
    double det = a11 * a22 - s12 * s12;
    double pl = det == 0 ? 0 : (-cross[0][1] * a22 + cross[0][2] * s12) / det;
    double pb = det == 0 ? 0 : (-cross[0][2] * a11 + cross[0][1] * s12) / det;
    double sse = cross[0][0] + 2 * (pl * cross[0][1] + pb * cross[0][2]) + pl * pl * cross[1][1]
        + 2 * pl * pb * s12 + pb * pb * cross[2][2];
    return new Fit(alpha, beta, phi, level[0] + pl * level[1] + pb * level[2],
        trend[0] + pl * trend[1] + pb * trend[2], Math.max(0, sse));
  }

  private static double sigmoid(double u) {
    return 1 / (1 + Math.exp(-u));
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
