package org.govpulse.models.forecast.global;

import java.util.ArrayList;
import java.util.List;
import org.govpulse.models.forecast.ForecastModel;
import org.govpulse.models.forecast.BatchForecaster;
import org.govpulse.models.forecast.TimeSeries;

/**
 * The global candidate as a backtest of one series sees it. Global models learn from all series at once, and
 * series of one class often share calendar time, so a model trained on everybody's full history has already seen
 * the common shocks of any backtest period and would look better in backtests than it is. Here each origin uses a
 * model trained only on histories cut {@code k} horizons before their ends, with the smallest {@code k} such that
 * the cut lies at or before the origin (counting positions from the end of each series as a proxy for calendar
 * time). Its backtest errors are then as honest as those of the statistical methods.
 */
public final class BacktestGlobal implements BatchForecaster {
  private final List<GlobalModel> byCut;
  private final int length;
  private final int horizon;

  /**
   * @param byCut element {@code k - 1} is trained on the histories cut {@code k} horizons early (null when there
   *     was too little data)
   * @param length the full length of the series being backtested
   * @param horizon the class horizon
   */
  public BacktestGlobal(List<GlobalModel> byCut, int length, int horizon) {
    this.byCut = new ArrayList<>(byCut);
    this.length = length;
    this.horizon = horizon;
  }

  /**
   * Trains the model for histories cut {@code cut} horizons early; null when that leaves no series long enough.
   */
  public static GlobalModel trainCut(GlobalTrainer trainer, List<TimeSeries> series, int seasonalPeriod,
      int horizon, int cut) {
    List<TimeSeries> cutSeries = new ArrayList<>();
    for (TimeSeries s : series) {
      int keep = s.length() - cut * horizon;
      if (keep >= WindowFeatures.minimumLength(seasonalPeriod) + horizon) {
        cutSeries.add(s.head(keep));
      }
    }
    if (cutSeries.isEmpty() || !trainer.hasWindows(cutSeries, seasonalPeriod, horizon)) {
      return null;
    }
    return trainer.train(cutSeries, seasonalPeriod, horizon);
  }

  @Override
  public String name() {
    return GlobalModel.NAME;
  }

  @Override
  public int minimumLength(int seasonalPeriod) {
    return WindowFeatures.minimumLength(seasonalPeriod);
  }

  @Override
  public boolean supports(TimeSeries history) {
    GlobalModel m = modelFor(history.length());
    return m != null && m.supports(history);
  }

  @Override
  public ForecastModel fit(TimeSeries history) {
    GlobalModel m = modelFor(history.length());
    if (m == null) {
      throw org.govpulse.core.error.Errors.invalidInput("No global model is honest for an origin at "
          + history.length() + " of " + length, "every model was trained on data after that origin",
          "Use fewer backtest origins");
    }
    return m.fit(history);
  }

  @Override
  public double[][] forecastOrigins(TimeSeries series, int[] origins, int steps) {
    double[][] out = new double[origins.length][];
    for (int k = 1; k <= byCut.size(); k++) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < origins.length; i++) {
        if (modelFor(origins[i]) == byCut.get(k - 1) && byCut.get(k - 1) != null) {
          rows.add(i);
        }
      }
      if (!rows.isEmpty()) {
        int[] mine = rows.stream().mapToInt(i -> origins[i]).toArray();
        double[][] f = byCut.get(k - 1).forecastOrigins(series, mine, steps);
        for (int i = 0; i < rows.size(); i++) {
          out[rows.get(i)] = f[i];
        }
      }
    }
    for (int i = 0; i < origins.length; i++) {
      if (out[i] == null) {
        out[i] = org.govpulse.models.forecast.backtest.Backtester.nan(steps);
      }
    }
    return out;
  }

  private GlobalModel modelFor(int origin) {
    int k = Math.max(1, (length - origin + horizon - 1) / horizon);
    return k <= byCut.size() ? byCut.get(k - 1) : null;
  }
}
