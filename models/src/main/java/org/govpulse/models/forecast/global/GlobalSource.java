package org.govpulse.models.forecast.global;

import java.util.List;
import org.govpulse.models.forecast.SeriesClass;
import org.govpulse.models.forecast.TimeSeries;

/**
 * Where the engine's global candidate comes from for a frequency class: trained in the call ({@link #training})
 * or read from the model registry. Null means no global candidate for the class.
 */
@FunctionalInterface
public interface GlobalSource {
  /** The models for a class, or null. */
  ClassModels forClass(SeriesClass cls, List<TimeSeries> series);

  /** Trains the final and cut models on the class's series (the engine's default). */
  static GlobalSource training(GlobalSettings settings, int extraOrigins, Parallel parallel) {
    return (cls, series) -> train(settings, extraOrigins, parallel, cls, series);
  }

  /** Runs {@code count} independent tasks, possibly at once. */
  @FunctionalInterface
  interface Parallel {
    <T> List<T> run(int count, java.util.function.IntFunction<T> task);
  }

  /**
   * Trains a class's final model and its cut models (independent trainings, run through {@code parallel}); null
   * when the class is too small or its series yield no training window.
   */
  static ClassModels train(GlobalSettings settings, int extraOrigins, Parallel parallel, SeriesClass cls,
      List<TimeSeries> series) {
    if (series.size() < settings.minimumSeries()) {
      return null;
    }
    GlobalTrainer trainer = new GlobalTrainer(settings);
    int h = cls.horizon();
    if (!trainer.hasWindows(series, cls.seasonalPeriod(), h)) {
      // short or non-positive series (a few years of annual data): the statistical methods only
      return null;
    }
    int cuts = ClassModels.cutsNeeded(h, extraOrigins);
    List<GlobalModel> models = parallel.run(cuts + 1, k -> k == 0
        ? trainer.train(series, cls.seasonalPeriod(), h)
        : BacktestGlobal.trainCut(trainer, series, cls.seasonalPeriod(), h, k));
    return new ClassModels(models.get(0), models.subList(1, models.size()), models.get(0).version());
  }
}
