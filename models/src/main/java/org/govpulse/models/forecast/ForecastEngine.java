package org.govpulse.models.forecast;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import org.govpulse.models.forecast.global.ClassModels;
import org.govpulse.models.forecast.global.GlobalModel;
import org.govpulse.models.forecast.global.GlobalSource;
import org.govpulse.models.forecast.method.Methods;
import org.govpulse.models.forecast.select.RuleChoice;

/**
 * The forecasting facade of GovPulse. Given series and horizons it groups the series into frequency classes
 * (seasonal period and horizon) and, per class:
 *
 * <ol>
 *   <li>trains the global Tribuo model on the class's series (when enabled and the class is large enough);</li>
 *   <li>backtests every candidate at rolling origins at the end of each history;</li>
 *   <li>chooses the combination rule with the lowest out-of-sample error, validating each rule on the last
 *       horizon of the histories (training data only);</li>
 *   <li>forecasts each series with the rule's weights from its own backtest;</li>
 *   <li>sets 80% and 95% intervals by split-conformal calibration on the backtest residuals.</li>
 * </ol>
 * Deterministic for a given input and settings. Safe to reuse; each call is independent.
 */
public final class ForecastEngine {
  /** Version of the statistical methods and the engine's procedure, reported with every result. */
  public static final String VERSION = "govpulse-forecast 1.0";

  private final EngineSettings settings;

  public ForecastEngine(EngineSettings settings) {
    this.settings = settings;
  }

  /** An engine with {@link EngineSettings#defaults()}. */
  public static ForecastEngine withDefaults() {
    return new ForecastEngine(EngineSettings.defaults());
  }

  public EngineSettings settings() {
    return settings;
  }

  /**
   * Forecasts every series.
   *
   * @param series series id to its history (at least {@link EngineSettings#minimumLength()} values)
   * @param horizons the horizon for each seasonal period present
   * @throws org.govpulse.core.error.GovPulseException for an empty map, a too short series or a missing horizon
   */
  public EngineResult forecast(Map<String, TimeSeries> series, Horizons horizons) {
    return forecast(series, horizons, null);
  }

  /**
   * Forecasts every series with the global candidate taken from {@code source} (for example the registry's
   * production models) instead of trained in the call; {@code null} trains as {@link #forecast(Map, Horizons)}
   * does. The settings must have a global model for the candidate to take part.
   */
  public EngineResult forecast(Map<String, TimeSeries> series, Horizons horizons, GlobalSource source) {
    Map<SeriesClass, Map<String, TimeSeries>> classes = classes(series, horizons);
    Map<String, Forecast> forecasts = new TreeMap<>();
    Map<String, Accuracy> accuracy = new TreeMap<>();
    Map<SeriesClass, RuleChoice> rules = new LinkedHashMap<>();
    Map<SeriesClass, GlobalModel> globals = new LinkedHashMap<>();
    Map<String, Long> timings = new LinkedHashMap<>();
    Map<String, String> versions = new TreeMap<>();
    ForkJoinPool pool = new ForkJoinPool(settings.threads());
    GlobalSource global = source != null || settings.global() == null ? source
        : GlobalSource.training(settings.global(), settings.extraOrigins(), ClassRun.parallel(pool, "global"));
    try {
      classes.forEach((c, members) -> {
        ClassRun run = new ClassRun(settings, pool, global, c, members);
        run.run().forEach((id, out) -> {
          forecasts.put(id, out.forecast());
          accuracy.put(id, out.accuracy());
          out.forecast().weights().keySet().forEach(m -> {
            if (Methods.names().contains(m)) {
              versions.put(m, ForecastEngine.VERSION);
            }
          });
        });
        rules.put(c, run.choice);
        if (run.finalGlobal != null) {
          globals.put(c, run.finalGlobal);
          versions.put(GlobalModel.NAME + " " + c, run.globalVersion);
        }
        timings.putAll(run.timings);
      });
    } finally {
      pool.shutdown();
    }
    return new EngineResult(forecasts, accuracy, versions, rules, globals, timings);
  }

  /**
   * Trains the global models of every class large enough (the final one and the cut ones for backtests), as the
   * engine would in a call, for a registry to store.
   */
  public Map<SeriesClass, ClassModels> trainGlobal(Map<SeriesClass, Map<String, TimeSeries>> classes) {
    if (settings.global() == null) {
      throw ForecastErrors.invalidSetting("global", null, "global model settings (EngineSettings.defaults())");
    }
    Map<SeriesClass, ClassModels> out = new LinkedHashMap<>();
    ForkJoinPool pool = new ForkJoinPool(settings.threads());
    try {
      GlobalSource.Parallel parallel = ClassRun.parallel(pool, "global");
      classes.forEach((c, members) -> {
        ClassModels m = GlobalSource.train(settings.global(), settings.extraOrigins(), parallel, c,
            new java.util.ArrayList<>(members.values()));
        if (m != null) {
          out.put(c, m);
        }
      });
    } finally {
      pool.shutdown();
    }
    return out;
  }

  /**
   * The series grouped into frequency classes (seasonal period and horizon), ids sorted.
   *
   * @throws org.govpulse.core.error.GovPulseException for an empty map, a too short series or a missing horizon
   */
  public Map<SeriesClass, Map<String, TimeSeries>> classes(Map<String, TimeSeries> series, Horizons horizons) {
    if (series == null || series.isEmpty()) {
      throw ForecastErrors.noSeries();
    }
    Map<SeriesClass, Map<String, TimeSeries>> classes = new TreeMap<>();
    new TreeMap<>(series).forEach((id, s) -> {
      if (s.length() < settings.minimumLength()) {
        throw ForecastErrors.seriesTooShortForEngine(id, s.length(), settings.minimumLength());
      }
      SeriesClass c = new SeriesClass(s.seasonalPeriod(), horizons.horizonFor(id, s));
      classes.computeIfAbsent(c, k -> new LinkedHashMap<>()).put(id, s);
    });
    return classes;
  }
}
