package org.govpulse.analytics.air;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The air quality index of one set of concentrations.
 *
 * @param aqi air quality index, 0-500
 * @param level its level (1 优 ... 6 严重污染)
 * @param primaryPollutants items with the highest IAQI when AQI > 50, in the order of HJ 633-2012 Table 1; empty
 *     otherwise
 * @param iaqi individual index per item that has one
 */
public record AqiResult(int aqi, AqiLevel level, List<Pollutant> primaryPollutants, Map<Pollutant, Integer> iaqi) {

  /** Copies the collections so that a result cannot change. */
  public AqiResult {
    primaryPollutants = List.copyOf(primaryPollutants);
    iaqi = Collections.unmodifiableMap(new EnumMap<>(iaqi));
  }

  /** AQI <= 100: an excellent or good day (达标天). */
  public boolean goodDay() {
    return aqi <= AqiCalculator.GOOD_DAY_MAX_AQI;
  }

  /** Primary pollutant codes joined by commas ({@code pm25,pm10}), or null when there is none. */
  public String primaryCodes() {
    return primaryPollutants.isEmpty() ? null
        : primaryPollutants.stream().map(Pollutant::code).collect(Collectors.joining(","));
  }
}
