package org.govpulse.models.forecast.select;

import java.util.List;

/**
 * Turns the backtest errors of the candidates of one series into combination weights. Implementations ignore
 * candidates outside their members and candidates whose error is NaN (they could not be backtested).
 */
public interface CombinationRule {

  /** A short name such as {@code EQUAL(SES,DAMPED,THETA)}. */
  String name();

  /** The candidates this rule may weight, in the order given. */
  List<String> members();

  /**
   * Weights aligned with {@code candidates}, summing to 1.
   *
   * @param candidates candidate names
   * @param errors mean backtest error of each candidate, NaN when unknown
   */
  double[] weights(List<String> candidates, double[] errors);
}
