package org.govpulse.core.cli;

import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.error.GovPulseException;
import org.govpulse.core.spark.SparkSessions;

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
