package org.govpulse.models.forecast;

/**
 * A frequency class: series with the same seasonal period and horizon. The engine chooses a combination rule,
 * pools interval residuals and trains a global model per class.
 *
 * @param seasonalPeriod observations per season (12, 4, 1)
 * @param horizon steps forecast
 */
public record SeriesClass(int seasonalPeriod, int horizon) implements Comparable<SeriesClass> {
  @Override
  public int compareTo(SeriesClass o) {
    int c = Integer.compare(o.seasonalPeriod, seasonalPeriod);
    return c != 0 ? c : Integer.compare(horizon, o.horizon);
  }

  @Override
  public String toString() {
    return "m" + seasonalPeriod + "-h" + horizon;
  }
}
