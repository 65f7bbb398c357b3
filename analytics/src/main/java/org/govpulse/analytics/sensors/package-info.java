/**
 * Sensor data preparation and sensor fault detection.
 *
 * <p>{@link org.govpulse.analytics.sensors.HourlyProfiles} turns the readings of {@code silver.sensor_readings} into
 * one row per sensor, metric and local day holding the 24 hourly values; the air quality and the anomaly jobs both
 * start from it. The detectors ({@link org.govpulse.analytics.sensors.OutageDetector},
 * {@link org.govpulse.analytics.sensors.StuckDetector}, {@link org.govpulse.analytics.sensors.SpikeDetector},
 * {@link org.govpulse.analytics.sensors.ClockSkewDetector}) are plain Java over hourly arrays;
 * {@link org.govpulse.analytics.sensors.SensorAnomalyJob} runs them per sensor and writes
 * {@code gold.sensor_anomalies}.
 */
package org.govpulse.analytics.sensors;
