package org.govpulse.models.forecast.global;

import org.govpulse.models.forecast.ForecastErrors;

/**
 * How to train the global model.
 *
 * @param learner the Tribuo algorithm
 * @param trees boosting rounds (XGBOOST)
 * @param maxDepth tree depth (XGBOOST, CART)
 * @param eta learning rate (XGBOOST)
 * @param subsample row subsample per tree (XGBOOST)
 * @param maxBins histogram bins per feature (XGBOOST)
 * @param originsPerSeries how many windows (origins with a fully observed horizon) each series gives
 * @param minimumSeries fewest series in a class for a global model to be trained there
 * @param threads XGBoost threads (1 is fastest on a busy machine: the engine trains the cross-fitted models in
 *     parallel instead)
 * @param seed random seed
 */
public record GlobalSettings(Learner learner, int trees, int maxDepth, double eta, double subsample,
    int maxBins, int originsPerSeries, int minimumSeries, int threads, long seed) {
  public GlobalSettings {
    if (learner == null) {
      throw ForecastErrors.invalidSetting("learner", null, "one of " + java.util.Arrays.toString(Learner.values()));
    }
    require("trees", trees, trees >= 1, "at least 1");
    require("maxDepth", maxDepth, maxDepth >= 1, "at least 1");
    require("eta", eta, eta > 0 && eta <= 1, "in (0, 1]");
    require("subsample", subsample, subsample > 0 && subsample <= 1, "in (0, 1]");
    require("maxBins", maxBins, maxBins >= 2, "at least 2");
    require("originsPerSeries", originsPerSeries, originsPerSeries >= 1, "at least 1");
    require("minimumSeries", minimumSeries, minimumSeries >= 1, "at least 1");
    require("threads", threads, threads >= 1, "at least 1");
  }

  /**
   * The linear learner (chosen on M3 by the global model's validation error on training data, see docs/models.md),
   * 4 windows per series, classes of at least 30 series; for {@link Learner#XGBOOST}: 300 rounds of depth 6 at
   * learning rate 0.05, 80% row subsampling, 64 bins, one thread.
   */
  public static GlobalSettings defaults() {
    return new GlobalSettings(Learner.LINEAR, 300, 6, 0.05, 0.8, 64, 4, 30, 1, 42L);
  }

  public GlobalSettings withLearner(Learner l) {
    return new GlobalSettings(l, trees, maxDepth, eta, subsample, maxBins, originsPerSeries, minimumSeries, threads,
        seed);
  }

  public GlobalSettings withTrees(int t) {
    return new GlobalSettings(learner, t, maxDepth, eta, subsample, maxBins, originsPerSeries, minimumSeries, threads,
        seed);
  }

  public GlobalSettings withMinimumSeries(int s) {
    return new GlobalSettings(learner, trees, maxDepth, eta, subsample, maxBins, originsPerSeries, s, threads, seed);
  }

  public GlobalSettings withOriginsPerSeries(int o) {
    return new GlobalSettings(learner, trees, maxDepth, eta, subsample, maxBins, o, minimumSeries, threads, seed);
  }

  public GlobalSettings withSeed(long s) {
    return new GlobalSettings(learner, trees, maxDepth, eta, subsample, maxBins, originsPerSeries, minimumSeries,
        threads, s);
  }

  public GlobalSettings withThreads(int t) {
    return new GlobalSettings(learner, trees, maxDepth, eta, subsample, maxBins, originsPerSeries, minimumSeries, t,
        seed);
  }

  private static void require(String name, Object value, boolean ok, String expected) {
    if (!ok) {
      throw ForecastErrors.invalidSetting(name, value, expected);
    }
  }
}
