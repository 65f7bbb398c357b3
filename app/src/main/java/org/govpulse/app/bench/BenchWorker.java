package org.govpulse.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.govpulse.core.config.ConfigLoader;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.spark.SparkSessions;
import org.govpulse.ingestion.IngestJob;
import org.govpulse.ingestion.IngestResult;
import org.govpulse.ingestion.stream.SourceResult;

/**
 * One measured run of the ingestion benchmark in its own JVM, so that its peak memory is its own. Prints one line
 * {@code engine seconds=... setup=... accepted=... quarantined=... duplicates=... peak_rss_mb=...}.
 */
public final class BenchWorker {
  private BenchWorker() {}

  public static void main(String[] args) throws Exception {
    String engine = args[0];
    Path landing = Path.of(args[1]);
    Path out = Path.of(args[2]);
    String line = switch (engine) {
      case "spark" -> spark(landing, out);
      case "duckdb" -> duckdb(landing, out);
      default -> throw new IllegalArgumentException("engine " + engine);
    };
    System.out.println(line + String.format(Locale.ROOT, " peak_rss_mb=%d", peakRssMb()));
  }

  private static String spark(Path landing, Path out) {
    long t0 = System.nanoTime();
    GovPulseConfig config = new ConfigLoader().home(out)
        .flag(Setting.LANDING, landing.toString())
        .flag(Setting.WAREHOUSE, out.resolve("warehouse").toString())
        .flag(Setting.SPARK_MASTER, "local[2]")
        .flag(Setting.SPARK_SHUFFLE_PARTITIONS, "4")
        .load();
    SparkSession spark = SparkSessions.create(config, "govpulse-bench");
    double setup = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    IngestResult result = new IngestJob(new Warehouse(spark, config.warehouse()), config).execute();
    double seconds = (System.nanoTime() - t1) / 1e9;
    SourceResult s = result.source("sensors");
    spark.stop();
    return String.format(Locale.ROOT, "spark seconds=%.2f setup=%.2f read=%d accepted=%d quarantined=%d duplicates=%d",
        seconds, setup, s.read(), s.accepted(), s.quarantined(), s.duplicates());
  }

