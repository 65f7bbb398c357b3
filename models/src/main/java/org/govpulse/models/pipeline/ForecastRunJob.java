package org.govpulse.models.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.govpulse.core.cli.JobMain;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.models.forecast.EngineSettings;
import org.govpulse.models.forecast.ForecastEngine;
import org.govpulse.models.registry.ModelRegistry;
import org.govpulse.models.registry.RegisteredModel;
import org.govpulse.models.risk.RiskClassifier;
import org.govpulse.models.risk.TargetRiskJob;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * {@code models forecast}: forecasts the panel with the registry's production global forecasters (classes without
 * one are forecast by the statistical methods alone) and assesses target risk with the production risk
 * classifier, in the way and with the error correlation chosen when it was trained (the forecast distribution
 * with rho 0.75 when none is registered). Every forecast row records the registry version of the global model it
 * used and every risk row the versions behind it, so promoting or rolling back a model changes the next run and
 * shows in its output.
 *
 * <p>spark-submit: {@code --class org.govpulse.models.pipeline.ForecastRunJob app.jar [--config FILE]}.
 */
public final class ForecastRunJob {
  private final Warehouse warehouse;
  private final EngineSettings settings;

  public ForecastRunJob(Warehouse warehouse, EngineSettings settings) {
    this.warehouse = warehouse;
    this.settings = settings;
  }

  public static void main(String[] args) {
    JobMain.main("forecast", "Forecast the panel and assess target risk with the registry's production models.",
        args, (config, spark) -> new ForecastRunJob(new Warehouse(spark, config.warehouse()),
            EngineSettings.defaults()).execute());
  }

  /** The forecast and risk results, the registry versions used, and seconds. */
  public record Result(ForecastJob.Result forecast, TargetRiskJob.Result risk, Map<String, String> forecasters,
      String riskModel, TargetRiskJob.Mode mode, double rho, double seconds) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "forecasts: %d series (%d too short), %d rows from panel version %d, "
              + "%.1f s%n  global forecasters used: %s%n", forecast.series(), forecast.skipped(), forecast.rows(),
          forecast.panelVersion(), forecast.seconds(), forecasters.isEmpty() ? "none registered (statistical "
              + "methods only; run `./govpulse models train`)" : forecasters)
          + String.format(Locale.ROOT, "target risk: %d targets assessed (%d skipped), %.1f s, with %s (%s, "
              + "rho %.2f)%n", risk.assessed(), risk.skipped(), risk.seconds(),
          riskModel == null ? "no registered classifier" : riskModel, mode.name().toLowerCase(Locale.ROOT), rho)
          + String.format(Locale.ROOT, "models forecast: %.1f s", seconds);
    }
  }

  @SuppressWarnings("unchecked")
  public Result execute() {
    Instant start = Instant.now();
    ModelRegistry registry = new ModelRegistry(warehouse);
    RegisteredForecasters forecasters = RegisteredForecasters.load(registry);
    ForecastJob.Result forecast = new ForecastJob(warehouse, new ForecastEngine(settings), forecasters).execute();
    Optional<RegisteredModel> risk = registry.production(TrainModelsJob.RISK_NAME);
    RiskClassifier classifier = null;
    TargetRiskJob.Mode mode = TargetRiskJob.Mode.DISTRIBUTION;
    double rho = TargetRiskJob.DEFAULT_RHO;
    if (risk.isPresent()) {
      RegisteredModel m = ModelRegistry.requireKind(risk.get(), TrainModelsJob.RISK_KIND);
      classifier = new RiskClassifier((Model<Label>) registry.load(m), m.id());
      rho = m.metrics().getOrDefault(TrainModelsJob.RHO, rho);
      mode = TargetRiskJob.Mode.ofChosen(chosen(m));
    }
    TargetRiskJob.Result assessed = new TargetRiskJob(warehouse, classifier, mode, rho).execute();
    return new Result(forecast, assessed, forecasters.versions(), risk.map(RegisteredModel::id).orElse(null), mode,
        rho, Duration.between(start, Instant.now()).toMillis() / 1000.0);
  }

  private static String chosen(RegisteredModel m) {
    try {
      return new ObjectMapper().readTree(m.evaluation()).path(TrainModelsJob.CHOSEN).asText("");
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
