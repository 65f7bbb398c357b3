package org.govpulse.models.forecast.optim;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * The Nelder-Mead simplex method with the standard coefficients (reflection 1, expansion 2, contraction 0.5,
 * shrink 0.5). Unconstrained: callers map bounded parameters through a smooth transform. Deterministic: the
 * initial simplex is built from the start point and fixed steps, and ties keep the earlier vertex.
 */
public final class NelderMead {
  private final int maxEvaluations;
  private final double tolerance;

  /**
   * @param maxEvaluations a budget of objective evaluations
   * @param tolerance stop when the objective differs by less than this across the simplex
   */
  public NelderMead(int maxEvaluations, double tolerance) {
    if (maxEvaluations < 1 || !(tolerance > 0)) {
      throw new IllegalArgumentException("maxEvaluations must be >= 1 and tolerance > 0");
    }
    this.maxEvaluations = maxEvaluations;
    this.tolerance = tolerance;
  }

  /** Minimises {@code f} from {@code start}, with an initial simplex of edges {@code step}. */
  public Minimum minimise(ToDoubleFunction<double[]> f, double[] start, double[] step) {
    int n = start.length;
    double[][] simplex = new double[n + 1][];
    double[] values = new double[n + 1];
    simplex[0] = start.clone();
    for (int i = 0; i < n; i++) {
      simplex[i + 1] = start.clone();
      simplex[i + 1][i] += step[i];
    }
    int evaluations = 0;
    for (int i = 0; i <= n; i++) {
      values[i] = safe(f.applyAsDouble(simplex[i]));
      evaluations++;
    }
    Integer[] order = new Integer[n + 1];
    while (evaluations < maxEvaluations) {
      for (int i = 0; i <= n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
      double[][] s = new double[n + 1][];
      double[] v = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        s[i] = simplex[order[i]];
        v[i] = values[order[i]];
      }
      System.arraycopy(s, 0, simplex, 0, n + 1);
      System.arraycopy(v, 0, values, 0, n + 1);
      if (Math.abs(values[n] - values[0]) <= tolerance * (Math.abs(values[0]) + tolerance)) {
        break;
      }
      double[] centroid = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          centroid[j] += simplex[i][j] / n;
        }
      }
      double[] reflected = along(centroid, simplex[n], -1.0);
      double fr = safe(f.applyAsDouble(reflected));
      evaluations++;
      if (fr < values[0]) {
        double[] expanded = along(centroid, simplex[n], -2.0);
        double fe = safe(f.applyAsDouble(expanded));
        evaluations++;
        if (fe < fr) {
          replaceWorst(simplex, values, expanded, fe);
        } else {
          replaceWorst(simplex, values, reflected, fr);
        }
      } else if (fr < values[n - 1]) {
        replaceWorst(simplex, values, reflected, fr);
      } else {
        boolean outside = fr < values[n];
        double[] contracted = along(centroid, simplex[n], outside ? -0.5 : 0.5);
        double fc = safe(f.applyAsDouble(contracted));
        evaluations++;
        if (fc < Math.min(fr, values[n])) {
          replaceWorst(simplex, values, contracted, fc);
        } else {
          for (int i = 1; i <= n; i++) {
            for (int j = 0; j < n; j++) {
              simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
            }
            values[i] = safe(f.applyAsDouble(simplex[i]));
            evaluations++;
          }
        }
      }
    }
    int best = 0;
    for (int i = 1; i <= n; i++) {
      if (values[i] < values[best]) {
        best = i;
      }
    }
    return new Minimum(simplex[best], values[best], evaluations);
  }

  /** centroid + t * (worst - centroid). */
  private static double[] along(double[] centroid, double[] worst, double t) {
    double[] p = new double[centroid.length];
    for (int j = 0; j < p.length; j++) {
      p[j] = centroid[j] + t * (worst[j] - centroid[j]);
    }
    return p;
  }

  private static void replaceWorst(double[][] simplex, double[] values, double[] point, double value) {
    simplex[simplex.length - 1] = point;
    values[values.length - 1] = value;
  }

  private static double safe(double v) {
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }
}
