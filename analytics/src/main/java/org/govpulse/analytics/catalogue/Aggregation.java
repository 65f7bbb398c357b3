package org.govpulse.analytics.catalogue;

import java.util.Locale;

/**
 * How an indicator's values combine over time (months into quarters and years) and over regions (districts into the
 * city). The catalogue names one per indicator.
 */
public enum Aggregation {
  /** Flows: the coarser value is the sum (GDP, retail sales, new jobs); districts add up. */
  SUM,
  /** Rates and levels: the coarser value is the mean; districts are weighted by population. */
  MEAN,
  /** Stocks and coverage: the coarser value is the last sub-period's; districts are weighted by population. */
  LAST,
  /** Shares of days or cases: a mean weighted by the size of each sub-period; districts by population. */
  RATIO;

  public static Aggregation parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
