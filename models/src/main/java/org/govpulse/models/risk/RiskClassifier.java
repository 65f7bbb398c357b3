package org.govpulse.models.risk;

import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * A trained Tribuo classifier of "this target will be missed", on {@link RiskFeatures}. Labels are
 * {@value #MISSED} and {@value #MET}.
 */
public final class RiskClassifier {
  public static final String MISSED = "missed";
  public static final String MET = "met";

  private final Model<Label> model;
  private final String version;

  public RiskClassifier(Model<Label> model, String version) {
    this.model = model;
    this.version = version;
  }

  public Model<Label> model() {
    return model;
  }

  /** Registry version (name:vN), recorded with every probability it gives. */
  public String version() {
    return version;
  }

  /** Probability of missing. */
  public double probabilityMiss(RiskFeatures features) {
    Prediction<Label> p = model.predict(example(features, MET));
    Map<String, Label> scores = p.getOutputScores();
    Label missed = scores.get(MISSED);
    return missed == null ? 0.0 : missed.getScore();
  }

  /** A Tribuo example of the features, with a label (ignored at prediction time). */
  static Example<Label> example(RiskFeatures features, String label) {
    String[] names = RiskFeatures.NAMES.toArray(String[]::new);
    return new ArrayExample<>(new Label(label), names, features.values());
  }
}
