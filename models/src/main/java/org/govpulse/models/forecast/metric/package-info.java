/** Forecast accuracy measures: sMAPE as defined for the M3 competition, and MASE. */
package org.govpulse.models.forecast.metric;
