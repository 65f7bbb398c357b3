package org.govpulse.models.forecast.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The combination rules. Each takes a set of member candidates; when none of its members has a known backtest
 * error (a series too short to backtest) it weights its available members equally.
 */
public final class Rules {
  private Rules() {}

  /** Equal weights on the members, whatever their errors: e.g. COMB S-H-D of the M3 competition. */
  public static CombinationRule equal(String... members) {
    return new Equal(Set.of(members), List.of(members));
  }

  /** All weight on the member with the lowest backtest error. */
  public static CombinationRule best(String... members) {
    return new TopK(Set.of(members), List.of(members), 1);
  }

  /** Equal weights on the {@code k} members with the lowest backtest errors. */
  public static CombinationRule topK(int k, String... members) {
    return new TopK(Set.of(members), List.of(members), k);
  }

  /** Weights proportional to {@code error^-power}. */
  public static CombinationRule inverseError(double power, String... members) {
    return new InverseError(Set.of(members), List.of(members), power);
  }

  private static String join(List<String> order) {
    return String.join(",", order);
  }

  /** Indices of candidates that are members. */
  private static int[] indicesOf(List<String> candidates, Set<String> members) {
    return IntStream.range(0, candidates.size()).filter(c -> members.contains(candidates.get(c))).toArray();
  }

  /** Indices of members with a known error; all members when none is known. */
  private static int[] scored(List<String> candidates, double[] errors, Set<String> members) {
    int[] m = indicesOf(candidates, members);
    int[] known = Arrays.stream(m).filter(c -> !Double.isNaN(errors[c])).toArray();
    return known.length > 0 ? known : m;
  }

  private static double[] spread(int size, int[] chosen) {
    double[] w = new double[size];
    for (int c : chosen) {
      w[c] = 1.0 / chosen.length;
    }
    return w;
  }

  private record Equal(Set<String> memberSet, List<String> members) implements CombinationRule {
    @Override
    public String name() {
      return "EQUAL(" + join(members) + ")";
    }

    @Override
    public double[] weights(List<String> candidates, double[] errors) {
      int[] m = indicesOf(candidates, memberSet);
      int[] known = Arrays.stream(m).filter(c -> !Double.isNaN(errors[c])).toArray();
      boolean anyKnown = Arrays.stream(errors).anyMatch(e -> !Double.isNaN(e));
      return spread(candidates.size(), anyKnown && known.length > 0 ? known : m);
    }
  }

  private record TopK(Set<String> memberSet, List<String> members, int k) implements CombinationRule {
    @Override
    public String name() {
      return (k == 1 ? "BEST(" : "TOP" + k + "(") + join(members) + ")";
    }

    @Override
    public double[] weights(List<String> candidates, double[] errors) {
      int[] pool = scored(candidates, errors, memberSet);
      if (Arrays.stream(pool).allMatch(c -> Double.isNaN(errors[c]))) {
        return spread(candidates.size(), pool);
      }
      Integer[] sorted = Arrays.stream(pool).boxed().toArray(Integer[]::new);
      Arrays.sort(sorted, Comparator.comparingDouble((Integer c) -> errors[c]).thenComparingInt(c -> c));
      List<Integer> top = new ArrayList<>(Arrays.asList(sorted).subList(0, Math.min(k, sorted.length)));
      return spread(candidates.size(), top.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  private record InverseError(Set<String> memberSet, List<String> members, double power) implements CombinationRule {
    @Override
    public String name() {
      return "INVERSE" + (power == 1 ? "" : "^" + power) + "(" + join(members) + ")";
    }

    @Override
    public double[] weights(List<String> candidates, double[] errors) {
      int[] pool = scored(candidates, errors, memberSet);
      if (Arrays.stream(pool).anyMatch(c -> Double.isNaN(errors[c]))) {
        return spread(candidates.size(), pool);
      }
      double[] w = new double[candidates.size()];
      double total = 0;
      for (int c : pool) {
        w[c] = Math.pow(Math.max(errors[c], 1e-9), -power);
        total += w[c];
      }
      for (int c : pool) {
        w[c] /= total;
      }
      return w;
    }
  }
}
