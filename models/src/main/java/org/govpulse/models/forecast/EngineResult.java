package org.govpulse.models.forecast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.govpulse.models.forecast.global.GlobalModel;
import org.govpulse.models.forecast.select.RuleChoice;

/**
 * What {@link ForecastEngine#forecast} returns.
 *
 * @param forecasts series id to its forecast with intervals
 * @param accuracy series id to the out-of-sample backtest accuracy of its forecast
 * @param modelVersions method or model name to its version (global models: learner, class, training time, Tribuo
 *     version)
 * @param rules per frequency class, the chosen combination rule and the validation errors of all rules
 * @param globalModels per frequency class, the trained global model (to register or reuse)
 * @param timings what took how long, in milliseconds (global training, backtests, forecasts)
 */
public record EngineResult(Map<String, Forecast> forecasts, Map<String, Accuracy> accuracy,
    Map<String, String> modelVersions, Map<SeriesClass, RuleChoice> rules,
    Map<SeriesClass, GlobalModel> globalModels, Map<String, Long> timings) {
  public EngineResult {
    forecasts = freeze(forecasts);
    accuracy = freeze(accuracy);
    modelVersions = freeze(modelVersions);
    rules = freeze(rules);
    globalModels = freeze(globalModels);
    timings = freeze(timings);
  }

  private static <K, V> Map<K, V> freeze(Map<K, V> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
