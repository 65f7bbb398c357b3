package org.govpulse.analytics.catalogue;

import java.time.LocalDate;
import java.time.ZoneOffset;
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
}
