/**
 * The M3 competition benchmark: reads the data set from a folder given on the command line (never bundled),
 * runs the same {@link org.govpulse.models.forecast.ForecastEngine} that GovPulse uses, and prints its accuracy and
 * interval coverage next to the published THETA and NAIVE2 results.
 */
package org.govpulse.models.forecast.m3;
