package org.govpulse.models.forecast;

import java.util.Collection;
import org.govpulse.core.error.Errors;
import org.govpulse.core.error.GovPulseException;

/**
 * Every user-facing message of the forecasting layer, in one place. Each states what is wrong, why it matters and
 * how to fix it, and is raised as a {@link GovPulseException} through core's {@link Errors}.
 */
public final class ForecastErrors {
  private ForecastErrors() {}

  public static GovPulseException emptySeries() {
    return Errors.invalidInput("The time series has no values",
        "a forecast needs at least a few observed periods",
        "Pass the observed values of the indicator in time order");
  }

  public static GovPulseException nonFiniteValue(int index, double value) {
    return Errors.invalidInput("Value " + value + " at position " + index + " of the time series is not a number",
        "forecasting methods cannot use missing or infinite values",
        "Fill or remove the gap before forecasting (for example carry the previous value forward)");
  }

  public static GovPulseException seasonalPeriodInvalid(int period) {
    return Errors.invalidInput("Seasonal period " + period + " is invalid",
        "the seasonal period is the number of observations per seasonal cycle and must be at least 1",
        "Use 12 for monthly, 4 for quarterly and 1 for annual or non-seasonal series");
  }

  public static GovPulseException horizonInvalid(int horizon) {
    return Errors.invalidInput("Forecast horizon " + horizon + " is invalid",
        "the horizon is the number of future periods to forecast and must be at least 1",
        "Ask for a positive number of steps, e.g. 18 for monthly, 8 for quarterly, 6 for annual series");
  }

  public static GovPulseException seriesTooShort(String method, int length, int minimum) {
    return Errors.invalidInput(method + " cannot forecast a series of " + length + " values",
        "it needs at least " + minimum + " observations to estimate its parameters",
        "Provide a longer history or use a simpler method such as NAIVE2");
  }

  public static GovPulseException seriesTooShortForEngine(String id, int length, int minimum) {
    return Errors.invalidInput("Series " + id + " has only " + length + " values",
        "the forecasting engine needs at least " + minimum + " observations to backtest and forecast it",
        "Leave the series out until it has " + minimum + " observations, or lower minimumLength in the settings");
  }

  public static GovPulseException noHorizon(String id, int seasonalPeriod, Collection<Integer> known) {
    return Errors.invalidInput("No forecast horizon is set for series " + id + " (seasonal period "
            + seasonalPeriod + ")",
        "horizons are given per seasonal period and only " + known + " are set",
        "Add a horizon for seasonal period " + seasonalPeriod + " to the Horizons passed to the engine");
  }

  public static GovPulseException noSeries() {
    return Errors.invalidInput("No series to forecast",
        "the engine was given an empty map of series",
        "Pass at least one series id with its TimeSeries");
  }

  public static GovPulseException notAGlobalForecastModel(String what) {
    return Errors.invalidInput("The model " + what + " is not a GovPulse global forecasting model",
        "its Tribuo provenance does not carry the feature layout this version of GovPulse uses",
        "Load a model trained by GlobalTrainer, or retrain it with this version");
  }

  public static GovPulseException globalTrainingDataEmpty(int horizon) {
    return Errors.invalidInput("No training windows for the global model (horizon " + horizon + ")",
        "every series is too short or not strictly positive, so no scale-free window can be cut",
        "Train on series with at least a few positive observations beyond the horizon");
  }

  public static GovPulseException invalidSetting(String name, Object value, String expected) {
    return Errors.invalidInput("Forecast setting " + name + " = " + value + " is invalid",
        "it must be " + expected,
        "Change " + name + " in the forecasting settings");
  }

  public static GovPulseException unknownMethod(String name, Collection<String> known) {
    return Errors.invalidInput("Unknown forecasting method " + name,
        "the known methods are " + known,
        "Use one of the known names");
  }
}
