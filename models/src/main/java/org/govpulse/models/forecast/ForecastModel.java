package org.govpulse.models.forecast;

/** A method fitted to one history: it predicts point forecasts for the periods after the history's end. */
public interface ForecastModel {

  /** The name of the method that made this model. */
  String method();

  /**
   * Point forecasts for steps 1..{@code horizon} after the end of the history.
   *
   * @throws org.govpulse.core.error.GovPulseException when {@code horizon < 1}
   */
  double[] predict(int horizon);

  /** The fitted parameters in words, e.g. {@code alpha=0.31}. */
  String describe();

  /** Checks a horizon; for implementations. */
  static void requireHorizon(int horizon) {
    if (horizon < 1) {
      throw ForecastErrors.horizonInvalid(horizon);
    }
  }
}
