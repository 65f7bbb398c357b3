package org.govpulse.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.govpulse.core.cli.ConfigOptions;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.api.ServeCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code govpulse quickstart}: the embedded default. Generates the sample city (once), runs every stage on it in
 * one local Spark session (ingest, sentiment training and scoring, analyze, model training, forecasts, warnings),
 * then serves the API and the dashboard on the warehouse until stopped.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
    description = {"Generate the sample city, run every stage on it with local Spark and a local warehouse, then "
        + "serve the API and the dashboard (Ctrl-C stops it).",
        "Re-running reuses the generated city and only processes what is new; models already trained on the same "
            + "data are not registered again."})
public final class QuickstartCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options = new ConfigOptions();

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the sample city (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--scale", defaultValue = "1.0", description = "Scale of the sample city (default ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--port", defaultValue = "8080", description = "API port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--no-serve", description = "Stop after the last stage instead of serving the API.")
  boolean noServe;

  @Override
  public Integer call() throws InterruptedException {
    GovPulseConfig config = options.load().with(Setting.API_PORT, Integer.toString(port));
    Path landing = Path.of(config.landing());
    ensureSampleCity(landing.getParent(), landing);
    Sessions.with(config, "govpulse-quickstart", spark -> {
      Warehouse warehouse = new Warehouse(spark, config.warehouse());
      for (PipelineStage stage : PipelineStage.values()) {
        System.out.println("== " + stage.command());
        System.out.println(stage.run(warehouse, config));
        System.out.println();
      }
      return null;
    });
    System.out.println("warehouse: " + config.warehouse() + " (list the tables with ./govpulse tables)");
    if (noServe) {
      System.out.println("serve it with: ./govpulse serve");
      return 0;
    }
    ServeCommand.serveUntilStopped(ServeCommand.start(config, System.out));
    return 0;
  }

  /** Generates the city into {@code out} unless a city with the same seed and scale is already there. */
  private void ensureSampleCity(Path out, Path landing) {
    if (GovPulseConfig.isRemote(landing.toString())) {
      return;
    }
    Path marker = out.resolve(".sample-city");
    String stamp = "seed=" + seed + " scale=" + scale;
    try {
      if (Files.exists(marker) && Files.readString(marker).trim().equals(stamp)) {
        System.out.println("sample city already generated in " + out + " (" + stamp + ")");
        return;
      }
      if (Files.exists(marker)) {
        throw org.govpulse.core.error.Errors.invalidInput("The sample city in " + out + " was generated with "
                + Files.readString(marker).trim(), "mixing two cities in one landing area would mix their data",
            "Remove " + out + " and the warehouse, or pass the same --seed and --scale");
      }
      System.out.println(GenerateCommand.summary(GenerateCommand.generate(out, seed, scale)));
      Files.writeString(marker, stamp + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
