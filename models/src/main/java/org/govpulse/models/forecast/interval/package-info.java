/**
 * Prediction intervals by split-conformal calibration on backtest residuals: per horizon step, quantiles of the
 * absolute forecast errors scaled by each history's MASE scale, from the series itself when it has enough residuals
 * and otherwise pooled across the series of the same frequency class.
 */
package org.govpulse.models.forecast.interval;
