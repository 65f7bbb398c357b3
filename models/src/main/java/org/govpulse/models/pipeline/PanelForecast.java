package org.govpulse.models.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.govpulse.core.time.Frequency;
import org.govpulse.models.forecast.EngineResult;
import org.govpulse.models.forecast.ForecastEngine;
import org.govpulse.models.forecast.Horizons;
import org.govpulse.models.forecast.TimeSeries;

/**
 * Forecasts panel series with the forecasting engine over a horizon set by frequency: 12 months, 4 quarters or 2
 * years ahead — far enough to see the end of the current year and the next target period.
 */
public final class PanelForecast {
  /** Steps ahead per frequency. */
  public static final Horizons HORIZONS = Horizons.of(Map.of(Frequency.MONTHLY, 12, Frequency.QUARTERLY, 4,
      Frequency.ANNUAL, 2));

  private final ForecastEngine engine;

  public PanelForecast(ForecastEngine engine) {
    this.engine = engine;
  }

  /** What was forecast, and the series that were too short to forecast. */
  public record Outcome(EngineResult result, Map<String, SeriesHistory.Segment> segments, int skipped) {}

  /** Forecasts every series that is long enough; empty result when none is. */
  public Outcome forecast(Map<String, SeriesHistory> histories) {
    Map<String, SeriesHistory.Segment> segments = new LinkedHashMap<>();
    int skipped = 0;
    int minimum = engine.settings().minimumLength();
    for (SeriesHistory h : histories.values()) {
      var segment = h.forecastable(minimum);
      if (segment.isPresent()) {
        segments.put(h.id(), segment.get());
      } else {
        skipped++;
      }
    }
    if (segments.isEmpty()) {
      return new Outcome(null, segments, skipped);
    }
    Map<String, TimeSeries> series = new LinkedHashMap<>();
    segments.forEach((id, s) -> series.put(id, s.series()));
    return new Outcome(engine.forecast(series, HORIZONS), segments, skipped);
  }
}
