package org.govpulse.analytics.catalogue;

/**
 * Codes of the indicators GovPulse computes from evidence rather than reads from reports. A catalogue that wants
 * them in the panel and the scorecard lists them with these codes and source sensors, posts or survey.
 */
public final class DerivedIndicators {
  private DerivedIndicators() {}

  /** Monthly share of days with AQI <= 100 at the region's stations, percent. */
  public static final String GOOD_AIR_DAYS = "AQ_GOOD_DAYS_RATIO_MONITORED";
  /** Monthly mean PM2.5 at the region's stations, µg/m³. */
  public static final String PM25 = "PM25_MONITORED";
  /** Monthly public sentiment: 100 x mean(p(positive) - p(negative)) of the region's posts. */
  public static final String SENTIMENT = "PUBLIC_SENTIMENT_INDEX";
  /** Quarterly mean satisfaction score (1-5) over all service areas, when the sample suffices. */
  public static final String SATISFACTION = "CITIZEN_SATISFACTION";
}
