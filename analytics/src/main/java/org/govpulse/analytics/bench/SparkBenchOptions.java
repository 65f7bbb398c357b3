package org.govpulse.analytics.bench;

import org.govpulse.core.config.ConfigLoader;
import org.govpulse.core.config.Setting;
import picocli.CommandLine.Option;

/** The Spark options every benchmark takes ({@code --master}, {@code --shuffle-partitions}), as a picocli mixin. */
public final class SparkBenchOptions {
  @Option(names = "--master", defaultValue = "local[2]", description = "Spark master (default: ${DEFAULT-VALUE}).")
  String master;

  @Option(names = "--shuffle-partitions", defaultValue = "8",
      description = "spark.sql.shuffle.partitions (default: ${DEFAULT-VALUE}, GovPulse's default).")
  int shufflePartitions;

  public String master() {
    return master;
  }

  public int shufflePartitions() {
    return shufflePartitions;
  }

  /** The loader with both options set as flags. */
  public ConfigLoader applyTo(ConfigLoader loader) {
    return loader.flag(Setting.SPARK_MASTER, master)
        .flag(Setting.SPARK_SHUFFLE_PARTITIONS, Integer.toString(shufflePartitions));
  }
}
