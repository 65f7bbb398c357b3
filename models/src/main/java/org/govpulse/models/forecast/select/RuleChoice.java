package org.govpulse.models.forecast.select;

import java.util.Map;

/**
 * The rule chosen for a frequency class and the evidence: each rule's mean out-of-sample error over the series
 * that could be validated.
 *
 * @param rule the chosen rule
 * @param validationErrors rule name to mean validation error, in the order the rules were given
 * @param seriesValidated how many series contributed
 */
public record RuleChoice(CombinationRule rule, Map<String, Double> validationErrors, int seriesValidated) {
  public RuleChoice {
    validationErrors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(validationErrors));
  }
}
