package org.govpulse.models.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Calibration and discrimination of probabilities of a binary outcome: Brier score, AUC, reliability by bins. */
public final class ProbabilityScores {
  private ProbabilityScores() {}

  /** One reliability bin: mean predicted probability against the observed frequency. */
  public record Bin(double from, double to, int count, double meanPredicted, double observed) {}

  /** Mean squared difference between probability and outcome (0 perfect, 0.25 a coin). */
  public static double brier(double[] p, boolean[] y) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      double d = p[i] - (y[i] ? 1 : 0);
      s += d * d;
    }
    return p.length == 0 ? Double.NaN : s / p.length;
  }

  /** Area under the ROC curve: probability that a random positive scores above a random negative (ties half). */
  public static double auc(double[] p, boolean[] y) {
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < p.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
    double rankSumPositives = 0;
    int positives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (y[order[k]]) {
          rankSumPositives += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    int negatives = p.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** Reliability in {@code bins} equal-width bins of predicted probability (empty bins omitted). */
  public static List<Bin> reliability(double[] p, boolean[] y, int bins) {
    List<Bin> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      double lo = b / (double) bins;
      double hi = (b + 1) / (double) bins;
      int n = 0;
      double sp = 0;
      double sy = 0;
      for (int i = 0; i < p.length; i++) {
        if (p[i] >= lo && (p[i] < hi || (b == bins - 1 && p[i] <= hi))) {
          n++;
          sp += p[i];
          sy += y[i] ? 1 : 0;
        }
      }
      if (n > 0) {
        out.add(new Bin(lo, hi, n, sp / n, sy / n));
      }
    }
    return out;
  }
}
