package org.govpulse.app.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.govpulse.analytics.air.StationDailyAqi;
import org.govpulse.ingestion.validate.Metrics;

/**
 * The single-machine reference of the pipeline benchmark: the aggregation gold.aqi_station_daily starts from (the
 * daily mean and count of each station's pollutant over its local day) computed straight from the landing sensor
 * files, once by DuckDB and once by Spark, with the same SQL on the same files. Both parse the CSV as text, take
 * the local day from the timestamp (a UTC {@code Z} time shifted by the registry's {@code utc_offset}), keep the
 * six AQI pollutants of known stations with a readable time and a value in the metric's range, and group.
 *
 * <p>It is less than the stage does: no exact-duplicate removal, no quarantine, no hourly profile, no AQI, no Delta
 * commit. The gap between the analyze and ingest stages and this query is what GovPulse's extra work and Spark's
 * fixed costs add on this machine.
 */
final class LandingDailyMeans {
  /** Station-days found and readings they hold; both engines must agree. */
  record Counts(long stationDays, long readings) {}

  private LandingDailyMeans() {}

  /** The query over the views {@code readings} (sensor_id, ts, metric, value as text) and {@code registry}. */
  static String sql() {
    String ranges = StationDailyAqi.AQI_METRICS.stream().map(m -> Metrics.find(m).orElseThrow())
        .map(m -> "('" + m.code() + "', CAST(" + m.min() + " AS DOUBLE), CAST(" + m.max() + " AS DOUBLE))")
        .collect(Collectors.joining(", "));
    String offsetMinutes = "CASE WHEN utc_offset IS NULL OR utc_offset = 'Z' THEN 0 "
        + "ELSE (CASE WHEN substr(utc_offset, 1, 1) = '-' THEN -1 ELSE 1 END) "
        + "* (CAST(substr(utc_offset, 2, 2) AS INT) * 60 + CAST(substr(utc_offset, 5, 2) AS INT)) END";
    return "WITH stations AS (SELECT sensor_id, " + offsetMinutes + " AS offset_minutes FROM registry), "
        + "parsed AS (SELECT r.sensor_id, r.metric, try_cast(r.value AS DOUBLE) AS v, "
        + "try_cast(replace(substr(r.ts, 1, 19), 'T', ' ') AS TIMESTAMP) "
        + "+ INTERVAL '1' MINUTE * (CASE WHEN r.ts LIKE '%Z' THEN s.offset_minutes ELSE 0 END) AS local_ts "
        + "FROM readings r JOIN stations s ON r.sensor_id = s.sensor_id), "
        + "daily AS (SELECT p.sensor_id, p.metric, CAST(p.local_ts AS DATE) AS local_date, avg(p.v) AS mean, "
        + "count(*) AS n FROM parsed p JOIN (VALUES " + ranges + ") AS g(metric, lo, hi) ON p.metric = g.metric "
        + "WHERE p.local_ts IS NOT NULL AND p.v BETWEEN g.lo AND g.hi "
        + "GROUP BY p.sensor_id, p.metric, CAST(p.local_ts AS DATE)) "
        + "SELECT count(*) AS station_days, CAST(coalesce(sum(n), 0) AS BIGINT) AS readings FROM daily";
  }

  /** DuckDB with two threads, in this JVM, on {@code landing/sensors/*}{@code /*.csv}. */
  static Counts duckdb(Path landing) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET threads=2");
      st.execute("CREATE VIEW readings AS SELECT * FROM read_csv('" + sensorFiles(landing) + "', header=true, "
          + "all_varchar=true, columns={'sensor_id':'VARCHAR','ts':'VARCHAR','metric':'VARCHAR','value':'VARCHAR'})");
      st.execute("CREATE VIEW registry AS SELECT sensor_id, utc_offset FROM read_csv('" + registry(landing)
          + "', header=true, all_varchar=true)");
      try (ResultSet rs = st.executeQuery(sql())) {
        rs.next();
        return new Counts(rs.getLong(1), rs.getLong(2));
      }
    }
  }

  /** The same query in Spark on the same files. */
  static Counts spark(SparkSession spark, Path landing) {
    StructType text = new StructType().add("sensor_id", DataTypes.StringType).add("ts", DataTypes.StringType)
        .add("metric", DataTypes.StringType).add("value", DataTypes.StringType);
    spark.sparkContext().setJobDescription("bench pipeline: daily means from the landing sensor files");
    spark.read().schema(text).option("header", "true").csv(sensorFiles(landing)).createOrReplaceTempView("readings");
    spark.read().option("header", "true").csv(registry(landing)).select("sensor_id", "utc_offset")
        .createOrReplaceTempView("registry");
    Row r = spark.sql(sql()).first();
    return new Counts(r.getLong(0), r.getLong(1));
  }

  private static String sensorFiles(Path landing) {
    return landing.resolve("sensors") + "/*/*.csv";
  }

  private static String registry(Path landing) {
    return landing.resolve("reference").resolve("sensors.csv").toString();
  }
}
