package org.govpulse.app;

import java.util.List;
import java.util.concurrent.Callable;
import org.govpulse.core.cli.ConfigOptions;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.jobs.maintain.MaintainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code govpulse maintain}: compaction and VACUUM of every Delta table, as one locked, logged run. */
@Command(name = "maintain", mixinStandardHelpOptions = true,
    description = {"Compact the Delta tables (OPTIMIZE) and delete data files removed more than",
        "govpulse.maintain.retention-hours ago (VACUUM; default 168, so readers and time travel keep working)."})
public final class MaintainCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    GovPulseConfig config = options.load();
    Object result = Sessions.job(config, MaintainJob.NAME, List.of(),
        (warehouse, runId) -> MaintainJob.of(warehouse, config).execute());
    System.out.println(result);
    return 0;
  }
}
