/**
 * Air quality: the daily air quality index of China's HJ 633-2012 with the data validity rules of HJ 663-2013 and
 * GB 3095-2012, per station, per region and per month.
 *
 * <p>{@link org.govpulse.analytics.air.AqiCalculator} and {@link org.govpulse.analytics.air.DailyStatistics} are
 * plain Java and know nothing of Spark; {@link org.govpulse.analytics.air.AirQualityJob} applies them to the hourly
 * readings of {@code silver.sensor_readings} and writes {@code gold.aqi_station_daily},
 * {@code gold.aqi_region_daily} and {@code gold.air_quality_monthly}.
 */
package org.govpulse.analytics.air;
