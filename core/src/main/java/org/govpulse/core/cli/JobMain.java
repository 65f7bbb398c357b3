package org.govpulse.core.cli;

import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import org.slf4j.LoggerFactory;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.error.GovPulseException;
import org.govpulse.core.spark.SparkSessions;
import picocli.CommandLine;

/**
 * Runs a Spark job from a main method: builds the configuration and the one SparkSession, runs the job, prints its
 * summary, and turns failures into a clear message and an exit code instead of a stack trace.
 */
public final class JobMain {
  /** Exit code for bad input or configuration. */
  public static final int EXIT_USAGE = 2;
  /** Exit code for a failure of the job itself. */
  public static final int EXIT_FAILURE = 1;

  private static final Logger LOG = LoggerFactory.getLogger(JobMain.class);

  private JobMain() {}

  /** A job: given the configuration and the session, does its work and returns a printable result. */
  @FunctionalInterface
  public interface Job {
    Object run(GovPulseConfig config, SparkSession spark);
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
    System.exit(run("govpulse-" + name, config, job, System.out, System.err));
  }

  /** Runs a job with its own session and returns the exit code; the session is stopped afterwards. */
  public static int run(String appName, GovPulseConfig config, Job job, PrintStream out, PrintStream err) {
    SparkSession spark = null;
    try {
      spark = SparkSessions.create(config, appName);
      Object result = job.run(config, spark);
      if (result != null) {
        out.println(result);
      }
      return 0;
    } catch (GovPulseException e) {
      if (e.getCause() != null) {
        LOG.error("{} failed", appName, e.getCause());
      }
      err.println("error: " + e.getMessage());
      return e.kind() == GovPulseException.Kind.INTERNAL ? EXIT_FAILURE : EXIT_USAGE;
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
}
