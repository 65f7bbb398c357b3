package org.govpulse.models.pipeline;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.ForecastTables;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.time.Period;
import org.govpulse.models.forecast.Accuracy;
import org.govpulse.models.forecast.EngineResult;
import org.govpulse.models.forecast.Forecast;
import org.govpulse.models.forecast.ForecastEngine;
import org.govpulse.models.forecast.ForecastStep;
import org.govpulse.models.forecast.SeriesClass;
import org.govpulse.models.forecast.global.GlobalModel;
import org.govpulse.models.forecast.global.GlobalSource;

/**
 * Forecasts every series of the indicator panel and writes gold.forecasts (points and 80%/95% intervals) and
 * gold.backtests (the rolling-origin accuracy behind each series' method choice). Each run replaces both tables in
 * one commit each; every row records the model version and the panel version it was trained on.
 */
public final class ForecastJob {
  private final Warehouse warehouse;
  private final ForecastEngine engine;
  private final GlobalSource global;

  /** Trains the global candidate in the run (when the engine's settings have one). */
  public ForecastJob(Warehouse warehouse, ForecastEngine engine) {
    this(warehouse, engine, null);
  }

  /**
   * @param global where the global candidate comes from, e.g. {@link RegisteredForecasters}; null to train it in
   *     the run
   */
  public ForecastJob(Warehouse warehouse, ForecastEngine engine, GlobalSource global) {
    this.warehouse = warehouse;
    this.engine = engine;
    this.global = global;
  }

  /**
   * What the run did.
   *
   * @param series series forecast
   * @param skipped series too short to forecast
   * @param rows forecast rows written
   * @param panelVersion Delta version of the panel used
   * @param modelVersions versions of the methods and global models
   * @param seconds wall time
   */
  public record Result(int series, int skipped, long rows, long panelVersion, Map<String, String> modelVersions,
      double seconds) {}

  public Result execute() {
    Instant start = Instant.now();
    warehouse.spark().sparkContext().setJobDescription("govpulse models forecast: read the panel");
    long panelVersion = warehouse.version(GoldTables.INDICATOR_PANEL).orElseThrow(() ->
        org.govpulse.core.error.Errors.tableMissing(GoldTables.INDICATOR_PANEL.qualifiedName(),
            warehouse.path(GoldTables.INDICATOR_PANEL), "analyze"));
    Catalogue catalogue = Catalogue.read(warehouse);
    Map<String, SeriesHistory> histories = PanelHistory.load(
        warehouse.spark().read().format("delta").option("versionAsOf", panelVersion)
            .load(warehouse.path(GoldTables.INDICATOR_PANEL)), catalogue);
    PanelForecast.Outcome outcome = new PanelForecast(engine).forecast(histories, global);
    EngineResult result = outcome.result();
    if (result == null) {
      throw org.govpulse.core.error.Errors.invalidInput("No panel series is long enough to forecast",
          outcome.skipped() + " series have fewer than " + engine.settings().minimumLength() + " consecutive values",
          "Ingest more history and run `./govpulse analyze`");
    }
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> forecasts = new ArrayList<>();
    List<Row> backtests = new ArrayList<>();
    for (Map.Entry<String, Forecast> e : result.forecasts().entrySet()) {
      SeriesHistory h = histories.get(e.getKey());
      Period origin = outcome.segments().get(e.getKey()).series().periodAt(
          outcome.segments().get(e.getKey()).series().length() - 1).orElseThrow();
      Forecast f = e.getValue();
      String modelVersion = modelVersion(f, outcome.segments().get(e.getKey()).series(), result);
      for (ForecastStep s : f.steps()) {
        forecasts.add(RowFactory.create(h.regionCode(), h.indicatorCode(), h.frequency().code(), origin.toString(),
            s.step(), s.period().orElseThrow().toString(), s.point(), s.lower80(), s.upper80(), s.lower95(),
            s.upper95(), f.method(), modelVersion, panelVersion, now));
      }
      Accuracy a = result.accuracy().get(e.getKey());
      backtests.add(RowFactory.create(h.regionCode(), h.indicatorCode(), h.frequency().code(), f.method(),
          a == null ? 0 : a.origin(), a == null || !a.isAvailable() ? null : a.smape(),
          a == null || !a.isAvailable() ? null : a.mase(), a == null || !a.isAvailable() ? null : a.coverage80(),
          a == null || !a.isAvailable() ? null : a.coverage95(), modelVersion));
    }
    warehouse.spark().sparkContext().setJobDescription("govpulse models forecast: write forecasts");
    warehouse.overwrite(warehouse.spark().createDataFrame(forecasts, ForecastTables.FORECASTS.schema()),
        ForecastTables.FORECASTS);
    warehouse.overwrite(warehouse.spark().createDataFrame(backtests, ForecastTables.BACKTESTS.schema()),
        ForecastTables.BACKTESTS);
    return new Result(result.forecasts().size(), outcome.skipped(), forecasts.size(), panelVersion,
        result.modelVersions(), Duration.between(start, Instant.now()).toMillis() / 1000.0);
  }

  /**
   * What produced a forecast: the engine's statistical methods, plus the global model's version (a registry
   * version name:vN when it came from the registry) when the global candidate has weight in it.
   */
  static String modelVersion(Forecast f, org.govpulse.models.forecast.TimeSeries series, EngineResult result) {
    if (!f.weights().containsKey(GlobalModel.NAME)) {
      return ForecastEngine.VERSION;
    }
    SeriesClass c = new SeriesClass(series.seasonalPeriod(), f.steps().size());
    String global = result.modelVersions().get(GlobalModel.NAME + " " + c);
    return global == null ? ForecastEngine.VERSION : ForecastEngine.VERSION + " + " + global;
  }
}