  /**
   * The same work in DuckDB: read every file as text, keep a raw copy with lineage (bronze), validate with the same
   * rules and reasons, drop exact duplicates and quarantine conflicting ones, write silver and quarantine Parquet.
   */
  private static String duckdb(Path landing, Path out) throws SQLException, IOException {
    Files.createDirectories(out);
    long t0 = System.nanoTime();
    String files = landing.resolve("sensors").toString() + "/*.csv";
    String registry = landing.resolve("reference/sensors.csv").toString();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      double setup = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      st.execute("SET threads=2");
      st.execute("SET preserve_insertion_order=false");
      st.execute("CREATE TABLE registry AS SELECT sensor_id, string_split(metrics, '|') AS metrics, utc_offset "
          + "FROM read_csv('" + registry + "', header=true, all_varchar=true)");
      st.execute("CREATE TABLE ranges AS SELECT * FROM (VALUES ('pm25',0,2000),('pm10',0,3000),('so2',0,5000),"
          + "('no2',0,3000),('o3',0,2000),('co',0,150)) t(metric, lo, hi)");
      st.execute("CREATE TABLE bronze AS SELECT filename AS source_file, row_number() OVER () AS line_no, "
          + "sensor_id, ts, metric, value FROM read_csv('" + files + "', header=true, all_varchar=true, "
          + "filename=true, columns={'sensor_id':'VARCHAR','ts':'VARCHAR','metric':'VARCHAR','value':'VARCHAR'})");
      st.execute("COPY bronze TO '" + out.resolve("bronze.parquet") + "' (FORMAT parquet)");
      st.execute("CREATE TABLE validated AS SELECT b.*, "
          + "CASE WHEN b.ts LIKE '%+%' OR b.ts LIKE '%Z' THEN try_cast(b.ts AS TIMESTAMPTZ) "
          + "ELSE try_cast(b.ts AS TIMESTAMP) - to_hours(8) END AS ts_utc, try_cast(b.value AS DOUBLE) AS v, "
          + "CASE WHEN b.sensor_id IS NULL OR b.ts IS NULL OR b.metric IS NULL OR b.value IS NULL "
          + "THEN 'missing_value' WHEN r.sensor_id IS NULL THEN 'sensor_unknown' "
          + "WHEN NOT list_contains(r.metrics, b.metric) THEN 'metric_unknown' "
          + "WHEN try_cast(replace(b.ts, 'T', ' ') AS TIMESTAMPTZ) IS NULL AND try_cast(b.ts AS TIMESTAMP) IS NULL "
          + "THEN 'timestamp_invalid' WHEN try_cast(b.value AS DOUBLE) IS NULL THEN 'value_not_numeric' "
          + "WHEN try_cast(b.value AS DOUBLE) NOT BETWEEN g.lo AND g.hi THEN 'value_out_of_range' END AS reason "
          + "FROM bronze b LEFT JOIN registry r ON b.sensor_id = r.sensor_id LEFT JOIN ranges g ON b.metric = g.metric");
      // As in GovPulse's Deduplication: only keys that repeat are ranked; the rest are accepted without a sort.
      st.execute("CREATE TABLE repeated AS SELECT sensor_id, metric, ts_utc FROM validated WHERE reason IS NULL "
          + "GROUP BY ALL HAVING count(*) > 1");
      st.execute("CREATE TABLE classified AS SELECT *, CASE WHEN reason IS NOT NULL THEN 'quarantined' "
          + "ELSE 'accepted' END AS status FROM (SELECT * FROM validated WHERE reason IS NOT NULL UNION ALL "
          + "SELECT v.* FROM validated v ANTI JOIN repeated r USING (sensor_id, metric, ts_utc) "
          + "WHERE v.reason IS NULL) "
          + "UNION ALL BY NAME SELECT * EXCLUDE (rn, first_v), CASE WHEN rn = 1 THEN 'accepted' "
          + "WHEN v = first_v THEN 'duplicate' ELSE 'quarantined' END AS status FROM ("
          + "SELECT v.*, row_number() OVER w AS rn, first(v.v) OVER w AS first_v FROM validated v "
          + "SEMI JOIN repeated r USING (sensor_id, metric, ts_utc) WHERE v.reason IS NULL "
          + "WINDOW w AS (PARTITION BY sensor_id, metric, ts_utc ORDER BY source_file, line_no))");
      st.execute("COPY (SELECT sensor_id, metric, ts_utc, v AS value, source_file, line_no FROM classified "
          + "WHERE status = 'accepted') TO '" + out.resolve("silver.parquet") + "' (FORMAT parquet)");
      st.execute("COPY (SELECT source_file, line_no, coalesce(reason, 'conflicting_duplicate') AS reason "
          + "FROM classified WHERE status = 'quarantined') TO '" + out.resolve("quarantine.parquet")
          + "' (FORMAT parquet)");
      long accepted;
      long quarantined;
      long duplicates;
      long read;
      try (ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (status = 'accepted'), "
          + "count(*) FILTER (status = 'quarantined'), count(*) FILTER (status = 'duplicate') FROM classified")) {
        rs.next();
        read = rs.getLong(1);
        accepted = rs.getLong(2);
        quarantined = rs.getLong(3);
        duplicates = rs.getLong(4);
      }
      double seconds = (System.nanoTime() - t1) / 1e9;
      return String.format(Locale.ROOT,
          "duckdb seconds=%.2f setup=%.2f read=%d accepted=%d quarantined=%d duplicates=%d",
          seconds, setup, read, accepted, quarantined, duplicates);
    }
  }

  /** Peak resident set size of this process (VmHWM), in MiB. */
  static long peakRssMb() throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("VmHWM:")) {
        return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }
}
