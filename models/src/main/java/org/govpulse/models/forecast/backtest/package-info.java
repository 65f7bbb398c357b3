/**
 * Rolling-origin backtests: each candidate method is refitted at every origin in a window at the end of a series'
 * history and its forecasts are kept, so that selection, combination weights, accuracy and interval widths can all
 * be computed from out-of-sample errors without refitting.
 */
package org.govpulse.models.forecast.backtest;
