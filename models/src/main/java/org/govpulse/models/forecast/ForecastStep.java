package org.govpulse.models.forecast;

import java.util.Optional;
import org.govpulse.core.time.Period;

/**
 * The forecast for one future period: the point forecast and the bounds of its 80% and 95% prediction intervals.
 *
 * @param step 1 for the first period after the history
 * @param period the reporting period, when the series has a start period
 * @param point the point forecast
 * @param lower80 lower bound of the 80% interval
 * @param upper80 upper bound of the 80% interval
 * @param lower95 lower bound of the 95% interval
 * @param upper95 upper bound of the 95% interval
 */
public record ForecastStep(int step, Optional<Period> period, double point, double lower80, double upper80,
    double lower95, double upper95) {}
