package org.govpulse.models.forecast.method;

import org.govpulse.models.forecast.ForecastModel;
import org.govpulse.models.forecast.Forecaster;
import org.govpulse.models.forecast.TimeSeries;

/**
 * Runs a method on seasonally adjusted data and puts the seasonality back into its forecasts, as the M3 competition
 * did for its exponential smoothing, NAIVE2 and Theta entries: seasonality is tested at the 90% level
 * ({@link SeasonalityTest}) and, when found, removed with a classical decomposition ({@link SeasonalIndices}).
 */
public final class SeasonallyAdjusted implements Forecaster {
  private final String name;
  private final Forecaster inner;

  public SeasonallyAdjusted(String name, Forecaster inner) {
    this.name = name;
    this.inner = inner;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int minimumLength(int seasonalPeriod) {
    return inner.minimumLength(1);
  }

  @Override
  public ForecastModel fit(TimeSeries history) {
    requireLength(history);
    double[] y = history.values();
    SeasonalIndices seasonal = SeasonalIndices.detect(y, history.seasonalPeriod());
    TimeSeries adjusted = history.withValues(seasonal.adjust(y, 0));
    return new Fitted(name, inner.fit(adjusted), seasonal, y.length);
  }

  /** The inner model plus the indices to reseasonalise with. */
  private record Fitted(String method, ForecastModel inner, SeasonalIndices seasonal, int length)
      implements ForecastModel {
    @Override
    public double[] predict(int horizon) {
      return seasonal.reseasonalise(inner.predict(horizon), length);
    }

    @Override
    public String describe() {
      return inner.describe() + "; seasonality " + seasonal;
    }
  }
}
