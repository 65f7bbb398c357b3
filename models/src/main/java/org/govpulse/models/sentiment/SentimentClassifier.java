package org.govpulse.models.sentiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govpulse.core.error.Errors;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * A trained sentiment model with the text features it was trained on (read from its provenance), ready to score
 * posts. Tribuo models are safe to use from several threads at once, so one instance serves a whole executor.
 */
public final class SentimentClassifier {
  /** Model kind in the registry. */
  public static final String KIND = "text_classifier";

  private final Model<Label> model;
  private final TextFeatures features;
  private final String version;

  private SentimentClassifier(Model<Label> model, TextFeatures features, String version) {
    this.model = model;
    this.features = features;
    this.version = version;
  }

  /**
   * Wraps a Tribuo model trained by {@link SentimentTrainer}.
   *
   * @param version registry version (name:vN) recorded with every score
   */
  @SuppressWarnings("unchecked")
  public static SentimentClassifier wrap(Model<?> model, String version) {
    TextFeatures f = TextFeatures.fromProvenance(model.getProvenance());
    if (f == null || !(model.getOutputIDInfo().getDomain().iterator().next() instanceof Label)) {
      throw Errors.invalidInput("Model " + version + " is not a GovPulse sentiment model",
          "its provenance has no " + TextFeatures.VERSION + " feature settings or it does not predict labels",
          "Train one with `./govpulse models train-sentiment --data FILE`");
    }
    return new SentimentClassifier((Model<Label>) model, f, version);
  }

  /** The score of one post. */
  public record Scored(String label, Map<String, Double> probabilities, double sentiment) {}

  public Scored score(String text) {
    Prediction<Label> p = model.predict(example(features, text, Label.UNKNOWN));
    return scored(p);
  }

  /** Scores many posts in one Tribuo call. */
  public List<Scored> scoreAll(List<String> texts) {
    List<Example<Label>> examples = texts.stream().map(t -> example(features, t, Label.UNKNOWN)).toList();
    return model.predict(examples).stream().map(SentimentClassifier::scored).toList();
  }

  private static Scored scored(Prediction<Label> p) {
    Map<String, Double> probabilities = new LinkedHashMap<>();
    p.getOutputScores().forEach((k, v) -> probabilities.put(k, v.getScore()));
    return new Scored(p.getOutput().getLabel(), probabilities, SentimentLabels.sentiment(probabilities));
  }

  /** A Tribuo example of a text; the bias feature keeps texts with no known n-gram predictable (the prior). */
  static Example<Label> example(TextFeatures features, String text, String label) {
    Map<String, Double> f = features.extract(text);
    String[] names = new String[f.size() + 1];
    double[] values = new double[f.size() + 1];
    names[0] = BIAS;
    values[0] = 1.0;
    int i = 1;
    for (Map.Entry<String, Double> e : f.entrySet()) {
      names[i] = e.getKey();
      values[i++] = e.getValue();
    }
    return new ArrayExample<>(new Label(label), names, values);
  }

  private static final String BIAS = "b:";

  public Model<Label> model() {
    return model;
  }

  public TextFeatures features() {
    return features;
  }

  /** Registry version (name:vN). */
  public String version() {
    return version;
  }
}
