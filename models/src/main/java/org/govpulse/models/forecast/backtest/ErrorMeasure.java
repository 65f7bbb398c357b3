package org.govpulse.models.forecast.backtest;

import org.govpulse.models.forecast.metric.ErrorMeasures;

/** The error used to score candidates in backtests. */
public enum ErrorMeasure {
  /** The M3 symmetric percentage error of each step. */
  SMAPE {
    @Override
    double of(double actual, double forecast, double scale) {
      return ErrorMeasures.smapeTerm(actual, forecast);
    }
  },
  /** The absolute error divided by the in-sample seasonal naive error of the history at the origin (MASE). */
  MASE {
    @Override
    double of(double actual, double forecast, double scale) {
      return Math.abs(actual - forecast) / scale;
    }
  };

  abstract double of(double actual, double forecast, double scale);
}
