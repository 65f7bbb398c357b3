package org.govpulse.models.sentiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.govpulse.core.error.Errors;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains and evaluates the sentiment classifier: multinomial logistic regression (Tribuo {@code LinearSGDTrainer},
 * log loss, AdaGrad, one example per step, fixed seed) on {@link TextFeatures}. Splits are stratified by label and
 * deterministic for a seed.
 *
 * @param features text features
 * @param epochs passes over the training rows
 * @param learningRate AdaGrad's initial learning rate
 * @param seed seed of the SGD shuffles and of the splits
 */
public record SentimentTrainer(TextFeatures features, int epochs, double learningRate, long seed) {
  /** Rows a class needs at least, so that both sides of a split have some. */
  public static final int MIN_ROWS_PER_CLASS = 2;

  public SentimentTrainer {
    if (epochs < 1 || !(learningRate > 0)) {
      throw Errors.invalidInput("Sentiment trainer settings epochs " + epochs + ", learning rate " + learningRate
          + " are invalid", "epochs must be 1 or more and the learning rate positive", "Use e.g. 10 and 0.5");
    }
  }

  /** The measured defaults (docs/models.md): default features, 10 epochs, learning rate 0.1. */
  public static SentimentTrainer defaults(long seed) {
    return new SentimentTrainer(TextFeatures.defaults(), 10, 0.1, seed);
  }

  public SentimentTrainer withFeatures(TextFeatures f) {
    return new SentimentTrainer(f, epochs, learningRate, seed);
  }

  /** A training and a test part. */
  public record Split(List<LabelledFile.Row> train, List<LabelledFile.Row> test) {}

  /** Trains on rows; {@code description} says where they came from and goes into the model's provenance. */
  public Model<Label> train(List<LabelledFile.Row> rows, String description) {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
    List<Example<Label>> examples = new ArrayList<>(rows.size());
    for (LabelledFile.Row r : rows) {
      examples.add(SentimentClassifier.example(features, r.text(), r.label()));
    }
    data.addAll(examples);
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(learningRate, 0.1), epochs,
        Integer.MAX_VALUE, 1, seed);
    return trainer.train(data, features.provenance());
  }

  /** Scores a model on rows with Tribuo's evaluator. */
  public static SentimentEvaluation evaluate(Model<Label> model, List<LabelledFile.Row> rows) {
    SentimentClassifier wrapped = SentimentClassifier.wrap(model, "evaluation");
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("evaluation rows", factory),
        factory);
    for (LabelledFile.Row r : rows) {
      data.add(SentimentClassifier.example(wrapped.features(), r.text(), r.label()));
    }
    List<String> labels = new ArrayList<>(new java.util.TreeSet<>(rows.stream().map(LabelledFile.Row::label)
        .toList()));
    model.getOutputIDInfo().getDomain().forEach(l -> {
      if (!labels.contains(l.getLabel())) {
        labels.add(l.getLabel());
      }
    });
    return SentimentEvaluation.of(new LabelEvaluator().evaluate(model, data), SentimentEvaluation.sorted(labels));
  }

  /** A stratified split: {@code testFraction} of each class (at least one row) is held out. */
  public Split split(List<LabelledFile.Row> rows, double testFraction) {
    if (!(testFraction > 0 && testFraction < 0.9)) {
      throw Errors.invalidInput("--test-fraction " + testFraction + " is not allowed",
          "it is the share of each class held out for the evaluation", "Pass a number above 0 and below 0.9, e.g. 0.2");
    }
    List<LabelledFile.Row> train = new ArrayList<>();
    List<LabelledFile.Row> test = new ArrayList<>();
    byLabel(rows).forEach((label, members) -> {
      int held = Math.max(1, (int) Math.round(members.size() * testFraction));
      test.addAll(members.subList(0, held));
      train.addAll(members.subList(held, members.size()));
    });
    return new Split(train, test);
  }

  /**
   * Stratified k-fold cross-validation: each fold is held out once while the others train.
   *
   * @return the evaluation of every fold
   */
  public List<SentimentEvaluation> crossValidate(List<LabelledFile.Row> rows, int folds) {
    if (folds < 2) {
      throw Errors.invalidInput("--folds " + folds + " is not allowed", "cross-validation needs 2 folds or more",
          "Pass e.g. --folds 5");
    }
    List<List<LabelledFile.Row>> parts = new ArrayList<>();
    for (int k = 0; k < folds; k++) {
      parts.add(new ArrayList<>());
    }
    int[] next = {0};
    byLabel(rows).forEach((label, members) -> members.forEach(r -> parts.get(next[0]++ % folds).add(r)));
    List<SentimentEvaluation> out = new ArrayList<>();
    for (int k = 0; k < folds; k++) {
      List<LabelledFile.Row> train = new ArrayList<>();
      for (int j = 0; j < folds; j++) {
        if (j != k) {
          train.addAll(parts.get(j));
        }
      }
      out.add(evaluate(train(train, "cross-validation fold " + (k + 1) + " of " + folds), parts.get(k)));
    }
    return out;
  }

  /** Mean accuracy and macro F1 over folds, for reports. */
  public static String crossValidationReport(List<SentimentEvaluation> folds) {
    double acc = folds.stream().mapToDouble(SentimentEvaluation::accuracy).average().orElse(Double.NaN);
    double f1 = folds.stream().mapToDouble(SentimentEvaluation::macroF1).average().orElse(Double.NaN);
    double min = folds.stream().mapToDouble(SentimentEvaluation::accuracy).min().orElse(Double.NaN);
    double max = folds.stream().mapToDouble(SentimentEvaluation::accuracy).max().orElse(Double.NaN);
    return String.format(Locale.ROOT, "%d-fold cross-validation: accuracy %.3f (folds %.3f-%.3f), macro F1 %.3f",
        folds.size(), acc, min, max, f1);
  }

  /** Rows per label (labels sorted), each list shuffled with the seed; fails for a class with too few rows. */
  private Map<String, List<LabelledFile.Row>> byLabel(List<LabelledFile.Row> rows) {
    Map<String, List<LabelledFile.Row>> out = new TreeMap<>();
    rows.forEach(r -> out.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r));
    if (out.size() < 2) {
      throw Errors.invalidInput("The labelled rows have " + out.size() + " class(es): " + out.keySet(),
          "a classifier needs at least two classes", "Add rows of the other classes");
    }
    Random random = new Random(seed);
    out.forEach((label, members) -> {
      if (members.size() < MIN_ROWS_PER_CLASS) {
        throw Errors.invalidInput("Class '" + label + "' has only " + members.size() + " labelled row (line "
                + members.get(0).line() + ")", "every class needs at least " + MIN_ROWS_PER_CLASS
                + " rows, one to train on and one to test",
            "Add rows of that class, or correct the label if it is a typo (classes found: " + out.keySet() + ")");
      }
      Collections.shuffle(members, random);
    });
    return out;
  }
}
