package org.govpulse.models.forecast;

/**
 * A forecaster that forecasts many origins of one series in one call, for models with a high cost per call (a
 * Tribuo model converts its input to a native matrix on every call). Backtests use it when a candidate offers it.
 */
public interface BatchForecaster extends Forecaster {

  /**
   * Forecasts {@code horizon} steps from each origin (the number of first values used) of a series.
   *
   * @return one row per origin, in order; a row of NaN where the forecaster does not support that history
   */
  double[][] forecastOrigins(TimeSeries series, int[] origins, int horizon);
}
