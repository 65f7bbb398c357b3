package org.govpulse.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.govpulse.analytics.audit.AuditEvaluation;
import org.govpulse.analytics.audit.AuditJob;
import org.govpulse.core.cli.ConfigOptions;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.delta.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code govpulse audit}: the data-quality audit on its own, and its evaluation against the sample city. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"The data-quality audit (also a stage of `analyze`): late and missing reports, contradictions",
        "with the stations, digit tests, smooth series, year-end spikes, amounts out of proportion, revisions."},
    subcommands = {AuditCommand.Run.class, AuditCommand.Evaluate.class})
public final class AuditCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code govpulse audit run}. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Recompute gold.quality_findings from the reports (needs `ingest`; uses the targets and the",
          "stations' air quality when `analyze` has written them). The panel's quality flags follow at the next",
          "`analyze`."})
  static final class Run implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
      GovPulseConfig config = options.load();
      return Sessions.with(config, "govpulse-audit", spark -> {
        System.out.println(new AuditJob(new Warehouse(spark, config.warehouse())).execute());
        return 0;
      });
    }
  }

  /** {@code govpulse audit evaluate}. */
  @Command(name = "evaluate", mixinStandardHelpOptions = true,
      description = {"Score gold.quality_findings against the falsifications planted in a generated sample city:",
          "recall and precision per planted kind, every miss and every false alarm."})
  static final class Evaluate implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--ground-truth", required = true, paramLabel = "DIR",
        description = "The city's ground_truth folder (written by `./govpulse generate --out DIR`).")
    Path groundTruth;

    @Option(names = "--run", description = "Run the audit first (after changing the reports or the thresholds).")
    boolean runFirst;

    @Override
    public Integer call() {
      GovPulseConfig config = options.load();
      var planted = AuditEvaluation.readPlanted(groundTruth);
      return Sessions.with(config, "govpulse-audit-evaluate", spark -> {
        Warehouse warehouse = new Warehouse(spark, config.warehouse());
        if (runFirst) {
          System.out.println(new AuditJob(warehouse).execute());
        }
        System.out.println(AuditEvaluation.score(planted, AuditEvaluation.readFindings(warehouse)).report());
        return 0;
      });
    }
  }
}
