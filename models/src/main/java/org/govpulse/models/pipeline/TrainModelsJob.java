package org.govpulse.models.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.TableContract;
import org.govpulse.models.forecast.EngineSettings;
import org.govpulse.models.registry.ModelRegistry;
import org.govpulse.models.registry.Registration;
import org.govpulse.models.risk.ProbabilityScores;
import org.govpulse.models.risk.RiskTraining;
import org.govpulse.models.risk.TrainRiskJob;

/**
 * {@code models train}: trains the target-risk classifier ({@link TrainRiskJob}) and the global forecasters
 * ({@link TrainForecastersJob}) and registers them. The risk classifier is registered as {@value #RISK_NAME} with
 * its held-out Brier and AUC, the chosen way of predicting and the error correlation rho, which the forecast run
 * reads back.
 */
public final class TrainModelsJob {
  /** Registry name of the target-risk classifier. */
  public static final String RISK_NAME = "risk_classifier";
  /** Its kind. */
  public static final String RISK_KIND = "risk_classifier";
  /** Metric holding the chosen error correlation. */
  public static final String RHO = "rho";
  /** Evaluation field holding the chosen way of predicting. */
  public static final String CHOSEN = "chosen";

  private final Warehouse warehouse;
  private final EngineSettings forecastSettings;
  private final long seed;

  public TrainModelsJob(Warehouse warehouse, EngineSettings forecastSettings, long seed) {
    this.warehouse = warehouse;
    this.forecastSettings = forecastSettings;
    this.seed = seed;
  }

  /** What was trained and registered, with the seconds each part took. */
  public record Result(TrainRiskJob.Result risk, ModelRegistry.Registered riskModel,
      TrainForecastersJob.Result forecasters, double seconds) {
    @Override
    public String toString() {
      return risk.outcome().report() + "\n"
          + String.format(Locale.ROOT, "risk classifier: %d replayed assessments in %.1f s, %s %s (%s)%n",
          risk.examples(), risk.seconds(), riskModel.created() ? "registered" : "already registered as",
          riskModel.model().id(), riskModel.model().stage())
          + forecasters + "\n"
          + String.format(Locale.ROOT, "models train: %.1f s", seconds);
    }
  }

  public Result execute() {
    Instant start = Instant.now();
    TrainRiskJob.Result risk = new TrainRiskJob(warehouse, seed).execute();
    ModelRegistry.Registered registered = new ModelRegistry(warehouse).register(new Registration(RISK_NAME,
        RISK_KIND, risk.outcome().model(), Map.of(), metrics(risk.outcome()), evaluation(risk), tables(risk),
        "trained on " + risk.examples() + " assessments replayed from the panel", false));
    TrainForecastersJob.Result forecasters = new TrainForecastersJob(warehouse, forecastSettings).execute();
    return new Result(risk, registered, forecasters, Duration.between(start, Instant.now()).toMillis() / 1000.0);
  }

  private static Map<String, Double> metrics(RiskTraining.Outcome o) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (RiskTraining.Scores s : o.scores()) {
      String key = key(s.name());
      m.put("brier_" + key, s.brier());
      m.put("auc_" + key, s.auc());
    }
    m.put(RHO, o.rho());
    m.put("miss_rate", o.missRate());
    m.put("test_examples", (double) o.testExamples());
    return m;
  }

  private static String key(String method) {
    return switch (method) {
      case RiskTraining.DISTRIBUTION -> "distribution";
      case RiskTraining.CLASSIFIER -> "classifier";
      case RiskTraining.BLEND -> "blend";
      default -> "naive";
    };
  }

  private Map<String, Long> tables(TrainRiskJob.Result risk) {
    Map<String, Long> t = new LinkedHashMap<>();
    t.put(GoldTables.INDICATOR_PANEL.qualifiedName(), risk.panelVersion());
    for (TableContract c : new TableContract[] {IngestTables.TARGET_RULES, GoldTables.REGION_TIERS}) {
      warehouse.version(c).ifPresent(v -> t.put(c.qualifiedName(), v));
    }
    return t;
  }

  private static String evaluation(TrainRiskJob.Result risk) {
    RiskTraining.Outcome o = risk.outcome();
    ObjectMapper json = new ObjectMapper();
    ObjectNode e = json.createObjectNode();
    e.put(CHOSEN, o.chosen()).put(RHO, o.rho()).put("miss_rate", o.missRate())
        .put("train_examples", o.trainExamples()).put("test_examples", o.testExamples());
    ArrayNode train = e.putArray("train_years");
    o.trainYears().forEach(train::add);
    ArrayNode test = e.putArray("test_years");
    o.testYears().forEach(test::add);
    ArrayNode scores = e.putArray("scores");
    for (RiskTraining.Scores s : o.scores()) {
      ObjectNode n = scores.addObject().put("method", s.name()).put("brier", s.brier()).put("auc", s.auc());
      ArrayNode bins = n.putArray("reliability");
      for (ProbabilityScores.Bin b : s.reliability()) {
        bins.addObject().put("from", b.from()).put("to", b.to()).put("count", b.count())
            .put("mean_predicted", b.meanPredicted()).put("observed", b.observed());
      }
    }
    e.put("report", o.report());
    return e.toPrettyString();
  }
}
