package org.govpulse.core.time;

import java.util.Locale;
import java.util.Optional;

/** How often an indicator is reported. Ordered from finest to coarsest. */
public enum Frequency {
  MONTHLY(12), QUARTERLY(4), ANNUAL(1);

  private final int periodsPerYear;

  Frequency(int periodsPerYear) {
    this.periodsPerYear = periodsPerYear;
  }

  public int periodsPerYear() {
    return periodsPerYear;
  }

  /** Months covered by one period. */
  public int months() {
    return 12 / periodsPerYear;
  }

  /** The lower-case name used in files and tables: monthly, quarterly, annual. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses monthly/quarterly/annual (also month, quarter, year, yearly, 月, 季, 年). */
  public static Optional<Frequency> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "monthly": case "month": case "m": case "月": case "月度":
        return Optional.of(MONTHLY);
      case "quarterly": case "quarter": case "q": case "季": case "季度":
        return Optional.of(QUARTERLY);
      case "annual": case "yearly": case "year": case "y": case "a": case "年": case "年度":
        return Optional.of(ANNUAL);
      default:
        return Optional.empty();
    }
  }
}
