package org.govpulse.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.govpulse.analytics.AnalyzeJob;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.error.Errors;
import org.govpulse.ingestion.IngestJob;
import org.govpulse.models.forecast.EngineSettings;
import org.govpulse.models.pipeline.ForecastRunJob;
import org.govpulse.models.pipeline.TrainModelsJob;
import org.govpulse.models.sentiment.ScoreSentimentJob;
import org.govpulse.models.sentiment.SentimentTrainer;
import org.govpulse.models.sentiment.TrainSentimentJob;
import org.govpulse.models.warn.WarnJob;

/**
 * The stages of the whole pipeline, in the order they must run, each as its command runs it: the quickstart runs
 * them one after the other in one session, the pipeline benchmark each in its own JVM. Sentiment comes before
 * analyze, which turns the scored posts into the sentiment indicators.
 */
public enum PipelineStage {
  INGEST("ingest"),
  TRAIN_SENTIMENT("models train-sentiment"),
  SCORE_SENTIMENT("models score-sentiment"),
  ANALYZE("analyze"),
  TRAIN_MODELS("models train"),
  FORECAST("models forecast"),
  WARN("warn");

  /** Seed of the model training, fixed so that a run is reproducible. */
  public static final long TRAINING_SEED = 42;

  /** Share of the labelled posts held out to evaluate the sentiment classifier. */
  private static final double SENTIMENT_TEST_FRACTION = 0.2;

  private final String command;

  PipelineStage(String command) {
    this.command = command;
  }

  /** The command that runs this stage alone, e.g. {@code models train}. */
  public String command() {
    return command;
  }

  /** Runs the stage on the warehouse and returns the job's result (its {@code toString()} is the summary). */
  public Object run(Warehouse warehouse, GovPulseConfig config) {
    EngineSettings engine = EngineSettings.defaults();
    return switch (this) {
      case INGEST -> new IngestJob(warehouse, config).execute();
      case TRAIN_SENTIMENT -> new TrainSentimentJob(warehouse, labelledPosts(config).toString(),
          SENTIMENT_TEST_FRACTION, SentimentTrainer.defaults(TRAINING_SEED), false).execute();
      case SCORE_SENTIMENT -> new ScoreSentimentJob(warehouse).execute();
      case ANALYZE -> new AnalyzeJob(warehouse).execute();
      case TRAIN_MODELS -> new TrainModelsJob(warehouse, engine.withGlobal(engine.global().withSeed(TRAINING_SEED)),
          TRAINING_SEED).execute();
      case FORECAST -> new ForecastRunJob(warehouse, engine).execute();
      case WARN -> new WarnJob(warehouse).execute();
    };
  }

  /** The sample city's labelled posts, beside its landing area: {@code <landing>/../training/sentiment_labelled.csv}. */
  public static Path labelledPosts(GovPulseConfig config) {
    return Path.of(config.landing()).getParent().resolve("training").resolve("sentiment_labelled.csv");
  }

  /** The stage with this name ({@code score-sentiment}, {@code models score-sentiment} or {@code SCORE_SENTIMENT}). */
  public static PipelineStage of(String name) {
    for (PipelineStage s : values()) {
      if (s.name().equalsIgnoreCase(name) || s.command.equals(name) || s.shortName().equals(name)) {
        return s;
      }
    }
    throw Errors.invalidInput("There is no pipeline stage " + name, "the pipeline has the stages "
            + Arrays.stream(values()).map(PipelineStage::shortName).collect(Collectors.joining(", ")),
        "Pass one of those names");
  }

  /** The command without its {@code models} group: {@code train-sentiment}, {@code forecast}. */
  public String shortName() {
    return command.startsWith("models ") ? command.substring("models ".length()) : command;
  }
}
