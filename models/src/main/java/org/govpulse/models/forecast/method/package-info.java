/**
 * Statistical forecasting methods written in GovPulse: seasonal naive, NAIVE2, simple exponential smoothing, Holt's
 * linear and damped trend, and the Theta method, with the classical seasonal adjustment the M3 competition used.
 * {@link org.govpulse.models.forecast.method.Methods} names and builds them.
 */
package org.govpulse.models.forecast.method;
