package org.govpulse.analytics.typology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govpulse.core.error.Errors;

/**
 * Classifies regions into three tiers with a transparent, reproducible method:
 * <ol>
 *   <li>standardise four attributes across the regions (z-scores): log GDP per capita (economic level),
 *       urbanisation rate, log population, resource endowment;</li>
 *   <li>combine them into a development index with fixed weights 0.4, 0.3, 0.2, 0.1 (economic level first, as
 *       tiered target setting in Chinese planning practice does);</li>
 *   <li>cut the index at its terciles: the top third is T1, the middle T2, the rest T3;</li>
 *   <li>peers are the nearest regions by Euclidean distance over the four z-scores.</li>
 * </ol>
 * No randomness: the same attributes always give the same tiers.
 */
public final class RegionTypology {
  public static final String METHOD = "terciles of 0.4 z(log GDP per capita) + 0.3 z(urbanisation) "
      + "+ 0.2 z(log population) + 0.1 z(resource endowment)";
  static final String[] ATTRIBUTES = {"gdp_per_capita", "urbanisation_rate", "population", "resource_endowment"};
  static final double[] WEIGHTS = {0.4, 0.3, 0.2, 0.1};
  private final int peers;

  /** @param peers how many nearest peers to keep per region */
  public RegionTypology(int peers) {
    if (peers < 1) {
      throw Errors.invalidInput("peers must be at least 1", "got " + peers, "Pass a positive number of peers");
    }
    this.peers = peers;
  }

  /** Assigns tiers; needs at least three regions. */
  public List<TierAssignment> classify(List<RegionAttributes> regions) {
    if (regions.size() < 3) {
      throw Errors.invalidInput("Region typology needs at least 3 districts or counties",
          "only " + regions.size() + " have structural attributes",
          "Complete population, gdp_per_capita, urbanisation_rate and resource_endowment in regions.csv");
    }
    int n = regions.size();
    double[][] raw = new double[n][4];
    for (int i = 0; i < n; i++) {
      RegionAttributes r = regions.get(i);
      raw[i] = new double[] {Math.log(r.gdpPerCapita()), r.urbanisation(), Math.log(r.population()),
          r.resourceEndowment()};
    }
    double[][] z = standardise(raw);
    double[] index = new double[n];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < 4; a++) {
        index[i] += WEIGHTS[a] * z[i][a];
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -index[i])
        .thenComparing(i -> regions.get(i).regionCode()));
    int[] rank = new int[n];
    for (int k = 0; k < n; k++) {
      rank[order[k]] = k + 1;
    }
    List<TierAssignment> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String tier = rank[i] <= Math.ceil(n / 3.0) ? "T1" : rank[i] <= Math.ceil(2 * n / 3.0) ? "T2" : "T3";
      Map<String, Double> scores = new LinkedHashMap<>();
      for (int a = 0; a < 4; a++) {
        scores.put(ATTRIBUTES[a], z[i][a]);
      }
      out.add(new TierAssignment(regions.get(i).regionCode(), tier, index[i], scores, rank[i],
          nearest(i, z, regions)));
    }
    return out;
  }

  private List<String> nearest(int i, double[][] z, List<RegionAttributes> regions) {
    List<Integer> others = new ArrayList<>();
    for (int j = 0; j < z.length; j++) {
      if (j != i) {
        others.add(j);
      }
    }
    others.sort(Comparator.<Integer>comparingDouble(j -> distance(z[i], z[j]))
        .thenComparing(j -> regions.get(j).regionCode()));
    return others.stream().limit(peers).map(j -> regions.get(j).regionCode()).toList();
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += (a[k] - b[k]) * (a[k] - b[k]);
    }
    return Math.sqrt(s);
  }

  private static double[][] standardise(double[][] x) {
    int n = x.length;
    int m = x[0].length;
    double[][] z = new double[n][m];
    for (int a = 0; a < m; a++) {
      double mean = 0;
      for (double[] row : x) {
        mean += row[a];
      }
      mean /= n;
      double var = 0;
      for (double[] row : x) {
        var += (row[a] - mean) * (row[a] - mean);
      }
      double sd = Math.sqrt(var / (n - 1));
      for (int i = 0; i < n; i++) {
        z[i][a] = sd > 0 ? (x[i][a] - mean) / sd : 0.0;
      }
    }
    return z;
  }
}
