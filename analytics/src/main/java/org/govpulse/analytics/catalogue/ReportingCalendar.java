package org.govpulse.analytics.catalogue;

import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Column;
import org.govpulse.analytics.panel.PeriodColumns;
import org.govpulse.core.time.Frequency;
import org.govpulse.core.time.Period;

/**
 * When reports are due: monthly figures by the 15th of the following month, quarterly ones by the 20th of the month
 * after the quarter, annual ones by 31 March of the next year (China time). Timeliness findings and the "late"
 * flag of the panel both use this calendar.
 */
public final class ReportingCalendar {
  /** Offset in which due dates are meant. */
  public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  private ReportingCalendar() {}

  /** The last day on which a report for the period is on time. */
  public static LocalDate dueDate(Period period) {
    LocalDate after = period.end().plusDays(1);
    if (period.frequency() == Frequency.MONTHLY) {
      return after.withDayOfMonth(15);
    }
    if (period.frequency() == Frequency.QUARTERLY) {
      return after.withDayOfMonth(20);
    }
    return LocalDate.of(period.year() + 1, 3, 31);
  }

  /** The same due date as a Spark column, from a row's frequency code and period start. */
  public static Column dueDate(Column frequency, Column periodStart) {
    Column end = PeriodColumns.end(frequency, periodStart);
    return when(frequency.equalTo(Frequency.MONTHLY.code()), date_add(end, 15))
        .when(frequency.equalTo(Frequency.QUARTERLY.code()), date_add(end, 20))
        .otherwise(make_date(year(periodStart).plus(1), lit(3), lit(31)));
  }
}
