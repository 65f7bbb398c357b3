package org.govpulse.core.table;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.govpulse.core.table.Col.*;

import java.util.List;

/** Contracts of the model registry and of what the sentiment classifier writes. */
public final class ModelTables {
  private ModelTables() {}

  public static final TableContract SCORED_POSTS = TableContract.builder("gold", "scored_posts")
      .producedBy("models score-sentiment")
      .description("Every ingested post with the sentiment class the registry's production classifier gave it and "
          + "the probability of each class.")
      .required(CHANNEL, StringType, "Channel of the post.")
      .required(POST_ID, StringType, "Id, unique per channel.")
      .required(POSTED_AT, TimestampType, "Posting time (UTC).")
      .optional(REGION_CODE, StringType, "Region, when known.")
      .optional(TOPIC, StringType, "Service area, when known.")
      .required(LANGUAGE, StringType, "zh, en or mixed.")
      .required(PREDICTED_LABEL, StringType, "Most probable class (negative, neutral, positive, or the classes the "
          + "model was trained on).")
      .required(PROBABILITIES, createMapType(StringType, DoubleType), "Probability of each class; they sum to 1.")
      .required(SENTIMENT, DoubleType, "p(positive) - p(negative), -1 to 1.")
      .required(MODEL_VERSION, StringType, "Registry version (name:vN) of the classifier.")
      .required(SCORED_AT, TimestampType, "When the post was scored (UTC).")
      .key(CHANNEL, POST_ID)
      .build();

  public static final TableContract MODELS = TableContract.builder("meta", "models").producedBy("models train*")
      .description("The model registry: every trained model with its version, Tribuo provenance, evaluation and "
          + "the table versions it was trained on; one production version per model name.")
      .required(MODEL_NAME, StringType, "sentiment, risk_classifier, global_forecaster_<class>, ...")
      .required(VERSION, IntegerType, "1, 2, ... per model name; the registry version string is name:vN.")
      .required(MODEL_KIND, StringType, "What it is: text_classifier, risk_classifier, global_forecaster.")
      .required(STAGE, StringType, "candidate (never in production), production (at most one per name) or archived "
          + "(was production, or superseded).")
      .required(ARTIFACT_PATH, StringType, "The serialised Tribuo model (a Hadoop URI, "
          + "<warehouse>/models/<name>/v<N>/model.tribuo); provenance.json and evaluation.json lie beside it.")
      .required(FINGERPRINT, StringType, "SHA-256 of the provenance without timestamps and of the training table "
          + "versions: the same training registered twice is one version.")
      .required(PROVENANCE, StringType, "Tribuo provenance of the model as JSON (data, trainer configuration, seed).")
      .required(METRICS, createMapType(StringType, DoubleType), "Headline metrics on held-out data (accuracy, "
          + "macro_f1, brier, auc, smape, ...).")
      .required(EVALUATION, StringType, "The full evaluation as JSON (per-class precision and recall, confusion "
          + "matrix, reliability bins...).")
      .required(TRAINING_TABLES, createMapType(StringType, LongType),
          "Delta version of every table it was trained on; empty when trained from a file.")
      .required(CREATED_AT, TimestampType, "When it was registered (UTC).")
      .optional(PROMOTED_AT, TimestampType, "When it was last promoted to production (UTC); a rollback back to it "
          + "keeps this time.")
      .optional(ROLLED_BACK_AT, TimestampType, "When it was rolled back (UTC): a rolled-back version is skipped by "
          + "later rollbacks until it is promoted again.")
      .optional(NOTE, StringType, "Free text: where the training file came from, why it was promoted or rolled back.")
      .key(MODEL_NAME, VERSION)
      .build();

  /** Every table of the model stages. */
  public static List<TableContract> all() {
    return List.of(SCORED_POSTS, MODELS);
  }
}
