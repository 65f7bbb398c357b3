package org.govpulse.ingestion.validate;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time and date spellings of the landing formats. A time without an offset is read at the offset the
 * caller gives (China time for reports, the device clock's offset for sensors).
 */
public final class Timestamps {
  /** China Standard Time, the offset of report times that carry none. */
  public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
          + "\\s*(Z|[+-]\\d{2}:?\\d{2})?");

  private Timestamps() {}

  /** The instant, or null when the text is not a time. */
  public static Instant parseInstant(String raw, ZoneOffset defaultOffset) {
    if (raw == null) {
      return null;
    }
    Instant fast = parseIsoFast(raw, defaultOffset);
    if (fast != null) {
      return fast;
    }
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).trim();
    Matcher m = DATE_TIME.matcher(s);
    if (!m.matches()) {
      return null;
    }
    try {
      int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
      int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
      int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
      LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), hour, minute, second, nanos);
      ZoneOffset offset = m.group(8) == null ? defaultOffset : offset(m.group(8));
      return local.toInstant(offset);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** The date, or null when the text is not a date (times are accepted and their date kept). */
  public static LocalDate parseDate(String raw) {
    if (raw == null) {
      return null;
    }
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).trim();
    Matcher m = DATE_TIME.matcher(s);
    if (!m.matches()) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Parses a UTC offset such as +08:00, +0800 or Z. */
  public static ZoneOffset offset(String s) {
    if (s.equals("Z")) {
      return ZoneOffset.UTC;
    }
    String t = s.length() == 5 ? s.substring(0, 3) + ":" + s.substring(3) : s;
    return ZoneOffset.of(t);
  }

  /**
   * Allocation-light path for {@code yyyy-MM-ddTHH:mm:ss} with an optional {@code Z} or {@code +hh:mm}, the form
   * machines write; returns null for anything else so the general parser takes over.
   */
  static Instant parseIsoFast(String s, ZoneOffset defaultOffset) {
    int n = s.length();
    if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
        || day > 31 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int offsetSeconds;
    if (n == 19) {
      offsetSeconds = defaultOffset.getTotalSeconds();
    } else if (n == 20 && s.charAt(19) == 'Z') {
      offsetSeconds = 0;
    } else if (n == 25 && (s.charAt(19) == '+' || s.charAt(19) == '-') && s.charAt(22) == ':') {
      int oh = digits(s, 20, 22);
      int om = digits(s, 23, 25);
      if (oh < 0 || om < 0 || oh > 18 || om > 59) {
        return null;
      }
      offsetSeconds = (s.charAt(19) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    } else {
      return null;
    }
    if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86400L + hour * 3600L + minute * 60L + second - offsetSeconds);
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** The instant as an offset date-time at the given offset (for local dates). */
  public static LocalDate localDate(Instant instant, ZoneOffset offset) {
    return OffsetDateTime.ofInstant(instant, offset).toLocalDate();
  }
}
