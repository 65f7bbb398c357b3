package org.govpulse.models.sentiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.models.registry.ModelRegistry;
import org.govpulse.models.registry.Registration;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * {@code models train-sentiment}: reads a labelled CSV, holds out a stratified test split, trains the classifier on
 * the rest, evaluates it on the held-out rows and registers that very model with its evaluation, so the metrics
 * in the registry describe the artifact. Bad rows are reported in the result and kept in the evaluation JSON.
 */
public final class TrainSentimentJob {
  /** Registry name of the sentiment classifier. */
  public static final String MODEL_NAME = "sentiment";

  private final Warehouse warehouse;
  private final String data;
  private final double testFraction;
  private final SentimentTrainer trainer;
  private final boolean promote;

  /**
   * @param data labelled CSV (local path or Hadoop URI)
   * @param testFraction share of each class held out
   * @param trainer features, epochs, learning rate and seed
   * @param promote make the new version production even when another one is
   */
  public TrainSentimentJob(Warehouse warehouse, String data, double testFraction, SentimentTrainer trainer,
      boolean promote) {
    this.warehouse = warehouse;
    this.data = data;
    this.testFraction = testFraction;
    this.trainer = trainer;
    this.promote = promote;
  }

  /** The registered version, its evaluation, the file as read, and seconds. */
  public record Result(ModelRegistry.Registered registered, SentimentEvaluation evaluation, LabelledFile file,
      int trainRows, double seconds) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "read %s (%s): %d rows %s; %s%n", file.path(), file.encoding(),
          file.rows().size(), file.labelCounts(), file.badReport(10))
          + String.format(Locale.ROOT, "trained on %d rows, tested on %d held-out rows, in %.1f s%n", trainRows,
          evaluation.rows(), seconds)
          + evaluation.report() + "\n"
          + (registered.created() ? "registered " : "already registered (same data, settings and seed) as ")
          + registered.model().id() + " (" + registered.model().stage() + ")";
    }
  }

  public Result execute() {
    Instant start = Instant.now();
    LabelledFile file = LabelledFile.read(data, warehouse.spark().sparkContext().hadoopConfiguration());
    SentimentTrainer.Split split = trainer.split(file.rows(), testFraction);
    String description = String.format(Locale.ROOT, "labelled posts %s sha256 %s (%s, %d rows): training part "
        + "of a stratified split holding out %.2f, seed %d", file.path(), file.sha256(), file.encoding(),
        file.rows().size(), testFraction, trainer.seed());
    Model<Label> model = trainer.train(split.train(), description);
    SentimentEvaluation evaluation = SentimentTrainer.evaluate(model, split.test());
    Map<String, Double> metrics = new java.util.LinkedHashMap<>(evaluation.metrics());
    metrics.put("train_rows", (double) split.train().size());
    metrics.put("bad_rows", (double) file.bad().size());
    ModelRegistry.Registered registered = new ModelRegistry(warehouse).register(new Registration(MODEL_NAME,
        SentimentClassifier.KIND, model, Map.of(), metrics, evaluationJson(file, split, evaluation), Map.of(),
        "trained from " + file.path() + " (sha256 " + file.sha256().substring(0, 12) + ", " + file.encoding() + ")",
        promote));
    return new Result(registered, evaluation, file, split.train().size(),
        Duration.between(start, Instant.now()).toMillis() / 1000.0);
  }

  private String evaluationJson(LabelledFile file, SentimentTrainer.Split split, SentimentEvaluation evaluation) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode o = evaluation.toJson(json);
    ObjectNode d = o.putObject("data");
    d.put("path", file.path()).put("sha256", file.sha256()).put("encoding", file.encoding())
        .put("rows", file.rows().size()).put("train_rows", split.train().size()).put("test_rows", split.test().size())
        .put("test_fraction", testFraction).put("seed", trainer.seed());
    ObjectNode counts = d.putObject("label_counts");
    file.labelCounts().forEach(counts::put);
    ArrayNode bad = d.putArray("bad_rows");
    file.bad().forEach(b -> bad.addObject().put("line", b.line()).put("reason", b.reason()).put("raw", b.raw()));
    ObjectNode t = o.putObject("trainer");
    t.put("algorithm", "multinomial logistic regression (Tribuo LinearSGDTrainer, LogMulticlass, AdaGrad)")
        .put("epochs", trainer.epochs()).put("learning_rate", trainer.learningRate()).put("seed", trainer.seed())
        .put("features", trainer.features().toString());
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
