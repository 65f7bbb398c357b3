package org.govpulse.core.error;

/**
 * The one exception family of GovPulse. Every instance says what went wrong, why, and how to fix it, so that an
 * operator reading a log line or an analyst reading an HTTP error body can act without reading code.
 *
 * <p>Build instances through {@link Errors}, which keeps all user-facing messages in one place.
 */
public class GovPulseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Broad classes of failure; the API maps them to HTTP statuses and the CLI to exit codes. */
  public enum Kind {
    /** The caller gave a bad argument, flag, file or request parameter. */
    INVALID_INPUT,
    /** Something asked for does not exist (a table, a series, a model version). */
    NOT_FOUND,
    /** The configuration is inconsistent or unusable. */
    CONFIGURATION,
    /** The state of the warehouse forbids the operation (a table is missing, a model cannot be rolled back). */
    CONFLICT,
    /** Another run of the same job holds its lock; retrying later is the fix. */
    BUSY,
    /** A failure outside the caller's control (storage, Spark). */
    INTERNAL
  }

  private final Kind kind;
  private final String what;
  private final String why;
  private final String fix;

  GovPulseException(Kind kind, String what, String why, String fix, Throwable cause) {
    super(compose(what, why, fix), cause);
    this.kind = kind;
    this.what = what;
    this.why = why;
    this.fix = fix;
  }

  private static String compose(String what, String why, String fix) {
    StringBuilder sb = new StringBuilder(what);
    if (why != null && !why.isBlank()) {
      sb.append(": ").append(why);
    }
    if (fix != null && !fix.isBlank()) {
      sb.append(". ").append(fix);
    }
    return sb.toString();
  }

  public Kind kind() {
    return kind;
  }

  /** What went wrong, in one phrase. */
  public String what() {
    return what;
  }

  /** Why it went wrong. */
  public String why() {
    return why;
  }

  /** How to fix it. */
  public String fix() {
    return fix;
  }
}
