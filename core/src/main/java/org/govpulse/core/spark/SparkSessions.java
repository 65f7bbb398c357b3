package org.govpulse.core.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;

/**
 * Builds the one SparkSession of a GovPulse process, with Delta Lake enabled. Only {@code main} methods and test
 * bases call this; every job receives the session in its constructor.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * A session for a GovPulse job. Under spark-submit the master and resources come from spark-submit; otherwise
   * {@code govpulse.spark.master} (default local[*]) applies and the UI stays off.
   */
  public static SparkSession create(GovPulseConfig config, String appName) {
    SparkConf submitted = new SparkConf();
    boolean launchedBySubmit = submitted.contains("spark.master");
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (!launchedBySubmit) {
      builder.master(config.get(Setting.SPARK_MASTER))
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    builder.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", config.get(Setting.SPARK_SHUFFLE_PARTITIONS))
        // Delta replays its log with this many partitions; the default (50) is slow for small tables.
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.databricks.delta.schema.autoMerge.enabled", "false");
    for (Map.Entry<String, String> e : config.sparkConf().entrySet()) {
      builder.config(e.getKey(), e.getValue());
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
