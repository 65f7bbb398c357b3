package org.govpulse.models.forecast;

import java.util.Map;
import java.util.TreeMap;
import org.govpulse.core.time.Frequency;

/** How many steps to forecast, per seasonal period (so per frequency: 12 monthly, 4 quarterly, 1 annual). */
public final class Horizons {
  private final Map<Integer, Integer> bySeasonalPeriod;

  private Horizons(Map<Integer, Integer> bySeasonalPeriod) {
    bySeasonalPeriod.forEach((period, h) -> {
      if (period < 1) {
        throw ForecastErrors.seasonalPeriodInvalid(period);
      }
      if (h == null || h < 1) {
        throw ForecastErrors.horizonInvalid(h == null ? 0 : h);
      }
    });
    this.bySeasonalPeriod = new TreeMap<>(bySeasonalPeriod);
  }

  /** Horizons per reporting frequency, e.g. {@code {MONTHLY: 18, QUARTERLY: 8, ANNUAL: 6}}. */
  public static Horizons of(Map<Frequency, Integer> byFrequency) {
    Map<Integer, Integer> m = new TreeMap<>();
    byFrequency.forEach((f, h) -> m.put(f.periodsPerYear(), h));
    return new Horizons(m);
  }

  /** Horizons per seasonal period, for series without a calendar frequency. */
  public static Horizons bySeasonalPeriod(Map<Integer, Integer> byPeriod) {
    return new Horizons(new TreeMap<>(byPeriod));
  }

  /** The M3 competition horizons: 18 monthly, 8 quarterly, 6 annual. */
  public static Horizons m3() {
    return of(Map.of(Frequency.MONTHLY, 18, Frequency.QUARTERLY, 8, Frequency.ANNUAL, 6));
  }

  /** The horizon for a series. */
  public int horizonFor(String id, TimeSeries series) {
    Integer h = bySeasonalPeriod.get(series.seasonalPeriod());
    if (h == null) {
      throw ForecastErrors.noHorizon(id, series.seasonalPeriod(), bySeasonalPeriod.keySet());
    }
    return h;
  }

  @Override
  public String toString() {
    return "Horizons" + bySeasonalPeriod;
  }
}
