package org.govpulse.analytics.air;

/**
 * What one {@link AirQualityJob} run wrote.
 *
 * @param stationDays rows of gold.aqi_station_daily
 * @param validStationDays of which valid (with an AQI)
 * @param regionDays rows of gold.aqi_region_daily
 * @param regionMonths rows of gold.air_quality_monthly
 * @param seconds wall time of the run
 */
public record AirQualityResult(long stationDays, long validStationDays, long regionDays, long regionMonths,
    double seconds) {

  @Override
  public String toString() {
    return String.format("air quality (%.1f s): %d station days (%d valid), %d region days, %d region months",
        seconds, stationDays, validStationDays, regionDays, regionMonths);
  }
}
