package org.govpulse.ingestion.samplecity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;

/**
 * The spellings of periods, timestamps and numbers that departments use, all among those the landing formats
 * accept, plus the deliberately impossible variants (month 13, quarter 5, year 1899) for bad records.
 */
final class Spellings {

  /** Monthly spellings: 2024-03, 2024-3, 2024/03, 2024.03, 202403, 2024年3月, 2024年03月, Mar 2024, 2024M03. */
  enum MonthStyle { DASH, DASH_SHORT, SLASH, DOT, COMPACT, ZH, ZH_PADDED, EN, M }

  /** Quarterly spellings: 2024Q1, 2024-Q1, 2024 Q1, 2024q1, 2024年第一季度, 2024年1季度, 2024年一季度, Q1 2024. */
  enum QuarterStyle { Q, DASH_Q, SPACE_Q, LOWER_Q, ZH_ORDINAL, ZH_DIGIT, ZH_SHORT, Q_FIRST }

  /** Annual spellings: 2024, 2024年, 2024年度, FY2024. */
  enum YearStyle { PLAIN, ZH, ZH_FULL, FY }

  /**
   * Submission-time spellings: yyyy-MM-dd, yyyy-MM-dd HH:mm, yyyy-MM-dd HH:mm:ss, yyyy/M/d, yyyy/M/d H:mm,
   * ISO-8601 with +08:00, ISO-8601 in UTC with Z.
   */
  enum TimeStyle { DATE, DATE_MINUTES, DATE_SECONDS, SLASH_DATE, SLASH_MINUTES, ISO_OFFSET, ISO_Z }

  private static final String[] EN_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
      "Nov", "Dec"};
  private static final String[] ZH_NUMERALS = {"零", "一", "二", "三", "四", "五"};

  private Spellings() {
  }

  static String period(Period p, MonthStyle m, QuarterStyle q, YearStyle y) {
    return switch (p.frequency()) {
      case MONTHLY -> month(p.year(), p.index(), m);
      case QUARTERLY -> quarter(p.year(), p.index(), q);
      case ANNUAL -> year(p.year(), y);
    };
  }

  /** A month; {@code month} may be 13 to spell an impossible period. */
  static String month(int year, int month, MonthStyle style) {
    String mm = (month < 10 ? "0" : "") + month;
    return switch (style) {
      case DASH -> year + "-" + mm;
      case DASH_SHORT -> year + "-" + month;
      case SLASH -> year + "/" + mm;
      case DOT -> year + "." + mm;
      case COMPACT -> year + mm;
      case ZH -> year + "年" + month + "月";
      case ZH_PADDED -> year + "年" + mm + "月";
      case EN -> month >= 1 && month <= 12 ? EN_MONTHS[month - 1] + " " + year : year + "-" + mm;
      case M -> year + "M" + mm;
    };
  }

  /** A quarter; {@code quarter} may be 5 to spell an impossible period. */
  static String quarter(int year, int quarter, QuarterStyle style) {
    return switch (style) {
      case Q -> year + "Q" + quarter;
      case DASH_Q -> year + "-Q" + quarter;
      case SPACE_Q -> year + " Q" + quarter;
      case LOWER_Q -> year + "q" + quarter;
      case ZH_ORDINAL -> year + "年第" + ZH_NUMERALS[quarter] + "季度";
      case ZH_DIGIT -> year + "年" + quarter + "季度";
      case ZH_SHORT -> year + "年" + ZH_NUMERALS[quarter] + "季度";
      case Q_FIRST -> "Q" + quarter + " " + year;
    };
  }

  static String year(int year, YearStyle style) {
    return switch (style) {
      case PLAIN -> Integer.toString(year);
      case ZH -> year + "年";
      case ZH_FULL -> year + "年度";
      case FY -> "FY" + year;
    };
  }

  /** A China-time moment in the style; ISO_Z converts to UTC. */
  static String time(LocalDateTime t, TimeStyle style) {
    return time(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), style,
        t);
  }

  /** The same moment with month 13: a timestamp no parser accepts. */
  static String invalidTime(LocalDateTime t, TimeStyle style) {
    return time(t.getYear(), 13, t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), style, null);
  }

  private static String time(int y, int mo, int d, int h, int mi, int s, TimeStyle style, LocalDateTime t) {
    return switch (style) {
      case DATE -> y + "-" + two(mo) + "-" + two(d);
      case DATE_MINUTES -> y + "-" + two(mo) + "-" + two(d) + " " + two(h) + ":" + two(mi);
      case DATE_SECONDS -> y + "-" + two(mo) + "-" + two(d) + " " + two(h) + ":" + two(mi) + ":" + two(s);
      case SLASH_DATE -> y + "/" + mo + "/" + d;
      case SLASH_MINUTES -> y + "/" + mo + "/" + d + " " + h + ":" + two(mi);
      case ISO_OFFSET -> y + "-" + two(mo) + "-" + two(d) + "T" + two(h) + ":" + two(mi) + ":" + two(s) + "+08:00";
      case ISO_Z -> {
        if (t == null) {
          yield y + "-" + two(mo) + "-" + two(d) + "T" + two(h) + ":" + two(mi) + ":" + two(s) + "Z";
        }
        LocalDateTime u = t.minusHours(8);
        yield u.getYear() + "-" + two(u.getMonthValue()) + "-" + two(u.getDayOfMonth()) + "T" + two(u.getHour())
            + ":" + two(u.getMinute()) + ":" + two(u.getSecond()) + "Z";
      }
    };
  }

  static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }

  /**
   * Plain decimal with exactly {@code decimals} digits after the point, half-up from the exact binary value (not
   * from {@code Double.toString}, whose output changed in JDK 19), so files are identical on every JDK.
   */
  static String decimal(double v, int decimals) {
    return new BigDecimal(v).setScale(Math.max(0, decimals), RoundingMode.HALF_UP).toPlainString();
  }

  /** Inserts thousands separators into a plain decimal: 1234567.8 -> 1,234,567.8. */
  static String thousands(String plain) {
    int sign = plain.startsWith("-") ? 1 : 0;
    int dot = plain.indexOf('.');
    int end = dot < 0 ? plain.length() : dot;
    StringBuilder sb = new StringBuilder(plain.substring(0, sign));
    String digits = plain.substring(sign, end);
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(digits.charAt(i));
    }
    return sb.append(plain.substring(end)).toString();
  }

  /** Full-width digits and decimal point (１２３．５), as typed with a Chinese input method. */
  static String fullWidth(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append((char) ('０' + (c - '0')));
      } else if (c == '.') {
        sb.append('．');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** One decimal, fast: used for millions of sensor values. */
  static void appendTenths(StringBuilder sb, double v) {
    appendFixed(sb, Math.round(v * 10), 10, 1);
  }

  /** Two decimals, fast. */
  static void appendHundredths(StringBuilder sb, double v) {
    appendFixed(sb, Math.round(v * 100), 100, 2);
  }

  private static void appendFixed(StringBuilder sb, long scaled, int factor, int digits) {
    if (scaled < 0) {
      sb.append('-');
      scaled = -scaled;
    }
    sb.append(scaled / factor).append('.');
    long frac = scaled % factor;
    if (digits == 2 && frac < 10) {
      sb.append('0');
    }
    sb.append(frac);
  }
}
