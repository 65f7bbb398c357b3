package org.govpulse.jobs.models;

import org.govpulse.core.cli.JobMain;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.models.forecast.EngineSettings;
import org.govpulse.models.forecast.ForecastEngine;
import org.govpulse.models.pipeline.ForecastJob;
import org.govpulse.models.risk.TargetRiskJob;

/**
 * The forecast stage for spark-submit: {@link ForecastJob} (gold.forecasts, gold.backtests), then
 * {@link TargetRiskJob} (gold.target_risk) from the forecast distribution. These are the three tables whose producer
 * is "models forecast"; the stage runs under that job's lock.
 */
public final class ForecastStage {
  /** The job's name in meta.runs and its lock. */
  public static final String NAME = "models-forecast";

  private ForecastStage() {}

  /** What both steps did. */
  public record Result(ForecastJob.Result forecast, TargetRiskJob.Result targetRisk) {}

  /** Forecasts the panel and assesses every annual target. */
  public static Result run(Warehouse warehouse) {
    ForecastJob.Result forecast = new ForecastJob(warehouse, new ForecastEngine(EngineSettings.defaults())).execute();
    TargetRiskJob.Result risk = new TargetRiskJob(warehouse, null, false, TargetRiskJob.DEFAULT_RHO).execute();
    return new Result(forecast, risk);
  }

  /** Entry point for spark-submit: {@code --class org.govpulse.jobs.models.ForecastStage}. */
  public static void main(String[] argv) {
    JobMain.main(NAME, "Forecast every panel series with intervals and the probability of missing each annual target.",
        argv, (c, spark) -> run(new Warehouse(spark, c.warehouse())));
  }
}
