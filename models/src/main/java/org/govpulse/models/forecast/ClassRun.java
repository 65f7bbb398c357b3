package org.govpulse.models.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import org.govpulse.core.error.Errors;
import org.govpulse.models.forecast.backtest.Backtester;
import org.govpulse.models.forecast.backtest.SeriesBacktest;
import org.govpulse.models.forecast.global.BacktestGlobal;
import org.govpulse.models.forecast.global.ClassModels;
import org.govpulse.models.forecast.global.GlobalModel;
import org.govpulse.models.forecast.global.GlobalSource;
import org.govpulse.models.forecast.interval.ConformalCalibrator;
import org.govpulse.models.forecast.interval.IntervalWidths;
import org.govpulse.models.forecast.metric.ErrorMeasures;
import org.govpulse.models.forecast.method.Methods;
import org.govpulse.models.forecast.select.CombinationRule;
import org.govpulse.models.forecast.select.RuleChoice;
import org.govpulse.models.forecast.select.RuleChooser;

/**
 * The engine's work for one frequency class: global models (some trained on histories cut short, for honest
 * backtests, and one on the full histories for the forecasts), backtests, the choice of rule, then per series the
 * weights, the point forecast, the intervals and the accuracy.
 */
final class ClassRun {
  private final EngineSettings settings;
  private final ForkJoinPool pool;
  private final SeriesClass cls;
  private final List<String> ids;
  private final List<TimeSeries> series;
  final Map<String, Long> timings = new LinkedHashMap<>();
  private final GlobalSource source;
  GlobalModel finalGlobal;
  String globalVersion;
  RuleChoice choice;

  ClassRun(EngineSettings settings, ForkJoinPool pool, GlobalSource source, SeriesClass cls,
      Map<String, TimeSeries> members) {
    this.settings = settings;
    this.pool = pool;
    this.source = source;
    this.cls = cls;
    this.ids = new ArrayList<>(members.keySet());
    this.series = new ArrayList<>(members.values());
  }

