package org.govpulse.models.forecast.interval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Split-conformal interval widths from backtest residuals. For each step the width is the
 * {@code ceil((N + 1) c) / N} empirical quantile of the N absolute scaled residuals for coverage {@code c} (the
 * largest residual when N is too small for that). A series' own residuals are used when it has at least
 * {@code minimumOwn} of them for the step; otherwise those pooled across its frequency class; when there are none at
 * all, a random-walk width {@code z * 1.25 * sqrt(step)} (1.25 turns a mean absolute error into a standard
 * deviation under normality).
 */
public final class ConformalCalibrator {
  private static final double Z80 = 1.2815515655446004;
  private static final double Z95 = 1.959963984540054;

  private final int minimumOwn;

  /** @param minimumOwn the fewest own residuals for a step before the series stops borrowing from its class */
  public ConformalCalibrator(int minimumOwn) {
    this.minimumOwn = minimumOwn;
  }

  /** Concatenates per-step residuals of several series. */
  public static double[][] pool(List<double[][]> residuals, int horizon) {
    double[][] out = new double[horizon][];
    for (int s = 0; s < horizon; s++) {
      List<double[]> parts = new ArrayList<>();
      int size = 0;
      for (double[][] r : residuals) {
        if (r != null && s < r.length) {
          parts.add(r[s]);
          size += r[s].length;
        }
      }
      double[] all = new double[size];
      int k = 0;
      for (double[] p : parts) {
        System.arraycopy(p, 0, all, k, p.length);
        k += p.length;
      }
      Arrays.sort(all);
      out[s] = all;
    }
    return out;
  }

  /** Widths for one series from its own residuals and its class's pooled (sorted) residuals. */
  public IntervalWidths widths(double[][] own, double[][] pooled) {
    int horizon = pooled.length;
    double[] q80 = new double[horizon];
    double[] q95 = new double[horizon];
    String[] source = new String[horizon];
    for (int s = 0; s < horizon; s++) {
      double[] mine = own != null && s < own.length ? own[s] : new double[0];
      if (mine.length >= minimumOwn) {
        double[] sorted = mine.clone();
        Arrays.sort(sorted);
        q80[s] = quantile(sorted, 0.80);
        q95[s] = quantile(sorted, 0.95);
        source[s] = "own";
      } else if (pooled[s].length > 0) {
        q80[s] = quantile(pooled[s], 0.80);
        q95[s] = quantile(pooled[s], 0.95);
        source[s] = "pooled";
      } else {
        q80[s] = Z80 * 1.25 * Math.sqrt(s + 1.0);
        q95[s] = Z95 * 1.25 * Math.sqrt(s + 1.0);
        source[s] = "random-walk";
      }
    }
    return new IntervalWidths(q80, q95, source);
  }

  /** The split-conformal quantile of sorted residuals for the given coverage. */
  public static double quantile(double[] sorted, double coverage) {
    int n = sorted.length;
    int k = (int) Math.ceil((n + 1) * coverage);
    return sorted[Math.min(n, Math.max(1, k)) - 1];
  }
}
