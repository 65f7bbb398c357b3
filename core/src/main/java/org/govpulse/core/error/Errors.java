package org.govpulse.core.error;

import java.util.Collection;

/**
 * Every user-facing error message of GovPulse, built in one place. Each message states the problem, why it occurred
 * and how to solve it.
 */
public final class Errors {
  private Errors() {}

  /** A generic invalid-input error for callers that phrase their own what/why/fix. */
  public static GovPulseException invalidInput(String what, String why, String fix) {
    return new GovPulseException(GovPulseException.Kind.INVALID_INPUT, what, why, fix, null);
  }

  /** A generic not-found error. */
  public static GovPulseException notFound(String what, String why, String fix) {
    return new GovPulseException(GovPulseException.Kind.NOT_FOUND, what, why, fix, null);
  }

  /** A conflict with the current state of the warehouse. */
  public static GovPulseException conflict(String what, String why, String fix) {
    return new GovPulseException(GovPulseException.Kind.CONFLICT, what, why, fix, null);
  }

  /** A failure outside the caller's control, keeping its cause. */
  public static GovPulseException internal(String what, Throwable cause) {
    String why = cause == null ? "unknown cause" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return new GovPulseException(GovPulseException.Kind.INTERNAL, what, why,
        "See the log for details; re-running is safe because every job is idempotent", cause);
  }

  public static GovPulseException configValueInvalid(String key, String value, String expected) {
    return new GovPulseException(GovPulseException.Kind.CONFIGURATION,
        "Configuration value '" + value + "' for " + key + " is invalid",
        "expected " + expected,
        "Fix it in the config file, the environment variable or the flag that sets " + key, null);
  }

  public static GovPulseException configFileUnreadable(String path, Throwable cause) {
    return new GovPulseException(GovPulseException.Kind.CONFIGURATION,
        "Cannot read the config file " + path,
        cause == null ? "it does not exist" : cause.getMessage(),
        "Pass an existing file with --config or GOVPULSE_CONFIG, or omit it to use the defaults", cause);
  }

  public static GovPulseException unknownConfigKey(String key, Collection<String> known) {
    return new GovPulseException(GovPulseException.Kind.CONFIGURATION,
        "Unknown configuration key " + key,
        "GovPulse knows " + String.join(", ", known),
        "Correct the spelling or remove the line (Spark settings go under govpulse.spark.conf.*)", null);
  }

  public static GovPulseException tableMissing(String table, String path, String producedBy) {
    return new GovPulseException(GovPulseException.Kind.NOT_FOUND,
        "Table " + table + " does not exist at " + path,
        "the job that writes it has not run against this warehouse",
        "Run `./govpulse " + producedBy + "` first (or check --warehouse)", null);
  }

  public static GovPulseException landingMissing(String path) {
    return new GovPulseException(GovPulseException.Kind.INVALID_INPUT,
        "The landing area " + path + " does not exist",
        "ingestion reads new files from it",
        "Create it, pass --landing DIR, or generate the sample city with `./govpulse generate --out DIR`", null);
  }

  public static GovPulseException jobAlreadyRunning(String job, String holder, String since) {
    return new GovPulseException(GovPulseException.Kind.BUSY,
        "Another " + job + " run is in progress",
        "run " + holder + " holds the warehouse lock since " + since,
        "Wait for it to finish (the lease of a run that died lapses by itself); to free it now because you know "
            + "the run is dead, run `./govpulse unlock " + job + "`", null);
  }
}
