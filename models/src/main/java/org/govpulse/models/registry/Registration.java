package org.govpulse.models.registry;

import java.util.Map;
import org.tribuo.Model;

/**
 * What a training job hands to {@link ModelRegistry#register}.
 *
 * @param name model name (lower-case letters, digits and _)
 * @param kind text_classifier, risk_classifier or global_forecaster
 * @param model the trained Tribuo model; its provenance is stored with it
 * @param companions further Tribuo models stored in the same version folder ({@code <key>.tribuo}), such as the
 *     global forecasters trained on shortened histories for honest backtests; empty for most models
 * @param metrics headline metrics on held-out data
 * @param evaluationJson the full evaluation as JSON
 * @param trainingTables Delta version of each table it was trained on (empty when trained from a file)
 * @param note where the data came from, in a sentence
 * @param promote make it the production version right away (the first version of a name always is)
 */
public record Registration(String name, String kind, Model<?> model, Map<String, Model<?>> companions,
    Map<String, Double> metrics, String evaluationJson, Map<String, Long> trainingTables, String note,
    boolean promote) {
  public Registration {
    ModelRef.parse(name);
    companions = Map.copyOf(companions);
    metrics = Map.copyOf(metrics);
    trainingTables = Map.copyOf(trainingTables);
  }
}
