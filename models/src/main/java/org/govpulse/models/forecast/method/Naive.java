package org.govpulse.models.forecast.method;

import java.util.Arrays;
import org.govpulse.models.forecast.ForecastModel;
import org.govpulse.models.forecast.Forecaster;
import org.govpulse.models.forecast.TimeSeries;

/** The last value, carried forward. On seasonally adjusted data this is NAIVE2. */
public final class Naive implements Forecaster {
  @Override
  public String name() {
    return "NAIVE";
  }

  @Override
  public int minimumLength(int seasonalPeriod) {
    return 1;
  }

  @Override
  public ForecastModel fit(TimeSeries history) {
    requireLength(history);
    double last = history.last();
    return new Fitted(name(), h -> {
      double[] f = new double[h];
      Arrays.fill(f, last);
      return f;
    }, "last value " + last);
  }
}
