package org.govpulse.core.cli;

import org.govpulse.core.config.ConfigLoader;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import picocli.CommandLine.Option;

/**
 * The options every GovPulse job takes, shared by the launcher's subcommands and the plain main classes that
 * spark-submit runs, so both accept exactly the same arguments.
 */
public class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file (Java properties; local path or Hadoop URI). Default: $GOVPULSE_CONFIG, else none.")
  String config;

  @Option(names = "--warehouse", paramLabel = "DIR",
      description = "Warehouse root (local folder, hdfs:// or s3a:// URI). Overrides govpulse.warehouse.")
  String warehouse;

  @Option(names = "--landing", paramLabel = "DIR",
      description = "Landing area root. Overrides govpulse.landing.")
  String landing;

  /** Resolves flags, environment, config file and defaults into a configuration. */
  public GovPulseConfig load() {
    return new ConfigLoader()
        .configFile(config)
        .flag(Setting.WAREHOUSE, warehouse)
        .flag(Setting.LANDING, landing)
        .load();
  }
}
