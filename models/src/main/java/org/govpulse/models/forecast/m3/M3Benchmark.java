package org.govpulse.models.forecast.m3;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.govpulse.core.error.GovPulseException;
import org.govpulse.models.forecast.EngineResult;
import org.govpulse.models.forecast.EngineSettings;
import org.govpulse.models.forecast.Forecast;
import org.govpulse.models.forecast.ForecastEngine;
import org.govpulse.models.forecast.ForecastStep;
import org.govpulse.models.forecast.Horizons;
import org.govpulse.models.forecast.SeriesClass;
import org.govpulse.models.forecast.TimeSeries;
import org.govpulse.models.forecast.global.GlobalSettings;
import org.govpulse.models.forecast.global.Learner;
import org.govpulse.models.forecast.metric.ErrorMeasures;
import org.govpulse.models.forecast.method.Methods;
import org.govpulse.models.forecast.select.RuleChoice;
import org.govpulse.models.forecast.select.Rules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the GovPulse forecasting engine on the M3 competition data and prints sMAPE, MASE, interval coverage and
 * wall time per category next to the published THETA and NAIVE2 results. The engine only sees the training part of
 * each series; the test part is used for scoring alone.
 */
@Command(name = "m3", mixinStandardHelpOptions = true,
    description = "Scores the GovPulse forecasting engine on the M3 competition data.")
public final class M3Benchmark implements Callable<Integer> {
  /** The engine with all candidates and the global model. */
  static final String ENGINE = "ENGINE";
  /** The engine without the global model. */
  static final String ENGINE_STAT = "ENGINE-STAT";

  @Option(names = "--data", paramLabel = "DIR", required = true,
      description = "Folder of the M3 data set (m3_series_meta.csv, m3_values_long.csv and the published "
          + "forecasts).")
  Path data;

  @Option(names = "--method", paramLabel = "NAME", defaultValue = ENGINE,
      description = "ENGINE (all candidates with the global model), ENGINE-STAT (statistical candidates only), or "
          + "one method run through the engine alone: SNAIVE, NAIVE2, SES, HOLT, DAMPED, THETA, GLOBAL "
          + "(default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--limit", paramLabel = "N", description = "Only the first N series of each category.")
  Integer limit;

  @Option(names = "--learner", paramLabel = "NAME", defaultValue = "LINEAR",
      description = "Tribuo learner of the global model: XGBOOST, CART or LINEAR (default: ${DEFAULT-VALUE}).")
  Learner learner;

  @Option(names = "--trees", paramLabel = "N", defaultValue = "300", description = "Boosting rounds (XGBOOST).")
  int trees;

