package org.govpulse.models.forecast.m3;

import org.govpulse.models.forecast.TimeSeries;

/**
 * One M3 series: its id, category, training part (as a {@link TimeSeries}) and hidden test part.
 *
 * @param id series id, e.g. N0001
 * @param category YEARLY, QUARTERLY, MONTHLY or OTHER
 * @param train the training part with its seasonal period
 * @param test the test part (the horizon is its length)
 */
public record M3Series(String id, String category, TimeSeries train, double[] test) {
  public M3Series {
    test = test.clone();
  }

  @Override
  public double[] test() {
    return test.clone();
  }

  public int horizon() {
    return test.length;
  }
}
