package org.govpulse.app;

import java.util.concurrent.Callable;
import org.govpulse.core.cli.ConfigOptions;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.models.warn.WarnJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code govpulse warn}: raises, escalates and resolves early warnings. */
@Command(name = "warn", mixinStandardHelpOptions = true,
    description = {"Raise graded early warnings (blue, yellow, orange, red) from target risks, data-quality findings,",
        "surges of negative posts and sensor faults; one warning per condition, with its history."})
public final class WarnCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    GovPulseConfig config = options.load();
    return Sessions.with(config, "govpulse-warn", spark -> {
      System.out.println(new WarnJob(new Warehouse(spark, config.warehouse())).execute());
      return 0;
    });
  }
}
