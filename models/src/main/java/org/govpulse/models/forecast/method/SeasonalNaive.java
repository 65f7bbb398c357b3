package org.govpulse.models.forecast.method;

import org.govpulse.models.forecast.ForecastModel;
import org.govpulse.models.forecast.Forecaster;
import org.govpulse.models.forecast.TimeSeries;

/** Repeats the last observed season: the forecast for a period is the value one seasonal period earlier. */
public final class SeasonalNaive implements Forecaster {
  @Override
  public String name() {
    return Methods.SNAIVE;
  }

  @Override
  public int minimumLength(int seasonalPeriod) {
    return seasonalPeriod;
  }

  @Override
  public ForecastModel fit(TimeSeries history) {
    requireLength(history);
    int m = history.seasonalPeriod();
    double[] lastSeason = new double[m];
    for (int k = 0; k < m; k++) {
      lastSeason[k] = history.get(history.length() - m + k);
    }
    return new Fitted(Methods.SNAIVE, h -> {
      double[] f = new double[h];
      for (int k = 0; k < h; k++) {
        f[k] = lastSeason[k % m];
      }
      return f;
    }, "repeats the last " + m + " values");
  }
}
