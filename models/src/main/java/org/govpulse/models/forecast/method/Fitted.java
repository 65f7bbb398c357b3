package org.govpulse.models.forecast.method;

import java.util.function.IntFunction;
import org.govpulse.models.forecast.ForecastModel;

/**
 * A fitted statistical method: its name, its forecast function and its parameters in words. The horizon is checked
 * here once for every method.
 */
record Fitted(String method, IntFunction<double[]> forecast, String description) implements ForecastModel {

  @Override
  public double[] predict(int horizon) {
    ForecastModel.requireHorizon(horizon);
    return forecast.apply(horizon);
  }

  @Override
  public String describe() {
    return description;
  }
}
