package org.govpulse.ingestion.validate;

import java.util.Locale;

/** Quarantine reason codes; docs/landing-formats.md lists the same codes with their meaning. */
public enum Reason {
  MALFORMED_RECORD, MISSING_COLUMN, MISSING_VALUE, REGION_UNKNOWN, INDICATOR_UNKNOWN, DEPARTMENT_UNKNOWN,
  PERIOD_INVALID, PERIOD_FREQUENCY_MISMATCH, PERIOD_IN_FUTURE, VALUE_NOT_NUMERIC, VALUE_OUT_OF_RANGE, UNIT_UNKNOWN,
  UNIT_INCOMPATIBLE, TIMESTAMP_INVALID, TIMESTAMP_IN_FUTURE, SENSOR_UNKNOWN, METRIC_UNKNOWN, CONFLICTING_DUPLICATE,
  TEXT_EMPTY, LABEL_UNKNOWN, SCORE_OUT_OF_RANGE, SERVICE_AREA_UNKNOWN, REFERENCE_INVALID;

  /** The code stored in the quarantine table, e.g. value_not_numeric. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A rejection for this reason with a sentence saying exactly what was wrong. */
  public Rejection because(String detail) {
    return new Rejection(this, detail);
  }

  /** The reason whose code starts a bronze parse error ("missing_column: ..."). */
  public static Reason ofParseError(String parseError) {
    int colon = parseError.indexOf(':');
    String code = colon < 0 ? parseError : parseError.substring(0, colon);
    for (Reason r : values()) {
      if (r.code().equals(code.trim())) {
        return r;
      }
    }
    return MALFORMED_RECORD;
  }
}
