package org.govpulse.core.time;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Objects;

/**
 * A reporting period: a month, a quarter or a year. Its canonical spelling ({@link #toString()}) is
 * {@code 2024-03}, {@code 2024-Q1} or {@code 2024}; every table stores periods in that form.
 */
public final class Period implements Comparable<Period>, Serializable {
  private static final long serialVersionUID = 1L;
  /** Earliest and latest years GovPulse accepts. */
  public static final int MIN_YEAR = 1990;
  public static final int MAX_YEAR = 2100;

  private static final Comparator<Period> ORDER = Comparator.comparing(Period::start)
      .thenComparing(p -> p.frequency);

  private final Frequency frequency;
  private final int year;
  private final int index;

  private Period(Frequency frequency, int year, int index) {
    this.frequency = frequency;
    this.year = year;
    this.index = index;
  }

  /**
   * A period; {@code index} is the month 1-12, the quarter 1-4, or 1 for a year.
   *
   * @throws IllegalArgumentException when the period does not exist
   */
  public static Period of(Frequency frequency, int year, int index) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new IllegalArgumentException("year " + year + " outside " + MIN_YEAR + "-" + MAX_YEAR);
    }
    if (index < 1 || index > frequency.periodsPerYear()) {
      throw new IllegalArgumentException(frequency.code() + " index " + index + " outside 1-" + frequency.periodsPerYear());
    }
    return new Period(frequency, year, index);
  }

  public static Period month(int year, int month) {
    return of(Frequency.MONTHLY, year, month);
  }

  public static Period quarter(int year, int quarter) {
    return of(Frequency.QUARTERLY, year, quarter);
  }

  public static Period year(int year) {
    return of(Frequency.ANNUAL, year, 1);
  }

  /** The period of the given frequency that contains a date. */
  public static Period containing(Frequency frequency, LocalDate date) {
    int month0 = date.getMonthValue() - 1;
    return of(frequency, date.getYear(), month0 / frequency.months() + 1);
  }

  /** Parses a canonical period; use {@link PeriodParser} for the spellings found in reports. */
  public static Period parseCanonical(String s) {
    return PeriodParser.parse(s).orElseThrow(() -> new IllegalArgumentException("not a period: " + s));
  }

  public Frequency frequency() {
    return frequency;
  }

  public int year() {
    return year;
  }

  /** Month 1-12, quarter 1-4, or 1 for a year. */
  public int index() {
    return index;
  }

  /** First day of the period. */
  public LocalDate start() {
    return LocalDate.of(year, (index - 1) * frequency.months() + 1, 1);
  }

  /** Last day of the period. */
  public LocalDate end() {
    return YearMonth.from(start()).plusMonths(frequency.months() - 1L).atEndOfMonth();
  }

  /** The period {@code n} steps later (negative for earlier), same frequency. */
  public Period plus(int n) {
    int ordinal = year * frequency.periodsPerYear() + (index - 1) + n;
    return of(frequency, Math.floorDiv(ordinal, frequency.periodsPerYear()),
        Math.floorMod(ordinal, frequency.periodsPerYear()) + 1);
  }

  /** Number of steps from {@code other} to this period (same frequency). */
  public int minus(Period other) {
    requireSameFrequency(other);
    return (year - other.year) * frequency.periodsPerYear() + (index - other.index);
  }

  /** The coarser period that contains this one, e.g. 2024-03 to 2024-Q1 or 2024. */
  public Period within(Frequency coarser) {
    if (coarser.ordinal() < frequency.ordinal()) {
      throw new IllegalArgumentException(frequency.code() + " period cannot roll up into " + coarser.code());
    }
    return containing(coarser, start());
  }

  /** True when this period lies inside {@code other} (or equals it). */
  public boolean isWithin(Period other) {
    return !start().isBefore(other.start()) && !end().isAfter(other.end());
  }

  /** Position of this period in its year, 1-based (month, quarter, or 1). */
  public int positionInYear() {
    return index;
  }

  private void requireSameFrequency(Period other) {
    if (other.frequency != frequency) {
      throw new IllegalArgumentException("periods of different frequency: " + this + " and " + other);
    }
  }

  @Override
  public int compareTo(Period o) {
    return ORDER.compare(this, o);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Period p && p.frequency == frequency && p.year == year && p.index == index;
  }

  @Override
  public int hashCode() {
    return Objects.hash(frequency, year, index);
  }

  @Override
  public String toString() {
    switch (frequency) {
      case MONTHLY:
        return year + "-" + (index < 10 ? "0" : "") + index;
      case QUARTERLY:
        return year + "-Q" + index;
      default:
        return Integer.toString(year);
    }
  }
}
