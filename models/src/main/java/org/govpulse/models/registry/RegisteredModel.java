package org.govpulse.models.registry;

import java.time.Instant;
import java.util.Map;

/**
 * One row of meta.models.
 *
 * @param name model name (sentiment, risk_classifier, global_forecaster_m12_h12, ...)
 * @param version 1, 2, ... per name
 * @param kind text_classifier, risk_classifier or global_forecaster
 * @param stage {@value #CANDIDATE}, {@value #PRODUCTION} or {@value #ARCHIVED}
 * @param artifactPath Hadoop URI of the serialised Tribuo model
 * @param fingerprint hash of the training (provenance without timestamps, training table versions)
 * @param provenance Tribuo provenance as JSON
 * @param metrics headline metrics on held-out data
 * @param evaluation the full evaluation as JSON
 * @param trainingTables Delta version of each table trained on
 * @param createdAt when registered
 * @param promotedAt when last promoted, or null
 * @param rolledBackAt when rolled back, or null
 * @param note free text
 */
public record RegisteredModel(String name, int version, String kind, String stage, String artifactPath,
    String fingerprint, String provenance, Map<String, Double> metrics, String evaluation,
    Map<String, Long> trainingTables, Instant createdAt, Instant promotedAt, Instant rolledBackAt, String note) {

  public static final String CANDIDATE = "candidate";
  public static final String PRODUCTION = "production";
  public static final String ARCHIVED = "archived";

  public RegisteredModel {
    metrics = Map.copyOf(metrics);
    trainingTables = Map.copyOf(trainingTables);
  }

  /** The registry version string, {@code name:vN}, recorded with everything the model produces. */
  public String id() {
    return id(name, version);
  }

  /** {@code name:vN}. */
  public static String id(String name, int version) {
    return name + ":v" + version;
  }

  public boolean isProduction() {
    return PRODUCTION.equals(stage);
  }

  /** The folder of its artifacts, {@code <warehouse>/models/<name>/v<N>}. */
  public String folder() {
    return artifactPath.substring(0, artifactPath.lastIndexOf('/'));
  }
}
