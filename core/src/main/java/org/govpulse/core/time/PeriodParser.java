package org.govpulse.core.time;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the period spellings found in departmental reports (see docs/landing-formats.md) and returns the canonical
 * {@link Period}. Unknown spellings and impossible periods (2024-13, 2024Q5, year 3024) give an empty result.
 */
public final class PeriodParser {
  private static final Pattern MONTH_NUMERIC = Pattern.compile("(\\d{4})\\s*[-/.年M]\\s*(\\d{1,2})\\s*月?");
  private static final Pattern MONTH_COMPACT = Pattern.compile("(\\d{4})(\\d{2})");
  private static final Pattern MONTH_NAME = Pattern.compile("([A-Za-z]{3,9})\\.?\\s+(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*[-年]?\\s*[Qq]\\s*(\\d)");
  private static final Pattern QUARTER_FIRST = Pattern.compile("[Qq]\\s*(\\d)\\s*[-/ ]?\\s*(\\d{4})");
  private static final Pattern QUARTER_ZH = Pattern.compile("(\\d{4})\\s*年\\s*第?\\s*([1-4一二三四])\\s*季度?");
  private static final Pattern YEAR = Pattern.compile("(?:FY)?\\s*(\\d{4})\\s*(?:年度?)?");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
      Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
      Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
  private static final String ZH_DIGITS = "一二三四";

  private PeriodParser() {}

  /** The period a spelling denotes, or empty when it is unreadable or impossible. */
  public static Optional<Period> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).trim();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      Matcher m;
      if ((m = QUARTER_ZH.matcher(s)).matches()) {
        String q = m.group(2);
        int quarter = Character.isDigit(q.charAt(0)) ? Integer.parseInt(q) : ZH_DIGITS.indexOf(q) + 1;
        return Optional.of(Period.quarter(year(m.group(1)), quarter));
      }
      if ((m = QUARTER.matcher(s)).matches()) {
        return Optional.of(Period.quarter(year(m.group(1)), Integer.parseInt(m.group(2))));
      }
      if ((m = QUARTER_FIRST.matcher(s)).matches()) {
        return Optional.of(Period.quarter(year(m.group(2)), Integer.parseInt(m.group(1))));
      }
      if ((m = MONTH_NUMERIC.matcher(s)).matches()) {
        return Optional.of(Period.month(year(m.group(1)), Integer.parseInt(m.group(2))));
      }
      if ((m = MONTH_COMPACT.matcher(s)).matches()) {
        return Optional.of(Period.month(year(m.group(1)), Integer.parseInt(m.group(2))));
      }
      if ((m = MONTH_NAME.matcher(s)).matches()) {
        Integer month = MONTHS.get(m.group(1).substring(0, 3).toLowerCase(Locale.ROOT));
        return month == null ? Optional.empty() : Optional.of(Period.month(year(m.group(2)), month));
      }
      if ((m = YEAR.matcher(s)).matches()) {
        return Optional.of(Period.year(year(m.group(1))));
      }
    } catch (IllegalArgumentException impossible) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static int year(String digits) {
    return Integer.parseInt(digits);
  }
}
