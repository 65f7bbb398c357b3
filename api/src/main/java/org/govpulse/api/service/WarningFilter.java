package org.govpulse.api.service;

import static org.govpulse.core.table.Col.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.govpulse.api.delta.Record;
import org.govpulse.core.error.Errors;
import org.govpulse.models.warn.Conditions;
import org.govpulse.models.warn.Level;
import org.govpulse.models.warn.WarningState;

/**
 * Which warnings a feed, stream or export shows. Every part is optional; lists match any of their values.
 *
 * @param levels blue, yellow, orange, red
 * @param region region code
 * @param department department code
 * @param statuses open, acknowledged, resolved
 * @param kinds target_risk, data_quality, sentiment_surge, sensor_anomaly
 * @param since only warnings changed at or after this instant
 */
public record WarningFilter(List<String> levels, String region, String department, List<String> statuses,
    List<String> kinds, Instant since) {
  public static final List<String> LEVELS = Arrays.stream(Level.values()).map(Level::code).toList();
  public static final List<String> STATUSES = List.of(WarningState.OPEN, WarningState.ACKNOWLEDGED,
      WarningState.RESOLVED);
  public static final List<String> KINDS = List.of(Conditions.TARGET_RISK, Conditions.DATA_QUALITY,
      Conditions.SENTIMENT_SURGE, Conditions.SENSOR_ANOMALY);

  /** Everything. */
  public static final WarningFilter ALL = new WarningFilter(List.of(), null, null, List.of(), List.of(), null);

  /** A filter from query parameter values (null when absent); 400 for a value outside its domain. */
  public static WarningFilter parse(String level, String region, String department, String status, String kind,
      String since) {
    return new WarningFilter(Lookup.someOf("level", level, LEVELS), blankToNull(region), blankToNull(department),
        Lookup.someOf("status", status, STATUSES), Lookup.someOf("kind", kind, KINDS), instant("since", since));
  }

  public boolean matches(Record w) {
    return (levels.isEmpty() || levels.contains(w.str(WARNING_LEVEL)))
        && (region == null || region.equals(w.str(REGION_CODE)))
        && (department == null || department.equals(w.str(DEPT_CODE)))
        && (statuses.isEmpty() || statuses.contains(w.str(STATUS)))
        && (kinds.isEmpty() || kinds.contains(w.str(KIND)))
        && (since == null || !w.instant(UPDATED_AT).isBefore(since));
  }

  /**
   * Whether an event belongs to the stream: level and status as of the event, region, department and kind of its
   * warning, time of the event.
   */
  public boolean matches(WarningView.Event e) {
    Record w = e.warning();
    return (levels.isEmpty() || levels.contains(e.data().get(WARNING_LEVEL)))
        && (statuses.isEmpty() || statuses.contains(e.data().get(STATUS)))
        && (region == null || w != null && region.equals(w.str(REGION_CODE)))
        && (department == null || w != null && department.equals(w.str(DEPT_CODE)))
        && (kinds.isEmpty() || w != null && kinds.contains(w.str(KIND)))
        && (since == null || !e.at().isBefore(since));
  }

  /** An instant from ISO-8601 (2026-03-01T08:00:00Z, with an offset, or a date meaning its start in UTC). */
  public static Instant instant(String parameter, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw Errors.invalidInput("Query parameter " + parameter + "=" + value + " is not a date or time",
          "it must be ISO-8601, such as 2026-03-01 or 2026-03-01T08:00:00Z", "Fix the value or leave it out");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
