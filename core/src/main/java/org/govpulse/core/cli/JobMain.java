package org.govpulse.core.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.error.GovPulseException;
import org.govpulse.core.run.JobRun;
import org.govpulse.core.spark.SparkSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Runs a Spark job from a main method: builds the configuration and the one SparkSession, runs the job as a
 * {@link JobRun} (under the job's lock, recorded in meta.runs), prints its summary, and turns failures into a clear
 * message and an exit code instead of a stack trace.
 */
public final class JobMain {
  /** Exit code for bad input or configuration. */
  public static final int EXIT_USAGE = 2;
  /** Exit code for a failure of the job itself. */
  public static final int EXIT_FAILURE = 1;
  /** Exit code when another run of the job holds its lock: nothing was done, try again later. */
  public static final int EXIT_BUSY = 3;

  private static final Logger LOG = LoggerFactory.getLogger(JobMain.class);

  private JobMain() {}

  /** A job: given the configuration and the session, does its work and returns a printable result. */
  @FunctionalInterface
  public interface Job {
    Object run(GovPulseConfig config, SparkSession spark);
  }

  /** A job that also takes the id of its run, to tag the rows it writes to meta.runs. */
  @FunctionalInterface
  public interface RunJob {
    Object run(GovPulseConfig config, SparkSession spark, String runId);
  }

  /** Arguments every job's main class accepts: the {@link ConfigOptions} and --help. */
  @Command(mixinStandardHelpOptions = true)
  static final class JobArgs {
    @Mixin
    ConfigOptions options = new ConfigOptions();
  }

  /**
   * The whole main method of a job for spark-submit: parses the standard options, runs the job and exits with its
   * code. {@code spark-submit --class <job> app.jar [--config FILE] [--landing DIR] [--warehouse DIR]}.
   */
  public static void main(String name, String description, String[] argv, Job job) {
    main(name, description, argv, c -> List.of(), (c, spark, runId) -> job.run(c, spark));
  }

  /**
   * Like {@link #main(String, String, String[], Job)} for a job that takes its run id and reads inputs outside the
   * warehouse, which {@code inputs} names for meta.runs.
   */
  public static void main(String name, String description, String[] argv,
      Function<GovPulseConfig, List<String>> inputs, RunJob job) {
    JobArgs args = new JobArgs();
    CommandLine cli = new CommandLine(args);
    cli.getCommandSpec().name(name);
    cli.getCommandSpec().usageMessage().description(description);
    try {
      cli.parseArgs(argv);
    } catch (CommandLine.ParameterException e) {
      System.err.println("error: " + e.getMessage());
      cli.usage(System.err);
      System.exit(EXIT_USAGE);
    }
    if (cli.isUsageHelpRequested()) {
      cli.usage(System.out);
      return;
    }
    GovPulseConfig config;
    try {
      config = args.options.load();
    } catch (GovPulseException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(EXIT_USAGE);
      return;
    }
    System.exit(run(name, config, inputs.apply(config), job, System.out, System.err));
  }

  /**
   * Runs a job with its own session as one {@link JobRun} of {@code name} and returns the exit code; the session is
   * stopped afterwards.
   */
  public static int run(String name, GovPulseConfig config, List<String> inputs, RunJob job, PrintStream out,
      PrintStream err) {
    String appName = "govpulse-" + name;
    SparkSession spark = null;
    try {
      spark = SparkSessions.create(config, appName);
      SparkSession session = spark;
      Object result = new JobRun(new Warehouse(spark, config.warehouse()), config, name).inputs(inputs)
          .execute(runId -> job.run(config, session, runId)).value();
      if (result != null) {
        out.println(result);
      }
      return 0;
    } catch (GovPulseException e) {
      if (e.getCause() != null) {
        LOG.error("{} failed", appName, e.getCause());
      }
      err.println("error: " + e.getMessage());
      return exitCode(e);
    } catch (RuntimeException e) {
      LOG.error("{} failed", appName, e);
      err.println("error: " + appName + " failed: " + e.getMessage()
          + ". The log above has the details; re-running is safe because every job is idempotent");
      return EXIT_FAILURE;
    } finally {
      if (spark != null) {
        spark.stop();
      }
    }
  }

  /** The exit code for a GovPulse error: busy, failure of the job, or bad input and configuration. */
  public static int exitCode(GovPulseException e) {
    return switch (e.kind()) {
      case BUSY -> EXIT_BUSY;
      case INTERNAL -> EXIT_FAILURE;
      default -> EXIT_USAGE;
    };
  }
}
