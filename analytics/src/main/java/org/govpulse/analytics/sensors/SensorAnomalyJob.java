package org.govpulse.analytics.sensors;

import static org.apache.spark.sql.functions.col;
import static org.govpulse.core.table.Col.KIND;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.govpulse.core.cli.JobMain;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;

/**
 * Finds sensor faults in silver.sensor_readings and replaces gold.sensor_anomalies: outages, stuck values, spikes and
 * clock skew (see the detectors for the rules and thresholds).
 *
 * <p>Every run scans all readings and overwrites the table in one Delta commit. Anomalies at the edge of the data
 * change with every new batch (an outage still in progress grows, a stuck run extends, a clock skew's window gains
 * days), and a late file can close a gap; recomputing keeps every row consistent with the readings at a cost of
 * seconds for ten million readings, where an incremental version would have to revise its own past rows.
 */
public final class SensorAnomalyJob {
  private final Warehouse warehouse;

  public SensorAnomalyJob(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Recomputes gold.sensor_anomalies. */
  public SensorAnomalyResult execute() {
    Instant started = Instant.now();
    warehouse.spark().sparkContext().setJobDescription("sensor anomalies: outages, stuck values, spikes, clock skew");
    warehouse.overwrite(SensorAnomalies.detect(warehouse.read(IngestTables.SENSOR_READINGS),
        warehouse.read(IngestTables.SENSORS), warehouse.readOrEmpty(IngestTables.REGIONS)),
        GoldTables.SENSOR_ANOMALIES);
    warehouse.spark().sparkContext().setJobDescription("sensor anomalies: counts");
    Map<String, Long> perKind = new HashMap<>();
    for (Row r : warehouse.read(GoldTables.SENSOR_ANOMALIES).groupBy(col(KIND)).count().collectAsList()) {
      perKind.put(r.getString(0), r.getLong(1));
    }
    warehouse.spark().sparkContext().setJobDescription(null);
    return new SensorAnomalyResult(perKind, Duration.between(started, Instant.now()).toMillis() / 1000.0);
  }

  /** Entry point for spark-submit: {@code --class org.govpulse.analytics.sensors.SensorAnomalyJob}. */
  public static void main(String[] argv) {
    JobMain.main("sensor-anomalies", "Find sensor outages, stuck values, spikes and clock skew in the readings.", argv,
        (c, spark) -> new SensorAnomalyJob(new Warehouse(spark, c.warehouse())).execute());
  }
}
