package org.govpulse.models.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.govpulse.core.time.Frequency;
import org.govpulse.models.forecast.EngineResult;
import org.govpulse.models.forecast.ForecastEngine;
import org.govpulse.models.forecast.Horizons;
import org.govpulse.models.forecast.TimeSeries;
import org.govpulse.models.forecast.global.GlobalSource;

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
    return forecast(histories, null);
  }

  /** Forecasts with the global candidate from {@code source} (null: trained in the call). */
  public Outcome forecast(Map<String, SeriesHistory> histories, GlobalSource source) {
    Selection s = select(histories, engine.settings().minimumLength());
    if (s.segments().isEmpty()) {
      return new Outcome(null, s.segments(), s.skipped());
    }
    return new Outcome(engine.forecast(s.series(), HORIZONS, source), s.segments(), s.skipped());
  }

  /** The forecastable segment of each series long enough, and how many were not. */
  public record Selection(Map<String, SeriesHistory.Segment> segments, int skipped) {
    /** The segments' series by id. */
    public Map<String, TimeSeries> series() {
      Map<String, TimeSeries> series = new LinkedHashMap<>();
      segments.forEach((id, s) -> series.put(id, s.series()));
      return series;
    }
  }

  /** Selects the series with at least {@code minimum} consecutive values. */
  public static Selection select(Map<String, SeriesHistory> histories, int minimum) {
    Map<String, SeriesHistory.Segment> segments = new LinkedHashMap<>();
    int skipped = 0;
    for (SeriesHistory h : histories.values()) {
      var segment = h.forecastable(minimum);
      if (segment.isPresent()) {
        segments.put(h.id(), segment.get());
      } else {
        skipped++;
      }
    }
    return new Selection(segments, skipped);
  }
}
