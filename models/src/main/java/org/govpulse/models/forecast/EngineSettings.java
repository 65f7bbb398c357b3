package org.govpulse.models.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.govpulse.models.forecast.backtest.ErrorMeasure;
import org.govpulse.models.forecast.global.GlobalModel;
import org.govpulse.models.forecast.global.GlobalSettings;
import org.govpulse.models.forecast.method.Methods;
import org.govpulse.models.forecast.select.CombinationRule;
import org.govpulse.models.forecast.select.Rules;

/**
 * How the {@link ForecastEngine} works: the candidate methods, whether a global model joins them, the combination
 * rules it chooses from, the backtest window and the interval calibration. Validated at construction.
 *
 * @param methods statistical candidates by name (see {@link Methods})
 * @param global settings of the global model, or null for statistical candidates only
 * @param rules the combination rules to choose from per frequency class (first = preferred on ties), or an empty
 *     list for {@link #defaultRules}
 * @param measure the error that scores candidates and rules in backtests
 * @param extraOrigins the backtest window is {@code horizon + extraOrigins} origins per cutoff
 * @param minimumLength the fewest values a series may have; shorter ones are refused
 * @param minimumOwnResiduals the fewest residuals of its own a series needs for a step before its intervals stop
 *     borrowing from its frequency class
 * @param threads worker threads for backtests
 */
public record EngineSettings(List<String> methods, GlobalSettings global, List<CombinationRule> rules,
    ErrorMeasure measure, int extraOrigins, int minimumLength, int minimumOwnResiduals, int threads) {

  public EngineSettings {
    if (methods == null || methods.isEmpty()) {
      throw ForecastErrors.invalidSetting("methods", methods, "a non-empty list of " + Methods.names());
    }
    methods.forEach(Methods::byName);
    methods = List.copyOf(methods);
    rules = rules == null ? List.of() : List.copyOf(rules);
    if (measure == null) {
      throw ForecastErrors.invalidSetting("measure", null, "SMAPE or MASE");
    }
    if (extraOrigins < 0) {
      throw ForecastErrors.invalidSetting("extraOrigins", extraOrigins, "0 or more");
    }
    if (minimumLength < 3) {
      throw ForecastErrors.invalidSetting("minimumLength", minimumLength, "at least 3");
    }
    if (minimumOwnResiduals < 1) {
      throw ForecastErrors.invalidSetting("minimumOwnResiduals", minimumOwnResiduals, "at least 1");
    }
    if (threads < 1) {
      throw ForecastErrors.invalidSetting("threads", threads, "at least 1");
    }
  }

  /** All statistical methods plus the global boosted-trees model, default rules, sMAPE, 6 extra origins. */
  public static EngineSettings defaults() {
    return new EngineSettings(Methods.names(), GlobalSettings.defaults(), List.of(), ErrorMeasure.SMAPE, 6, 4, 30,
        Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  /** The defaults without the global model: statistical methods only (fast, no Tribuo training). */
  public static EngineSettings statisticalOnly() {
    return defaults().withGlobal(null);
  }

  public EngineSettings withGlobal(GlobalSettings g) {
    return new EngineSettings(methods, g, rules, measure, extraOrigins, minimumLength, minimumOwnResiduals, threads);
  }

  public EngineSettings withRules(List<CombinationRule> r) {
    return new EngineSettings(methods, global, r, measure, extraOrigins, minimumLength, minimumOwnResiduals, threads);
  }

  public EngineSettings withMeasure(ErrorMeasure m) {
    return new EngineSettings(methods, global, rules, m, extraOrigins, minimumLength, minimumOwnResiduals, threads);
  }

  public EngineSettings withThreads(int t) {
    return new EngineSettings(methods, global, rules, measure, extraOrigins, minimumLength, minimumOwnResiduals, t);
  }

  public EngineSettings withMinimumOwnResiduals(int r) {
    return new EngineSettings(methods, global, rules, measure, extraOrigins, minimumLength, r, threads);
  }

  /** The candidate names: the statistical methods, then GLOBAL when enabled. */
  public List<String> candidateNames() {
    List<String> names = new ArrayList<>(methods);
    if (global != null) {
      names.add(GlobalModel.NAME);
    }
    return names;
  }

  /** The fewest values a backtest origin is fitted on: enough to test seasonality (more than two seasons). */
  public int minimumTraining(int seasonalPeriod) {
    return Math.max(minimumLength + 1, 2 * seasonalPeriod + 2);
  }

  /** The rules the engine chooses from: the given ones, or {@link #defaultRules}. */
  public List<CombinationRule> effectiveRules() {
    return rules.isEmpty() ? defaultRules(candidateNames()) : rules;
  }

  /**
   * The default rules for a set of candidates (a rule is kept only when all its members are candidates): the
   * equal-weight combinations SES+DAMPED+THETA (first, so preferred on ties), COMB S-H-D, DAMPED+THETA; each
   * trend method alone; then the best, best two, best three and inverse-error weights over all candidates; and
   * with the global model, combinations of it with THETA, DAMPED and SES.
   */
  public static List<CombinationRule> defaultRules(List<String> candidates) {
    String g = GlobalModel.NAME;
    String[] all = candidates.toArray(new String[0]);
    List<CombinationRule> r = new ArrayList<>();
    r.add(Rules.equal(Methods.SES, Methods.DAMPED, Methods.THETA));
    r.add(Rules.equal(Methods.SES, Methods.HOLT, Methods.DAMPED));
    r.add(Rules.equal(Methods.DAMPED, Methods.THETA));
    r.add(Rules.equal(Methods.THETA));
    r.add(Rules.equal(Methods.DAMPED));
    r.add(Rules.equal(Methods.SES));
    r.add(Rules.equal(Methods.NAIVE2));
    r.add(Rules.equal(g));
    r.add(Rules.equal(Methods.THETA, g));
    r.add(Rules.equal(Methods.DAMPED, Methods.THETA, g));
    r.add(Rules.equal(Methods.SES, Methods.DAMPED, Methods.THETA, g));
    r.add(Rules.best(all));
    r.add(Rules.topK(2, all));
    r.add(Rules.topK(3, all));
    r.add(Rules.inverseError(1, all));
    r.add(Rules.inverseError(2, all));
    Set<String> available = Set.copyOf(candidates);
    return r.stream().filter(rule -> rule.members().stream().allMatch(available::contains)).toList();
  }
}
