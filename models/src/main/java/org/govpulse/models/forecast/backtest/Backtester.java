package org.govpulse.models.forecast.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.govpulse.models.forecast.BatchForecaster;
import org.govpulse.models.forecast.Forecaster;
import org.govpulse.models.forecast.ForecastErrors;
import org.govpulse.models.forecast.TimeSeries;
import org.govpulse.models.forecast.metric.ErrorMeasures;

/**
 * Runs a rolling-origin backtest of several candidates on one series: every candidate is fitted at each origin from
 * {@code n - horizon - window} to {@code n - 1} (but never on fewer than {@code minimumTraining} values) and
 * forecasts {@code horizon} steps. That covers a window of {@code window} origins before the end of the history and
 * the same window shifted back by one horizon, for validation.
 */
public final class Backtester {
  private final int window;
  private final int minimumTraining;

  /**
   * @param window origins per cutoff (at least the horizon, so that every step has residuals)
   * @param minimumTraining the fewest values any origin is fitted on
   */
  public Backtester(int window, int minimumTraining) {
    if (window < 1) {
      throw ForecastErrors.invalidSetting("backtest window", window, "at least 1");
    }
    this.window = window;
    this.minimumTraining = Math.max(1, minimumTraining);
  }

  /** The fewest values a series needs for a backtest with this minimum training length. */
  public int minimumTraining() {
    return minimumTraining;
  }

  /**
   * Backtests the candidates on a series; {@code candidates.get(c)} may be a different forecaster per series (for
   * example a global model that was not trained on this series) but keeps its name.
   */
  public SeriesBacktest run(TimeSeries series, List<Forecaster> candidates, int horizon) {
    int n = series.length();
    int first = Math.max(minimumTraining, n - horizon - window);
    int origins = Math.max(0, n - first);
    double[][][] forecasts = new double[candidates.size()][origins][];
    double[] scales = new double[origins];
    double[] values = series.values();
    int[] originList = new int[origins];
    for (int k = 0; k < origins; k++) {
      originList[k] = first + k;
      scales[k] = ErrorMeasures.positiveScale(Arrays.copyOf(values, first + k), series.seasonalPeriod());
    }
    for (int c = 0; c < candidates.size(); c++) {
      Forecaster f = candidates.get(c);
      if (f instanceof BatchForecaster batch) {
        forecasts[c] = batch.forecastOrigins(series, originList, horizon);
        continue;
      }
      for (int k = 0; k < origins; k++) {
        TimeSeries history = series.head(originList[k]);
        forecasts[c][k] = f.supports(history) ? f.fit(history).predict(horizon) : nan(horizon);
      }
    }
    List<String> names = new ArrayList<>();
    for (Forecaster f : candidates) {
      names.add(f.name());
    }
    return new SeriesBacktest(values, horizon, window, first, names, forecasts, scales);
  }

  /** A row of NaN: the candidate could not forecast from that origin. */
  public static double[] nan(int horizon) {
    double[] a = new double[horizon];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
