package org.govpulse.analytics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.IngestTables;

/**
 * Hand-made silver tables for the analytics tests: regions, a sensor registry and hourly readings stamped in China
 * time (+08:00), written through the warehouse like ingestion writes them.
 */
public final class SensorFixture {
  /** China Standard Time, the offset of every fixture sensor. */
  public static final ZoneOffset CST = ZoneOffset.ofHours(8);
  private static final Timestamp INGESTED = Timestamp.from(Instant.parse("2026-06-01T00:00:00Z"));

  private final List<Row> regions = new ArrayList<>();
  private final List<Row> sensors = new ArrayList<>();
  private final List<Row> readings = new ArrayList<>();

  /** Adds a region. */
  public SensorFixture region(String code, String parent, String level) {
    regions.add(RowFactory.create(code, "区" + code, "Region " + code, parent, level, null, null, null, null, null,
        scala.jdk.javaapi.CollectionConverters.asScala(List.<String>of()).toSeq()));
    return this;
  }

  /** Adds a sensor to the registry. */
  public SensorFixture sensor(String id, String region, String kind, List<String> metrics) {
    sensors.add(RowFactory.create(id, "站" + id, "Station " + id, region, kind,
        scala.jdk.javaapi.CollectionConverters.asScala(metrics).toSeq(), "+08:00", 30.0, 114.0,
        Date.valueOf(LocalDate.of(2020, 1, 1))));
    return this;
  }

  /** One reading at a local (+08:00) time. */
  public SensorFixture reading(String sensor, String region, String metric, LocalDateTime local, double value) {
    Instant ts = local.toInstant(CST);
    readings.add(RowFactory.create(sensor, region, metric, Timestamp.from(ts), Date.valueOf(local.toLocalDate()),
        value, metric.equals("co") ? "mg/m³" : "µg/m³", "fixture.csv", (long) readings.size() + 2, 0L, INGESTED));
    return this;
  }

  /** Readings of a local day at the hours {@code fromHour..toHour}, valued by hour of the day. */
  public SensorFixture day(String sensor, String region, String metric, LocalDate day, int fromHour, int toHour,
      IntToDoubleFunction valueAtHour) {
    for (int h = fromHour; h <= toHour; h++) {
      reading(sensor, region, metric, day.atTime(h, 0), valueAtHour.applyAsDouble(h));
    }
    return this;
  }

  /** Readings at every hour from {@code start} (inclusive) for {@code hours} hours, valued by hour index. */
  public SensorFixture series(String sensor, String region, String metric, LocalDateTime start, int hours,
      IntToDoubleFunction valueAtIndex) {
    for (int i = 0; i < hours; i++) {
      reading(sensor, region, metric, start.plusHours(i), valueAtIndex.applyAsDouble(i));
    }
    return this;
  }

  /** Number of readings so far. */
  public int readingCount() {
    return readings.size();
  }

  /** Writes silver.regions, silver.sensors and silver.sensor_readings. */
  public Warehouse write(SparkSession spark, String root) {
    Warehouse w = new Warehouse(spark, root);
    w.overwrite(spark.createDataFrame(regions, IngestTables.REGIONS.schema()), IngestTables.REGIONS);
    w.overwrite(spark.createDataFrame(sensors, IngestTables.SENSORS.schema()), IngestTables.SENSORS);
    w.overwrite(spark.createDataFrame(readings, IngestTables.SENSOR_READINGS.schema()).repartition(2),
        IngestTables.SENSOR_READINGS);
    return w;
  }
}
