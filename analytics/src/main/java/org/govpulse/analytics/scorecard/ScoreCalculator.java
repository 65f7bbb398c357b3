package org.govpulse.analytics.scorecard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Composite scores for one period: every indicator is normalised to 0-100 across the entities (100 = best, by
 * polarity; min-max, 50 for everyone when all are equal) unless the values are already 0-100 scores, and an entity's score is the weighted mean of its
 * normalised values over the indicators it has, the weights renormalised over those. Ranks are by score (ties by
 * code). Robustness: the scores are recomputed {@link #DRAWS} times with every weight multiplied by a log-normal
 * factor (σ = {@value #SIGMA}, i.e. weights typically move by ±30%), and the 5th and 95th percentiles of each
 * entity's rank are reported, so a league table is not read with more certainty than it has.
 */
public final class ScoreCalculator {
  /** Number of weight perturbations. */
  public static final int DRAWS = 400;
  /** Standard deviation of the log of the weight multipliers. */
  public static final double SIGMA = 0.3;

  /** One input value: an entity's value of an indicator in the period. */
  public record Input(String entity, String group, String indicator, double value, double weight,
      boolean higherIsBetter) {}

  /** The score of one entity with its contributions. */
  public record Score(String entity, String group, double score, int rank, int rankInGroup, int rankP05,
      int rankP95, List<Contribution> contributions) {}

  /** What one indicator contributed. */
  public record Contribution(String indicator, double value, double normalised, double weight, double points) {}

  private final long seed;
  private final boolean relative;

  /**
   * @param seed seed of the weight perturbations (fix it per period for reproducible output)
   * @param relative true to normalise each indicator min-max across entities; false when values are already
   *     0-100 scores (a department's share of districts meeting their targets, say)
   */
  public ScoreCalculator(long seed, boolean relative) {
    this.seed = seed;
    this.relative = relative;
  }

  public List<Score> score(List<Input> inputs) {
    Map<String, Map<String, Input>> byEntity = new LinkedHashMap<>();
    Map<String, double[]> range = new HashMap<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    for (Input in : inputs) {
      byEntity.computeIfAbsent(in.entity(), e -> new LinkedHashMap<>()).put(in.indicator(), in);
      range.merge(in.indicator(), new double[] {in.value(), in.value()},
          (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
      weights.put(in.indicator(), in.weight());
    }
    List<String> entities = new ArrayList<>(new TreeSet<>(byEntity.keySet()));
    List<String> indicators = new ArrayList<>(weights.keySet());
    double[][] norm = new double[entities.size()][indicators.size()];
    for (double[] row : norm) {
      Arrays.fill(row, Double.NaN);
    }
    for (int e = 0; e < entities.size(); e++) {
      for (int i = 0; i < indicators.size(); i++) {
        Input in = byEntity.get(entities.get(e)).get(indicators.get(i));
        if (in != null) {
          if (relative) {
            double[] r = range.get(in.indicator());
            double span = r[1] - r[0];
            double up = span == 0 ? 0.5 : (in.value() - r[0]) / span;
            norm[e][i] = 100.0 * (in.higherIsBetter() ? up : 1 - up);
          } else {
            norm[e][i] = Math.max(0, Math.min(100, in.higherIsBetter() ? in.value() : 100 - in.value()));
          }
        }
      }
    }
    double[] w = indicators.stream().mapToDouble(weights::get).toArray();
    double[] scores = scores(norm, w);
    int[] ranks = ranks(scores, entities);

    SplittableRandom rnd = new SplittableRandom(seed);
    int[][] drawn = new int[entities.size()][DRAWS];
    for (int d = 0; d < DRAWS; d++) {
      double[] wd = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        wd[i] = w[i] * Math.exp(SIGMA * gaussian(rnd));
      }
      int[] r = ranks(scores(norm, wd), entities);
      for (int e = 0; e < entities.size(); e++) {
        drawn[e][d] = r[e];
      }
    }
    Map<String, List<Integer>> groups = new HashMap<>();
    for (int e = 0; e < entities.size(); e++) {
      String g = group(byEntity.get(entities.get(e)));
      groups.computeIfAbsent(g, k -> new ArrayList<>()).add(e);
    }
    Map<Integer, Integer> rankInGroup = new HashMap<>();
    for (List<Integer> members : groups.values()) {
      members.sort(Comparator.comparingInt(e -> ranks[e]));
      for (int k = 0; k < members.size(); k++) {
        rankInGroup.put(members.get(k), k + 1);
      }
    }
    List<Score> out = new ArrayList<>();
    for (int e = 0; e < entities.size(); e++) {
      double total = 0;
      for (int i = 0; i < w.length; i++) {
        if (!Double.isNaN(norm[e][i])) {
          total += w[i];
        }
      }
      List<Contribution> contributions = new ArrayList<>();
      for (int i = 0; i < w.length; i++) {
        if (!Double.isNaN(norm[e][i])) {
          double share = w[i] / total;
          contributions.add(new Contribution(indicators.get(i),
              byEntity.get(entities.get(e)).get(indicators.get(i)).value(), norm[e][i], share, norm[e][i] * share));
        }
      }
      int[] sorted = drawn[e].clone();
      Arrays.sort(sorted);
      out.add(new Score(entities.get(e), group(byEntity.get(entities.get(e))), scores[e], ranks[e],
          rankInGroup.get(e), sorted[(int) Math.floor(0.05 * (DRAWS - 1))], sorted[(int) Math.ceil(0.95 * (DRAWS - 1))],
          contributions));
    }
    return out;
  }

  private static String group(Map<String, Input> inputs) {
    return inputs.values().iterator().next().group();
  }

  private static double[] scores(double[][] norm, double[] w) {
    double[] s = new double[norm.length];
    for (int e = 0; e < norm.length; e++) {
      double num = 0;
      double den = 0;
      for (int i = 0; i < w.length; i++) {
        if (!Double.isNaN(norm[e][i])) {
          num += w[i] * norm[e][i];
          den += w[i];
        }
      }
      s[e] = den > 0 ? num / den : 0;
    }
    return s;
  }

  private static int[] ranks(double[] scores, List<String> entities) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparing(entities::get));
    int[] rank = new int[scores.length];
    for (int k = 0; k < order.length; k++) {
      rank[order[k]] = k + 1;
    }
    return rank;
  }

  /** Standard normal draw (Box-Muller) from a splittable generator, so results do not depend on thread timing. */
  private static double gaussian(SplittableRandom rnd) {
    double u = 1.0 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
