package org.govpulse.ingestion.samplecity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labelled posts are learnable but not trivial: an averaged perceptron on character 1-3-grams (a linear
 * model) reaches roughly 0.8-0.9 accuracy on held-out rows of the 1x city's training file.
 */
class SentimentLearnabilityTest {

  private static final String[] LABELS = {"negative", "neutral", "positive"};
  private static final int DIMENSIONS = 1 << 18;

  @TempDir
  Path out;

  @Test
  void a_character_ngram_linear_model_reaches_roughly_80_to_90_percent_accuracy() {
    SampleCityResult r = new SampleCityGenerator(SampleCitySpec.defaults().withSensorMonths(1)).generate(out);
    List<Map<String, String>> rows = new ArrayList<>(
        GroundTruthTest.csv(r.training().resolve("sentiment_labelled.csv")));
    assertThat(rows.size()).isGreaterThanOrEqualTo(1500);
    Collections.shuffle(rows, new Random(1));
    int split = rows.size() * 4 / 5;
    double[][] w = new double[3][DIMENSIONS];
    double[][] acc = new double[3][DIMENSIONS];
    int step = 1;
    for (int epoch = 0; epoch < 10; epoch++) {
      for (int i = 0; i < split; i++) {
        int[] f = features(rows.get(i).get("text"));
        int y = List.of(LABELS).indexOf(rows.get(i).get("label"));
        int guess = argmax(w, f);
        if (guess != y) {
          for (int j : f) {
            w[y][j] += 1;
            w[guess][j] -= 1;
            acc[y][j] += step;
            acc[guess][j] -= step;
          }
        }
        step++;
      }
    }
    for (int l = 0; l < 3; l++) {
      for (int j = 0; j < DIMENSIONS; j++) {
        acc[l][j] = w[l][j] - acc[l][j] / step;
      }
    }
    int correct = 0;
    for (int i = split; i < rows.size(); i++) {
      if (LABELS[argmax(acc, features(rows.get(i).get("text")))].equals(rows.get(i).get("label"))) {
        correct++;
      }
    }
    double accuracy = (double) correct / (rows.size() - split);
    System.out.printf("held-out accuracy of a char 1-3-gram averaged perceptron: %.3f%n", accuracy);
    assertThat(accuracy).isBetween(0.75, 0.95);
  }

  private static int argmax(double[][] w, int[] f) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int l = 0; l < 3; l++) {
      double s = 0;
      for (int j : f) {
        s += w[l][j];
      }
      if (s > bestScore) {
        bestScore = s;
        best = l;
      }
    }
    return best;
  }

  private static int[] features(String text) {
    String s = " " + text.toLowerCase() + " ";
    List<Integer> out = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      for (int i = 0; i + n <= s.length(); i++) {
        out.add(Math.floorMod((s.substring(i, i + n) + n).hashCode(), DIMENSIONS));
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
