package org.govpulse.analytics.bench;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.govpulse.core.table.Col.LOCAL_DATE;
import static org.govpulse.core.table.Col.METRIC;
import static org.govpulse.core.table.Col.SENSOR_ID;
import static org.govpulse.core.table.Col.VALUE;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.IngestTables;

/**
 * A reference query timed in the same run as the analytics stage: the daily mean and count of every station's
 * metric over {@code silver.sensor_readings} (the aggregation the air quality stage starts with), once in Spark and
 * once in DuckDB (two threads) on the same Parquet files of the table's current snapshot. The DuckDB time says what
 * the data costs on this machine at this moment; the stage's time over it says how much the rest of the stage
 * (validity rules, AQI, three Delta commits) and Spark's overheads add.
 */
final class DailyMeansReference {
  /** Seconds of each engine and the groups both found (they must agree). */
  record Timing(double sparkSeconds, double duckdbSeconds, long groups) {}

  private final Warehouse warehouse;

  DailyMeansReference(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  Timing execute() throws SQLException {
    long t0 = System.nanoTime();
    long sparkGroups = warehouse.read(IngestTables.SENSOR_READINGS).groupBy(SENSOR_ID, METRIC, LOCAL_DATE)
        .agg(avg(VALUE).as("_mean"), count(lit(1)).as("_n")).count();
    double spark = (System.nanoTime() - t0) / 1e9;
    String files = Arrays.stream(warehouse.read(IngestTables.SENSOR_READINGS).inputFiles())
        .map(f -> "'" + Path.of(URI.create(f)) + "'").collect(Collectors.joining(", ", "[", "]"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET threads=2");
      long t1 = System.nanoTime();
      long duckGroups;
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT " + SENSOR_ID + ", " + METRIC + ", "
          + LOCAL_DATE + ", avg(" + VALUE + "), count(*) FROM read_parquet(" + files + ") GROUP BY ALL)")) {
        rs.next();
        duckGroups = rs.getLong(1);
      }
      double duck = (System.nanoTime() - t1) / 1e9;
      if (duckGroups != sparkGroups) {
        throw new IllegalStateException("the reference engines disagree: Spark found " + sparkGroups
            + " station-metric-days, DuckDB " + duckGroups);
      }
      return new Timing(spark, duck, sparkGroups);
    }
  }
}
