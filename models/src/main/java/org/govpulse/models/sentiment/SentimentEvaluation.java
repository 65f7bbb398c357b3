package org.govpulse.models.sentiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;

/**
 * A classifier's scores on held-out rows, from Tribuo's {@code LabelEvaluator}.
 *
 * @param rows held-out rows scored
 * @param accuracy share classified correctly
 * @param macroF1 mean F1 over the classes
 * @param perClass precision, recall, F1 and support of each class
 * @param labels class order of the confusion matrix
 * @param confusion {@code confusion[truth][predicted]} counts
 */
public record SentimentEvaluation(int rows, double accuracy, double macroF1, Map<String, ClassScore> perClass,
    List<String> labels, long[][] confusion) {

  /** Scores of one class. */
  public record ClassScore(double precision, double recall, double f1, long support) {}

  /** Builds the record from Tribuo's evaluation. */
  public static SentimentEvaluation of(LabelEvaluation e, List<String> labels) {
    Map<String, ClassScore> perClass = new LinkedHashMap<>();
    long[][] confusion = new long[labels.size()][labels.size()];
    for (int t = 0; t < labels.size(); t++) {
      Label truth = new Label(labels.get(t));
      perClass.put(labels.get(t), new ClassScore(e.precision(truth), e.recall(truth), e.f1(truth),
          Math.round(e.getConfusionMatrix().support(truth))));
      for (int p = 0; p < labels.size(); p++) {
        confusion[t][p] = Math.round(e.getConfusionMatrix().confusion(new Label(labels.get(p)), truth));
      }
    }
    return new SentimentEvaluation(e.getPredictions().size(), e.accuracy(), e.macroAveragedF1(), perClass,
        List.copyOf(labels), confusion);
  }

  /** Headline metrics for the registry. */
  public Map<String, Double> metrics() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("accuracy", accuracy);
    m.put("macro_f1", macroF1);
    m.put("test_rows", (double) rows);
    perClass.forEach((l, s) -> {
      m.put("precision_" + l, s.precision());
      m.put("recall_" + l, s.recall());
    });
    return m;
  }

  /** The evaluation as a JSON object (for the registry's evaluation column). */
  public ObjectNode toJson(ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    o.put("rows", rows);
    o.put("accuracy", accuracy);
    o.put("macro_f1", macroF1);
    ObjectNode classes = o.putObject("per_class");
    perClass.forEach((l, s) -> classes.putObject(l).put("precision", s.precision()).put("recall", s.recall())
        .put("f1", s.f1()).put("support", s.support()));
    ObjectNode cm = o.putObject("confusion_matrix");
    ArrayNode order = cm.putArray("labels");
    labels.forEach(order::add);
    cm.put("rows_are", "truth");
    ArrayNode matrix = cm.putArray("counts");
    for (long[] row : confusion) {
      ArrayNode r = matrix.addArray();
      for (long c : row) {
        r.add(c);
      }
    }
    return o;
  }

  /** A readable report: accuracy, macro F1, a table per class and the confusion matrix. */
  public String report() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "held-out rows %d: accuracy %.3f, macro F1 %.3f%n", rows, accuracy, macroF1));
    sb.append(String.format(Locale.ROOT, "  %-12s %9s %9s %9s %8s%n", "class", "precision", "recall", "F1",
        "support"));
    perClass.forEach((l, s) -> sb.append(String.format(Locale.ROOT, "  %-12s %9.3f %9.3f %9.3f %8d%n", l,
        s.precision(), s.recall(), s.f1(), s.support())));
    sb.append("  confusion (rows: truth, columns: predicted)\n  ").append(String.format("%-12s", ""));
    labels.forEach(l -> sb.append(String.format(" %9s", abbreviate(l))));
    for (int t = 0; t < labels.size(); t++) {
      sb.append('\n').append("  ").append(String.format("%-12s", labels.get(t)));
      for (long c : confusion[t]) {
        sb.append(String.format(" %9d", c));
      }
    }
    return sb.toString();
  }

  private static String abbreviate(String l) {
    return l.length() <= 9 ? l : l.substring(0, 9);
  }

  /** Labels sorted, for a stable confusion-matrix order. */
  static List<String> sorted(java.util.Collection<String> labels) {
    List<String> l = new ArrayList<>(new java.util.TreeSet<>(labels));
    return l;
  }
}
