package org.govpulse.models.forecast.optim;

/**
 * The result of a minimisation: where the minimum was found, the objective there, and how many times the
 * objective was evaluated.
 *
 * @param point the arguments at the minimum (one element for a one-dimensional search)
 * @param value the objective at {@code point}
 * @param evaluations how many times the objective was evaluated
 */
public record Minimum(double[] point, double value, int evaluations) {
  public Minimum {
    point = point.clone();
  }

  @Override
  public double[] point() {
    return point.clone();
  }

  /** The first (for one-dimensional searches, the only) coordinate of the minimum. */
  public double x() {
    return point[0];
  }
}
