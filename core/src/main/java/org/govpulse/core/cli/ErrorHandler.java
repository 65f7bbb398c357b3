package org.govpulse.core.cli;

import org.govpulse.core.error.GovPulseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns exceptions of picocli commands into one clear line on stderr and an exit code; the log keeps the details.
 * Shared by the launcher and the plain main classes that are not Spark jobs.
 */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    if (e instanceof GovPulseException g) {
      if (g.getCause() != null) {
        LOG.error("{} failed", cli.getCommandName(), g.getCause());
      }
      cli.getErr().println("error: " + g.getMessage());
      return JobMain.exitCode(g);
    }
    LOG.error("{} failed", cli.getCommandName(), e);
    cli.getErr().println("error: " + cli.getCommandName() + " failed: " + e
        + ". The log above has the details; re-running is safe because every job is idempotent.");
    return JobMain.EXIT_FAILURE;
  }
}
