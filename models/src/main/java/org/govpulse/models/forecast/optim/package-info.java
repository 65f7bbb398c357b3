/**
 * Deterministic derivative-free optimisers used to fit the statistical forecasting methods: golden-section search
 * for one parameter and Nelder-Mead for several. Same input, same result, on any machine.
 */
package org.govpulse.models.forecast.optim;
