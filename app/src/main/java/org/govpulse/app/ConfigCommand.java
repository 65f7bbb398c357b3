package org.govpulse.app;

import java.util.concurrent.Callable;
import org.govpulse.core.cli.ConfigOptions;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code govpulse config}: the resolved configuration and where each value came from. */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = "Print the resolved configuration: each key, its value and where it came from "
        + "(flag, env, file or default).")
public final class ConfigCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    GovPulseConfig config = options.load();
    for (Setting s : Setting.values()) {
      System.out.printf("%-38s = %-40s (%s)%n", s.key(), config.get(s), config.origin(s));
    }
    config.sparkConf().forEach((k, v) -> System.out.printf("%-38s = %s%n", Setting.SPARK_CONF_PREFIX + k, v));
    return 0;
  }
}
