package org.govpulse.models.forecast.optim;

import java.util.function.DoubleUnaryOperator;

/**
 * Minimises a function of one variable on an interval: a coarse grid first (so that a multi-modal objective does
 * not trap the search in the wrong valley), then golden-section search in the bracket around the best grid point.
 */
public final class GoldenSection {
  private static final double INV_PHI = (Math.sqrt(5) - 1) / 2;

  private final int gridPoints;
  private final double tolerance;

  /**
   * @param gridPoints how many evenly spaced points to try first (at least 3)
   * @param tolerance the width of the final bracket
   */
  public GoldenSection(int gridPoints, double tolerance) {
    if (gridPoints < 3 || !(tolerance > 0)) {
      throw new IllegalArgumentException("gridPoints must be >= 3 and tolerance > 0");
    }
    this.gridPoints = gridPoints;
    this.tolerance = tolerance;
  }

  /** The default search: 20 grid points, bracket 1e-6 wide. */
  public static GoldenSection standard() {
    return new GoldenSection(20, 1e-6);
  }

  /** Minimises {@code f} on {@code [lo, hi]}. */
  public Minimum minimise(DoubleUnaryOperator f, double lo, double hi) {
    if (!(hi > lo)) {
      throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
    }
    int evaluations = 0;
    double step = (hi - lo) / (gridPoints - 1);
    int best = 0;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int i = 0; i < gridPoints; i++) {
      double v = safe(f.applyAsDouble(lo + i * step));
      evaluations++;
      if (v < bestValue) {
        bestValue = v;
        best = i;
      }
    }
    double a = lo + Math.max(0, best - 1) * step;
    double b = lo + Math.min(gridPoints - 1, best + 1) * step;
    double c = b - INV_PHI * (b - a);
    double d = a + INV_PHI * (b - a);
    double fc = safe(f.applyAsDouble(c));
    double fd = safe(f.applyAsDouble(d));
    evaluations += 2;
    while (b - a > tolerance) {
      if (fc <= fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - INV_PHI * (b - a);
        fc = safe(f.applyAsDouble(c));
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + INV_PHI * (b - a);
        fd = safe(f.applyAsDouble(d));
      }
      evaluations++;
    }
    double x = fc <= fd ? c : d;
    double fx = Math.min(fc, fd);
    double gridX = lo + best * step;
    if (bestValue < fx) {
      return new Minimum(new double[] {gridX}, bestValue, evaluations);
    }
    return new Minimum(new double[] {x}, fx, evaluations);
  }

  private static double safe(double v) {
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }
}
