package org.govpulse.models.forecast;

import java.util.List;
import java.util.Map;

/**
 * The forecast of one series: a step per future period, the method (a single method or a combination), the weight
 * of each candidate in it, and a description of how it was made.
 *
 * @param seriesId the caller's id of the series
 * @param steps one per future period, in order
 * @param method the combination rule that produced the point forecasts, e.g. {@code EQUAL(SES,DAMPED,THETA)}
 * @param weights candidate name to weight (only non-zero weights), summing to 1
 * @param description fitted parameters of the weighted candidates and the source of the intervals
 */
public record Forecast(String seriesId, List<ForecastStep> steps, String method, Map<String, Double> weights,
    String description) {
  public Forecast {
    steps = List.copyOf(steps);
    weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
  }

  public int horizon() {
    return steps.size();
  }

  /** The point forecasts, step 1 first. */
  public double[] points() {
    return steps.stream().mapToDouble(ForecastStep::point).toArray();
  }

  public double[] lower80() {
    return steps.stream().mapToDouble(ForecastStep::lower80).toArray();
  }

  public double[] upper80() {
    return steps.stream().mapToDouble(ForecastStep::upper80).toArray();
  }

  public double[] lower95() {
    return steps.stream().mapToDouble(ForecastStep::lower95).toArray();
  }

  public double[] upper95() {
    return steps.stream().mapToDouble(ForecastStep::upper95).toArray();
  }
}
