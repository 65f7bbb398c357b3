package org.govpulse.app;

import java.util.concurrent.Callable;
import org.govpulse.core.cli.ConfigOptions;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.ingestion.IngestJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code govpulse ingest}: the ingestion job in a local Spark session. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Ingest new landing files into the bronze, silver and quarantine Delta tables.",
        "Only files not ingested before are read; re-running is always safe."})
public final class IngestCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    GovPulseConfig config = options.load();
    Object result = Sessions.job(config, IngestJob.NAME, IngestJob.inputs(config),
        (warehouse, runId) -> new IngestJob(warehouse, config, runId).execute());
    System.out.println(result);
    return 0;
  }
}
