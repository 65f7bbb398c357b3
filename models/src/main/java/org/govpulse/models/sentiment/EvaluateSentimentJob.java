package org.govpulse.models.sentiment;

import java.util.Locale;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.models.registry.ModelRef;
import org.govpulse.models.registry.ModelRegistry;
import org.govpulse.models.registry.RegisteredModel;

/**
 * {@code models evaluate-sentiment}: scores a registered sentiment model on any labelled CSV (for example texts
 * it has never seen), and optionally cross-validates a fresh model on that file with the same settings.
 */
public final class EvaluateSentimentJob {
  /** Seed of the folds and of the models trained in them. */
  static final long CROSS_VALIDATION_SEED = 42;

  private final Warehouse warehouse;
  private final ModelRef ref;
  private final String data;
  private final int folds;

  /**
   * @param ref the model (NAME or NAME:vN)
   * @param data labelled CSV
   * @param folds 0 for none, else the folds of a cross-validation on the file itself
   */
  public EvaluateSentimentJob(Warehouse warehouse, ModelRef ref, String data, int folds) {
    this.warehouse = warehouse;
    this.ref = ref;
    this.data = data;
    this.folds = folds;
  }

  /** The model's evaluation on the file, and the cross-validation report (or null). */
  public record Result(String model, LabelledFile file, SentimentEvaluation evaluation, String crossValidation) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s on %s (%s, %d rows %s; %s)%n", model, file.path(), file.encoding(),
          file.rows().size(), file.labelCounts(), file.badReport(5)) + evaluation.report()
          + (crossValidation == null ? "" : "\n" + crossValidation);
    }
  }

  public Result execute() {
    ModelRegistry registry = new ModelRegistry(warehouse);
    RegisteredModel m = ModelRegistry.requireKind(registry.get(ref), SentimentClassifier.KIND);
    SentimentClassifier classifier = SentimentClassifier.wrap(registry.load(m), m.id());
    LabelledFile file = LabelledFile.read(data, warehouse.spark().sparkContext().hadoopConfiguration());
    SentimentEvaluation evaluation = SentimentTrainer.evaluate(classifier.model(), file.rows());
    String cv = null;
    if (folds > 0) {
      cv = "fresh models with " + m.id() + "'s features, trained on the file itself: "
          + SentimentTrainer.crossValidationReport(SentimentTrainer.defaults(CROSS_VALIDATION_SEED)
              .withFeatures(classifier.features()).crossValidate(file.rows(), folds));
    }
    return new Result(m.id(), file, evaluation, cv);
  }
}
