package org.govpulse.app;

import java.util.List;
import java.util.concurrent.Callable;
import org.govpulse.analytics.AnalyzeJob;
import org.govpulse.core.cli.ConfigOptions;
import org.govpulse.core.config.GovPulseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code govpulse analyze}: the analytics job in a local Spark session. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = {"Compute the gold tables from the silver tables: derived indicators, region tiers, targets,",
        "the indicator panel, scorecards and budget outcomes. Re-running recomputes them; it is always safe."})
public final class AnalyzeCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    GovPulseConfig config = options.load();
    Object result = Sessions.job(config, AnalyzeJob.NAME, List.of(),
        (warehouse, runId) -> new AnalyzeJob(warehouse, runId).execute());
    System.out.println(result);
    return 0;
  }
}
