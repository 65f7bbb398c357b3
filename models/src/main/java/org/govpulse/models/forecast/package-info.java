/**
 * Forecasting of indicator series, in plain Java (no Spark): the {@link org.govpulse.models.forecast.TimeSeries}
 * value type, the {@link org.govpulse.models.forecast.Forecaster} contract, and the
 * {@link org.govpulse.models.forecast.ForecastEngine} facade that the rest of GovPulse calls to get point forecasts
 * with 80% and 95% intervals, backtest accuracy and the versions of the models used.
 */
package org.govpulse.models.forecast;
