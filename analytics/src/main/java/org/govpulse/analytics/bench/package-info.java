/**
 * Benchmarks of the analytics stage. {@link org.govpulse.analytics.bench.AnalyticsBenchmark}
 * ({@code ./govpulse bench analyze}) times every stage of {@code analyze} on the sample city at several scales;
 * {@link org.govpulse.analytics.bench.SensorJobsBenchmark} ({@code ./govpulse bench sensors}) generates hourly sensor
 * readings with planted faults straight into {@code silver.sensor_readings}, times
 * {@link org.govpulse.analytics.air.AirQualityJob} and {@link org.govpulse.analytics.sensors.SensorAnomalyJob} on
 * them and checks the anomalies found against the faults planted.
 */
package org.govpulse.analytics.bench;