  @Option(names = "--windows", paramLabel = "N", defaultValue = "4",
      description = "Training windows per series for the global model (default: ${DEFAULT-VALUE}).")
  int windows;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors).")
  Integer threads;

  @Option(names = "--rules", description = "Also print every rule's validation error per category.")
  boolean showRules;

  /** Tribuo logs every SGD run at INFO; the benchmark's own table is the output. Kept here so it is not collected. */
  private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

  private final PrintStream out;

  M3Benchmark(PrintStream out) {
    this.out = out;
  }

  /** For the launcher's {@code bench m3}: prints to standard output. */
  public M3Benchmark() {
    this(System.out);
  }

  public static void main(String[] args) {
    TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    CommandLine cl = new CommandLine(new M3Benchmark(System.out));
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof GovPulseException g) {
        cmd.getErr().println("error: " + g.getMessage());
        return 2;
      }
      throw e;
    });
    System.exit(cl.execute(args));
  }

  @Override
  public Integer call() {
    TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    long start = System.nanoTime();
    List<M3Series> all = subset(M3Data.read(data));
    EngineSettings settings = settings();
    ForecastEngine engine = new ForecastEngine(settings);
    Map<String, CategoryScore> scores = new LinkedHashMap<>();
    Map<String, String> notes = new LinkedHashMap<>();
    for (String category : M3References.CATEGORIES.subList(0, 4)) {
      Map<String, TimeSeries> train = new LinkedHashMap<>();
      Map<String, M3Series> byId = new LinkedHashMap<>();
      for (M3Series s : all) {
        if (s.category().equals(category)) {
          train.put(s.id(), s.train());
          byId.put(s.id(), s);
        }
      }
      if (train.isEmpty()) {
        continue;
      }
      long t0 = System.nanoTime();
      M3Series first = byId.values().iterator().next();
      Horizons h = Horizons.bySeasonalPeriod(Map.of(first.train().seasonalPeriod(), first.horizon()));
      EngineResult result = engine.forecast(train, h);
      score(result, byId, scores, category);
      notes.put(category, describe(result, (System.nanoTime() - t0) / 1e9));
    }
    M3References refs = M3References.read(data, all, java.util.Set.of("THETA", "NAIVE2"));
    print(scores, refs, notes, (System.nanoTime() - start) / 1e9, all.size());
    return 0;
  }

  private EngineSettings settings() {
    EngineSettings base = EngineSettings.defaults();
    GlobalSettings global = GlobalSettings.defaults().withLearner(learner).withTrees(trees)
        .withOriginsPerSeries(windows);
    if (threads != null) {
      base = base.withThreads(threads);
      global = global.withThreads(threads);
    }
    switch (method.toUpperCase(Locale.ROOT)) {
      case ENGINE:
        return base.withGlobal(global);
      case ENGINE_STAT:
        return base.withGlobal(null);
      case "GLOBAL":
        return new EngineSettings(List.of(Methods.NAIVE2), global.withMinimumSeries(1),
            List.of(Rules.equal("GLOBAL")), base.measure(), base.extraOrigins(), base.minimumLength(),
            base.minimumOwnResiduals(), base.threads());
      default:
        String m = method.toUpperCase(Locale.ROOT);
        return new EngineSettings(List.of(m), null, List.of(Rules.equal(m)), base.measure(), base.extraOrigins(),
            base.minimumLength(), base.minimumOwnResiduals(), base.threads());
    }
  }

  private List<M3Series> subset(List<M3Series> all) {
    if (limit == null) {
      return all;
    }
    Map<String, Integer> taken = new LinkedHashMap<>();
    List<M3Series> out = new ArrayList<>();
    for (M3Series s : all) {
      if (taken.merge(s.category(), 1, Integer::sum) <= limit) {
        out.add(s);
      }
    }
    return out;
  }

  private static void score(EngineResult result, Map<String, M3Series> byId, Map<String, CategoryScore> scores,
      String category) {
    for (M3Series s : byId.values()) {
      Forecast f = result.forecasts().get(s.id());
      double[] test = s.test();
      double smape = ErrorMeasures.smape(test, f.points());
      double mase = ErrorMeasures.mase(test, f.points(),
          ErrorMeasures.maseScale(s.train().values(), s.train().seasonalPeriod()));
      for (String c : List.of(category, "ALL")) {
        CategoryScore score = scores.computeIfAbsent(c, k -> new CategoryScore());
        score.add(smape, mase);
        for (ForecastStep step : f.steps()) {
          double y = test[step.step() - 1];
          score.addCoverage(y >= step.lower80() && y <= step.upper80(), y >= step.lower95() && y <= step.upper95());
        }
      }
    }
  }

  private String describe(EngineResult result, double seconds) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%.1f s", seconds));
    result.timings().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "; %s %.1f s", k, v / 1000.0)));
    for (Map.Entry<SeriesClass, RuleChoice> e : result.rules().entrySet()) {
      RuleChoice c = e.getValue();
      sb.append(String.format(Locale.ROOT, "%n    chosen rule %s (validation %.3f on %d series)", c.rule().name(),
          c.validationErrors().get(c.rule().name()), c.seriesValidated()));
      if (showRules) {
        c.validationErrors().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%n      %-58s %.3f", k, v)));
      }
    }
    return sb.toString();
  }

  private void print(Map<String, CategoryScore> scores, M3References refs, Map<String, String> notes,
      double seconds, int seriesCount) {
    out.printf(Locale.ROOT, "M3 benchmark: method %s, %d series%s%n", method, seriesCount,
        limit == null ? "" : " (--limit " + limit + " per category)");
    out.printf(Locale.ROOT, "%-10s %6s | %7s %7s %7s %7s | %6s %6s %6s | %6s %6s%n", "category", "n",
        "sMAPE", "THETA", "NAIVE2", "THETA*", "MASE", "THETA", "NAIVE2", "cov80", "cov95");
    for (String c : M3References.CATEGORIES) {
      CategoryScore s = scores.get(c);
      if (s == null) {
        continue;
      }
      CategoryScore theta = refs.onSeries.getOrDefault("THETA", Map.of()).get(c);
      CategoryScore naive2 = refs.onSeries.getOrDefault("NAIVE2", Map.of()).get(c);
      out.printf(Locale.ROOT, "%-10s %6d | %7.2f %7.2f %7.2f %7.2f | %6.3f %6.3f %6.3f | %5.1f%% %5.1f%%%n", c,
          s.series(), s.smape(), published(refs, "THETA", c), published(refs, "NAIVE2", c),
          theta == null ? Double.NaN : theta.smape(), s.mase(), theta == null ? Double.NaN : theta.mase(),
          naive2 == null ? Double.NaN : naive2.mase(), s.coverage80(), s.coverage95());
    }
    out.println("THETA and NAIVE2 sMAPE: published table (all series); THETA*: THETA's sMAPE recomputed on the"
        + " series run here; their MASE: computed from the submitted forecasts on the series run here.");
    notes.forEach((c, n) -> out.printf(Locale.ROOT, "%-10s %s%n", c, n));
    out.printf(Locale.ROOT, "wall time %.1f s%n", seconds);
  }

  private static double published(M3References refs, String method, String category) {
    return refs.publishedSmape.getOrDefault(method, Map.of()).getOrDefault(category, Double.NaN);
  }
}
