/**
 * Benchmark of the analytics jobs: generates hourly sensor readings with planted faults straight into
 * {@code silver.sensor_readings} and times {@link org.govpulse.analytics.air.AirQualityJob} and
 * {@link org.govpulse.analytics.sensors.SensorAnomalyJob} on them, checking the anomalies found against the faults
 * planted.
 */
package org.govpulse.analytics.bench;
