package org.govpulse.analytics.panel;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.govpulse.core.time.Frequency;

/**
 * Spark column expressions for canonical periods (2024-03, 2024-Q1, 2024), mirroring
 * {@link org.govpulse.core.time.Period} so that periods can be computed inside Spark plans.
 */
public final class PeriodColumns {
  private PeriodColumns() {}

  /** The canonical period of the given frequency that contains a date. */
  public static Column periodOf(Column date, Frequency frequency) {
    return switch (frequency) {
      case MONTHLY -> date_format(date, "yyyy-MM");
      case QUARTERLY -> concat(year(date).cast("string"), lit("-Q"), quarter(date).cast("string"));
      case ANNUAL -> year(date).cast("string");
    };
  }

  /** Last day of the period of a frequency code (monthly, quarterly, annual) that starts on a date. */
  public static Column end(Column frequency, Column start) {
    Column months = when(frequency.equalTo(Frequency.MONTHLY.code()), lit(1))
        .when(frequency.equalTo(Frequency.QUARTERLY.code()), lit(3)).otherwise(lit(12));
    return last_day(add_months(start, months.minus(1)));
  }

  /** Last day of a canonical period string (2024-03, 2024-Q1 or 2024). */
  public static Column endOf(Column period) {
    Column frequency = when(period.contains("-Q"), lit(Frequency.QUARTERLY.code()))
        .when(period.rlike("^\\d{4}-\\d{2}$"), lit(Frequency.MONTHLY.code()))
        .otherwise(lit(Frequency.ANNUAL.code()));
    return end(frequency, start(period));
  }

  /** First day of a canonical period string. */
  public static Column start(Column period) {
    Column y = substring(period, 1, 4).cast("int");
    return when(period.contains("-Q"), make_date(y, substring(period, 7, 1).cast("int").multiply(3).minus(2), lit(1)))
        .when(period.rlike("^\\d{4}-\\d{2}$"), to_date(concat(period, lit("-01"))))
        .otherwise(make_date(y, lit(1), lit(1)));
  }

}
