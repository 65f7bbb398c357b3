package org.govpulse.ingestion.samplecity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Every date range of the city, derived once from the spec's fixed {@code asOf} date (never from the clock).
 *
 * <ul>
 *   <li>simulation: January of the first year that anything covers to December of the {@code asOf} year (the
 *       generator knows the "future" of the current year to calibrate its targets; it writes only the past);
 *   <li>reports: from {@code reportsFrom} to the last period whose due date is on or before {@code asOf};
 *   <li>sensors: the {@code sensorMonths} whole months before the month of {@code asOf};
 *   <li>posts: {@code postsFrom} to the month before {@code asOf}; surveys: the whole quarters inside that range.
 * </ul>
 */
final class Timeline {

  private final LocalDate asOf;
  private final YearMonth reportsFrom;
  private final int simFirstYear;
  private final int simLastYear;
  private final YearMonth sensorFirstMonth;
  private final YearMonth sensorLastMonth;
  private final YearMonth postsFrom;
  private final YearMonth postsTo;

  Timeline(SampleCitySpec spec) {
    this.asOf = spec.asOf();
    this.reportsFrom = spec.reportsFrom();
    YearMonth asOfMonth = YearMonth.from(asOf);
    this.sensorLastMonth = asOfMonth.minusMonths(1);
    this.sensorFirstMonth = asOfMonth.minusMonths(spec.sensorMonths());
    this.postsFrom = spec.postsFrom();
    this.postsTo = asOfMonth.minusMonths(1);
    this.simFirstYear = Math.min(reportsFrom.getYear(), Math.min(postsFrom.getYear(), sensorFirstMonth.getYear()));
    this.simLastYear = asOf.getYear();
  }

  LocalDate asOf() {
    return asOf;
  }

  /** Nothing submitted, posted or measured at or after this moment (China time) exists yet. */
  LocalDateTime cutoff() {
    return asOf.plusDays(1).atStartOfDay();
  }

  int simFirstYear() {
    return simFirstYear;
  }

  int simLastYear() {
    return simLastYear;
  }

  YearMonth simFirstMonth() {
    return YearMonth.of(simFirstYear, 1);
  }

  YearMonth simLastMonth() {
    return YearMonth.of(simLastYear, 12);
  }

  /** All simulated periods of a frequency, January of the first year to December of the {@code asOf} year. */
  List<Period> simPeriods(Frequency f) {
    return Period.range(f, simFirstMonth(), simLastMonth());
  }

  /** The latest period of a frequency whose report is due on or before {@code asOf}. */
  Period lastDue(Frequency f) {
    Period p = Period.containing(f, YearMonth.from(asOf));
    while (p.dueDate().isAfter(asOf)) {
      p = p.previous();
    }
    return p;
  }

  /** First period of a frequency that lies entirely inside the reporting range. */
  Period firstReported(Frequency f) {
    Period p = Period.containing(f, reportsFrom);
    return p.firstMonth().isBefore(reportsFrom) ? p.next() : p;
  }

  /** Periods that departments report (and that {@code true_series.csv} lists). */
  List<Period> reportPeriods(Frequency f) {
    List<Period> out = new ArrayList<>();
    for (Period p = firstReported(f); p.compareTo(lastDue(f)) <= 0; p = p.next()) {
      out.add(p);
    }
    return out;
  }

  YearMonth sensorFirstMonth() {
    return sensorFirstMonth;
  }

  YearMonth sensorLastMonth() {
    return sensorLastMonth;
  }

  LocalDate sensorFirstDay() {
    return sensorFirstMonth.atDay(1);
  }

  /** First day after the sensor coverage. */
  LocalDate sensorEndExclusive() {
    return sensorLastMonth.plusMonths(1).atDay(1);
  }

  List<YearMonth> sensorMonths() {
    return months(sensorFirstMonth, sensorLastMonth);
  }

  List<YearMonth> postMonths() {
    return months(postsFrom, postsTo);
  }

  /** Whole quarters inside the post range: the survey waves. */
  List<Period> surveyQuarters() {
    List<Period> out = new ArrayList<>();
    for (Period q : Period.range(Frequency.QUARTERLY, postsFrom, postsTo)) {
      if (!q.firstMonth().isBefore(postsFrom) && !q.lastMonth().isAfter(postsTo)) {
        out.add(q);
      }
    }
    return out;
  }

  /** The last whole year: its annual targets are calibrated on the true series (2025 for the default city). */
  int previousYear() {
    return asOf.getYear() - 1;
  }

  /** The running year: its targets are calibrated on the simulated full year (2026 for the default city). */
  int currentYear() {
    return asOf.getYear();
  }

  /** First year of the five-year plan (2021-2025, 2026-2030, ...) containing the year. */
  static int planStart(int year) {
    return 2021 + 5 * Math.floorDiv(year - 2021, 5);
  }

  private static List<YearMonth> months(YearMonth from, YearMonth to) {
    List<YearMonth> out = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }
}
