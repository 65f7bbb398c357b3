package org.govpulse.ingestion.samplecity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A reporting period: a month, a quarter or a year. {@code index} is the month (1-12), the quarter (1-4) or 1 for
 * a year. The canonical spelling is the one of the landing formats: {@code 2024-03}, {@code 2024-Q1}, {@code 2024}.
 */
record Period(Frequency frequency, int year, int index) implements Comparable<Period> {

  static Period month(int year, int month) {
    return new Period(Frequency.MONTHLY, year, month);
  }

  static Period month(YearMonth ym) {
    return month(ym.getYear(), ym.getMonthValue());
  }

  static Period quarter(int year, int quarter) {
    return new Period(Frequency.QUARTERLY, year, quarter);
  }

  static Period year(int year) {
    return new Period(Frequency.ANNUAL, year, 1);
  }

  /** The period of the given frequency that contains the month. */
  static Period containing(Frequency frequency, YearMonth ym) {
    return switch (frequency) {
      case MONTHLY -> month(ym);
      case QUARTERLY -> quarter(ym.getYear(), (ym.getMonthValue() + 2) / 3);
      case ANNUAL -> year(ym.getYear());
    };
  }

  /** All periods of a frequency from the one containing {@code from} to the one containing {@code to}. */
  static List<Period> range(Frequency frequency, YearMonth from, YearMonth to) {
    List<Period> out = new ArrayList<>();
    Period p = containing(frequency, from);
    Period last = containing(frequency, to);
    while (p.compareTo(last) <= 0) {
      out.add(p);
      p = p.next();
    }
    return out;
  }

  String canonical() {
    return switch (frequency) {
      case MONTHLY -> year + "-" + (index < 10 ? "0" : "") + index;
      case QUARTERLY -> year + "-Q" + index;
      case ANNUAL -> Integer.toString(year);
    };
  }

  YearMonth firstMonth() {
    return switch (frequency) {
      case MONTHLY -> YearMonth.of(year, index);
      case QUARTERLY -> YearMonth.of(year, index * 3 - 2);
      case ANNUAL -> YearMonth.of(year, 1);
    };
  }

  YearMonth lastMonth() {
    return switch (frequency) {
      case MONTHLY -> YearMonth.of(year, index);
      case QUARTERLY -> YearMonth.of(year, index * 3);
      case ANNUAL -> YearMonth.of(year, 12);
    };
  }

  LocalDate start() {
    return firstMonth().atDay(1);
  }

  LocalDate end() {
    return lastMonth().atEndOfMonth();
  }

  /** Months covered, in order. */
  List<YearMonth> months() {
    List<YearMonth> out = new ArrayList<>();
    for (YearMonth m = firstMonth(); !m.isAfter(lastMonth()); m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }

  /**
   * The date the report for this period is due: the 15th of the following month (monthly), the 20th of the month
   * after the quarter (quarterly), 31 March of the next year (annual).
   */
  LocalDate dueDate() {
    return switch (frequency) {
      case MONTHLY -> lastMonth().plusMonths(1).atDay(15);
      case QUARTERLY -> lastMonth().plusMonths(1).atDay(20);
      case ANNUAL -> LocalDate.of(year + 1, 3, 31);
    };
  }

  Period next() {
    return plus(1);
  }

  Period previous() {
    return plus(-1);
  }

  Period plus(int periods) {
    int per = frequency.perYear();
    int ordinal = year * per + (index - 1) + periods;
    return new Period(frequency, Math.floorDiv(ordinal, per), Math.floorMod(ordinal, per) + 1);
  }

  /** Number of periods from {@code other} to this one (positive when this one is later). */
  int minus(Period other) {
    int per = frequency.perYear();
    return (year * per + index) - (other.year * per + other.index);
  }

  /** Years elapsed from January 2021 to the middle of this period; the time axis of every trend. */
  double yearsSince2021() {
    double mid = (firstMonth().getMonthValue() + lastMonth().getMonthValue()) / 2.0;
    return (year - 2021) + (mid - 1) / 12.0;
  }

  @Override
  public int compareTo(Period o) {
    int c = Integer.compare(year, o.year);
    return c != 0 ? c : Integer.compare(index, o.index);
  }

  @Override
  public String toString() {
    return canonical();
  }
}
