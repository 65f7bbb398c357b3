package org.govpulse.models.forecast;

/**
 * A forecasting method, configured but not fitted: it fits a {@link ForecastModel} to one history. Like a Tribuo
 * trainer, one instance can fit many series and is safe to share between threads.
 */
public interface Forecaster {

  /** The method's short name, e.g. {@code THETA}; used in results and selection weights. */
  String name();

  /** The fewest observations this method needs for a series with the given seasonal period. */
  int minimumLength(int seasonalPeriod);

  /** True when the method can forecast this history (long enough, and any other condition it has). */
  default boolean supports(TimeSeries history) {
    return history.length() >= minimumLength(history.seasonalPeriod());
  }

  /**
   * Fits the method to a history.
   *
   * @throws org.govpulse.core.error.GovPulseException when the history is too short for the method
   */
  ForecastModel fit(TimeSeries history);

  /** Fails with a clear message when the history is too short; for implementations. */
  default void requireLength(TimeSeries history) {
    int min = minimumLength(history.seasonalPeriod());
    if (history.length() < min) {
      throw ForecastErrors.seriesTooShort(name(), history.length(), min);
    }
  }
}
