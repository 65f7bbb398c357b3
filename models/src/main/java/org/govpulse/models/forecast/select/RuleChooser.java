package org.govpulse.models.forecast.select;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govpulse.models.forecast.backtest.ErrorMeasure;
import org.govpulse.models.forecast.backtest.SeriesBacktest;
import org.govpulse.models.forecast.metric.ErrorMeasures;

/**
 * Chooses a combination rule for a group of series out of sample: for each series of length {@code n} and horizon
 * {@code h}, each rule computes weights from the backtest as it stood at {@code n - h} and is scored on the
 * combination's forecast from origin {@code n - h} against the last {@code h} actual values. The rule with the
 * lowest mean error wins (ties: the earlier rule). Only training data is used: the last {@code h} values of each
 * history play the part of the future.
 */
public final class RuleChooser {
  private final List<CombinationRule> rules;
  private final ErrorMeasure measure;

  /**
   * @param rules rules in order of preference (the first one wins ties and is the default when nothing can be
   *     validated)
   * @param measure the error that scores the candidates and the rules
   */
  public RuleChooser(List<CombinationRule> rules, ErrorMeasure measure) {
    this.rules = List.copyOf(rules);
    this.measure = measure;
  }

  /** The best rule for these backtests. */
  public RuleChoice choose(List<SeriesBacktest> backtests) {
    Map<String, Double> scores = new LinkedHashMap<>();
    int validated = 0;
    CombinationRule best = rules.get(0);
    double bestScore = Double.POSITIVE_INFINITY;
    for (CombinationRule rule : rules) {
      double sum = 0;
      int count = 0;
      for (SeriesBacktest bt : backtests) {
        double e = validationError(bt, rule);
        if (!Double.isNaN(e)) {
          sum += e;
          count++;
        }
      }
      double score = count == 0 ? Double.NaN : sum / count;
      scores.put(rule.name(), score);
      validated = Math.max(validated, count);
      if (score < bestScore) {
        bestScore = score;
        best = rule;
      }
    }
    return new RuleChoice(best, scores, validated);
  }

  /** The rule's error on one series at origin n - h, or NaN when the series is too short to validate. */
  double validationError(SeriesBacktest bt, CombinationRule rule) {
    double[][] v = bt.validate(errors -> rule.weights(bt.candidates(), errors), measure);
    if (v == null) {
      return Double.NaN;
    }
    return measure == ErrorMeasure.SMAPE
        ? ErrorMeasures.smape(v[0], v[1])
        : ErrorMeasures.mase(v[0], v[1], bt.scale(bt.length() - bt.horizon()));
  }
}
