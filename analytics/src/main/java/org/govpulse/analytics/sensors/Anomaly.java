package org.govpulse.analytics.sensors;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One sensor fault, on the UTC hour timeline (hours since 1970-01-01T00:00Z).
 *
 * @param kind what went wrong
 * @param metric the metric concerned, or null for the whole sensor
 * @param startHour first affected hour
 * @param endHour the hour after the last affected one
 * @param severity how much it matters
 * @param statistic the number behind it (hours, robust z-score, clock offset in hours)
 * @param detail a sentence with the numbers
 */
public record Anomaly(AnomalyKind kind, String metric, long startHour, long endHour, Severity severity,
    double statistic, String detail) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  /** An epoch hour as {@code 2026-03-02 05:00 UTC}. */
  public static String time(long epochHour) {
    return TIME.format(Instant.ofEpochSecond(epochHour * 3600)) + " UTC";
  }

  /** Length in hours. */
  public long hours() {
    return endHour - startHour;
  }
}
