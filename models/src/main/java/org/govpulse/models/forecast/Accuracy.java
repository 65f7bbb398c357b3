package org.govpulse.models.forecast;

/**
 * The out-of-sample accuracy of a series' chosen forecast in its backtest: the combination, with weights computed
 * from the history before origin {@code n - h}, forecasts the last {@code h} observed values.
 *
 * @param smape sMAPE in percent (M3 definition), NaN when the series is too short to backtest
 * @param mase MASE (seasonal naive scale of the history before the origin), NaN when too short or constant
 * @param origin the number of values the backtest forecast was made from (n - h), or 0 when not backtested
 * @param coverage80 share of those {@code h} values inside the 80% interval the series would have had at that origin
 *     (calibrated on the residuals before it), NaN when not backtested
 * @param coverage95 the same for the 95% interval
 */
public record Accuracy(double smape, double mase, int origin, double coverage80, double coverage95) {
  /** The accuracy of a series too short to backtest. */
  public static Accuracy unavailable() {
    return new Accuracy(Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN);
  }

  public boolean isAvailable() {
    return origin > 0;
  }
}