  /** Forecasts and accuracy per series id, in id order. */
  Map<String, Output> run() {
    List<Forecaster> stats = settings.methods().stream().map(Methods::byName).toList();
    List<GlobalModel> cuts = trainGlobal();
    long t0 = System.nanoTime();
    Backtester backtester = new Backtester(cls.horizon() + settings.extraOrigins(),
        settings.minimumTraining(cls.seasonalPeriod()));
    List<SeriesBacktest> backtests = parallel(i -> backtester.run(series.get(i),
        candidates(stats, cuts == null ? null : new BacktestGlobal(cuts, series.get(i).length(), cls.horizon())),
        cls.horizon()));
    timings.put(cls + " backtests", millis(t0));
    long t1 = System.nanoTime();
    choice = new RuleChooser(settings.effectiveRules(), settings.measure()).choose(backtests);
    CombinationRule rule = choice.rule();
    List<Forecaster> finals = candidates(stats, finalGlobal);
    List<double[][]> residuals = new ArrayList<>();
    List<double[]> weights = new ArrayList<>();
    List<double[]> errors = backtests.stream()
        .map(bt -> bt.candidateErrors(bt.length(), settings.measure())).toList();
    double[] classErrors = classMeanErrors(errors, finals.size());
    for (int i = 0; i < backtests.size(); i++) {
      SeriesBacktest bt = backtests.get(i);
      boolean backtested = java.util.Arrays.stream(errors.get(i)).anyMatch(e -> !Double.isNaN(e));
      // a series too short to backtest borrows the mean errors of its frequency class
      double[] w = rule.weights(bt.candidates(), backtested ? errors.get(i) : classErrors);
      weights.add(w);
      residuals.add(bt.scaledResiduals(bt.length(), w));
    }
    double[][] pooled = ConformalCalibrator.pool(residuals, cls.horizon());
    ConformalCalibrator calibrator = new ConformalCalibrator(settings.minimumOwnResiduals());
    List<Output> outputs = parallel(i -> new SeriesOutput(ids.get(i), series.get(i), cls.horizon(), finals,
        weights.get(i), rule).build(calibrator.widths(residuals.get(i), pooled), backtests.get(i),
        settings.measure(), calibrator, pooled));
    timings.put(cls + " selection and forecasts", millis(t1));
    Map<String, Output> out = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      out.put(ids.get(i), outputs.get(i));
    }
    return out;
  }

  /**
   * The models the global candidate uses in backtests, by cut (see {@link BacktestGlobal}), or null when there is
   * no global candidate; also sets the final model that forecasts.
   */
  private List<GlobalModel> trainGlobal() {
    if (settings.global() == null) {
      return null;
    }
    long t0 = System.nanoTime();
    ClassModels models = source.forClass(cls, series);
    if (models == null) {
      return null;
    }
    finalGlobal = models.finalModel();
    globalVersion = models.version();
    timings.put(cls + " global models (" + (models.cuts().size() + 1) + ")", millis(t0));
    return new ArrayList<>(models.cuts());
  }

  /** The pool as the global source's way of running trainings at once. */
  static GlobalSource.Parallel parallel(ForkJoinPool pool, String what) {
    return new GlobalSource.Parallel() {
      @Override
      public <T> List<T> run(int count, IntFunction<T> task) {
        return parallelOver(pool, what, count, task);
      }
    };
  }

  /** Per candidate, the mean backtest error over the series that have one (NaN when none has). */
  private static double[] classMeanErrors(List<double[]> errors, int candidates) {
    double[] mean = new double[candidates];
    for (int c = 0; c < candidates; c++) {
      final int k = c;
      mean[c] = errors.stream().filter(e -> k < e.length && !Double.isNaN(e[k])).mapToDouble(e -> e[k]).average()
          .orElse(Double.NaN);
    }
    return mean;
  }

  private static List<Forecaster> candidates(List<Forecaster> stats, Forecaster global) {
    List<Forecaster> c = new ArrayList<>(stats);
    if (global != null) {
      c.add(global);
    }
    return c;
  }

  private <T> List<T> parallel(IntFunction<T> task) {
    return parallelOver(pool, cls.toString(), series.size(), task);
  }

  private static <T> List<T> parallelOver(ForkJoinPool pool, String cls, int count, IntFunction<T> task) {
    try {
      return pool.submit(() -> java.util.stream.IntStream.range(0, count).parallel().mapToObj(task)
          .toList()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.internal("Forecasting " + cls + " was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw Errors.internal("Forecasting " + cls, e.getCause());
    }
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** The forecast and accuracy of one series. */
  record Output(Forecast forecast, Accuracy accuracy) {}

  /** Builds one series' output from its weights, widths and backtest. */
  private record SeriesOutput(String id, TimeSeries series, int horizon, List<Forecaster> candidates,
      double[] weights, CombinationRule rule) {

    Output build(IntervalWidths widths, SeriesBacktest bt, org.govpulse.models.forecast.backtest.ErrorMeasure m,
        ConformalCalibrator calibrator, double[][] pooled) {
      double[] point = new double[horizon];
      double total = 0;
      Map<String, Double> used = new LinkedHashMap<>();
      StringBuilder description = new StringBuilder();
      for (int c = 0; c < candidates.size(); c++) {
        Forecaster f = candidates.get(c);
        if (weights[c] == 0 || f == null || !f.supports(series)) {
          continue;
        }
        ForecastModel model = f.fit(series);
        double[] fc = model.predict(horizon);
        for (int s = 0; s < horizon; s++) {
          point[s] += weights[c] * fc[s];
        }
        total += weights[c];
        used.put(f.name(), weights[c]);
        description.append(String.format(Locale.ROOT, "%.3f x %s [%s]; ", weights[c], f.name(), model.describe()));
      }
      if (total == 0) {
        ForecastModel fallback = Methods.naive2().fit(series);
        point = fallback.predict(horizon);
        total = 1;
        used.put(Methods.NAIVE2, 1.0);
        description.append("no candidate could fit; NAIVE2 [").append(fallback.describe()).append("]; ");
      }
      final double norm = total;
      used.replaceAll((k, v) -> v / norm);
      double scale = ErrorMeasures.positiveScale(series.values(), series.seasonalPeriod());
      double[] q80 = widths.q80();
      double[] q95 = widths.q95();
      List<ForecastStep> steps = new ArrayList<>();
      for (int s = 0; s < horizon; s++) {
        double p = point[s] / norm;
        steps.add(new ForecastStep(s + 1, series.periodAt(series.length() + s), p, p - q80[s] * scale,
            p + q80[s] * scale, p - q95[s] * scale, p + q95[s] * scale));
      }
      description.append("intervals: split-conformal, ").append(widths.describe());
      Forecast forecast = new Forecast(id, steps, rule.name(), used, description.toString());
      return new Output(forecast, accuracy(bt, m, calibrator, pooled));
    }

    /**
     * The validation at origin {@code n - h}: sMAPE and MASE of the combination, and how many of the last h values
     * fell inside the intervals the series would have had then, its own widths calibrated only on the residuals
     * before that origin (a series with too few of them borrows its class's pooled residuals, which are those of the
     * final calibration).
     */
    private Accuracy accuracy(SeriesBacktest bt, org.govpulse.models.forecast.backtest.ErrorMeasure m,
        ConformalCalibrator calibrator, double[][] pooled) {
      double[][] v = bt.validate(errors -> rule.weights(bt.candidates(), errors), m);
      if (v == null) {
        return Accuracy.unavailable();
      }
      int origin = bt.length() - horizon;
      double[] history = java.util.Arrays.copyOf(series.values(), origin);
      double scale = ErrorMeasures.maseScale(history, series.seasonalPeriod());
      double[] w = rule.weights(bt.candidates(), bt.candidateErrors(origin, m));
      IntervalWidths then = calibrator.widths(bt.scaledResiduals(origin, w), pooled);
      double intervalScale = ErrorMeasures.positiveScale(history, series.seasonalPeriod());
      int in80 = 0;
      int in95 = 0;
      for (int s = 0; s < horizon; s++) {
        double error = Math.abs(v[0][s] - v[1][s]);
        in80 += error <= then.q80()[s] * intervalScale ? 1 : 0;
        in95 += error <= then.q95()[s] * intervalScale ? 1 : 0;
      }
      return new Accuracy(ErrorMeasures.smape(v[0], v[1]), ErrorMeasures.mase(v[0], v[1], scale), origin,
          in80 / (double) horizon, in95 / (double) horizon);
    }
  }
}
