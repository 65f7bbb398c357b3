package org.govpulse.api.http;

import io.javalin.http.Context;
import org.govpulse.api.service.Lookup;
import org.govpulse.api.service.ModelService;
import org.govpulse.api.service.PerformanceService;
import org.govpulse.api.service.QualityService;
import org.govpulse.api.service.ReferenceService;
import org.govpulse.api.service.SeriesService;

/** Handlers of the read routes: catalogue, regions, series, forecasts, risk, scorecards, quality, models. */
final class DataHandlers {
  private final ReferenceService reference;
  private final SeriesService series;
  private final PerformanceService performance;
  private final QualityService quality;
  private final ModelService models;

  DataHandlers(ReferenceService reference, SeriesService series, PerformanceService performance,
      QualityService quality, ModelService models) {
    this.reference = reference;
    this.series = series;
    this.performance = performance;
    this.quality = quality;
    this.models = models;
  }

  void indicators(Context ctx) {
    ctx.json(reference.indicators(ctx.queryParam("category"), ctx.queryParam("department")));
  }

  void indicator(Context ctx) {
    ctx.json(reference.indicator(ctx.pathParam("code")));
  }

  void departments(Context ctx) {
    ctx.json(reference.departments());
  }

  void regions(Context ctx) {
    ctx.json(reference.regions(ctx.queryParam("tier"), ctx.queryParam("level")));
  }

  void region(Context ctx) {
    ctx.json(reference.region(ctx.pathParam("code")));
  }

  void actuals(Context ctx) {
    ctx.json(series.actuals(ctx.pathParam("region"), ctx.pathParam("indicator"), ctx.queryParam("frequency")));
  }

  void storedForecast(Context ctx) {
    ctx.json(series.stored(ctx.pathParam("region"), ctx.pathParam("indicator"), ctx.queryParam("frequency")));
  }

  void onDemandForecast(Context ctx) {
    int horizon = Params.requiredInteger(ctx, "horizon", 1, 36);
    ctx.json(series.onDemand(ctx.pathParam("region"), ctx.pathParam("indicator"), horizon));
  }

  void backtests(Context ctx) {
    ctx.json(series.backtests(Lookup.oneOf("frequency", ctx.queryParam("frequency"), SeriesService.FREQUENCIES),
        ctx.queryParam("region"), ctx.queryParam("indicator")));
  }

  void risk(Context ctx) {
    ctx.json(performance.risk(ctx.queryParam("region"), ctx.queryParam("indicator"), Params.year(ctx, "year"),
        Params.number(ctx, "min_probability", 0, 1)));
  }

  void scorecards(Context ctx) {
    String scope = Lookup.oneOf("scope", ctx.queryParamAsClass("scope", String.class).getOrDefault("region"),
        PerformanceService.SCOPES);
    ctx.json(performance.scorecard(scope, Params.year(ctx, "year"), ctx.queryParam("tier")));
  }

  void scorecard(Context ctx) {
    String scope = Lookup.oneOf("scope", ctx.pathParam("scope"), PerformanceService.SCOPES);
    ctx.json(performance.entity(scope, ctx.pathParam("entity"), Params.year(ctx, "year")));
  }

  void rankings(Context ctx) {
    String scope = Lookup.oneOf("scope", ctx.queryParamAsClass("scope", String.class).getOrDefault("region"),
        PerformanceService.SCOPES);
    String indicator = ctx.queryParamAsClass("indicator", String.class).get();
    ctx.json(performance.ranking(scope, indicator, Params.year(ctx, "year")));
  }

  void findings(Context ctx) {
    ctx.json(quality.findings(Lookup.oneOf("severity", ctx.queryParam("severity"), QualityService.SEVERITIES),
        ctx.queryParam("kind"), ctx.queryParam("region"), ctx.queryParam("department"),
        ctx.queryParam("indicator")));
  }

  void finding(Context ctx) {
    ctx.json(quality.finding(ctx.pathParam("id")));
  }

  void sentiment(Context ctx) {
    ctx.json(quality.sentiment(ctx.queryParam("region"), ctx.queryParam("topic"), month(ctx, "from"),
        month(ctx, "to")));
  }

  void sensorAnomalies(Context ctx) {
    ctx.json(quality.sensorAnomalies(ctx.pathParam("sensor")));
  }

  void models(Context ctx) {
    ctx.json(models.models(Lookup.oneOf("kind", ctx.queryParam("kind"), ModelService.KINDS)));
  }

  void modelVersions(Context ctx) {
    ctx.json(models.versions(ctx.pathParam("name")));
  }

  void modelVersion(Context ctx) {
    int version = ctx.pathParamAsClass("version", Integer.class).check(v -> v >= 1, "must be 1 or more").get();
    ctx.json(models.version(ctx.pathParam("name"), version));
  }

  private static String month(Context ctx, String name) {
    return ctx.queryParamAsClass(name, String.class).allowNullable()
        .check(v -> v == null || v.matches("\\d{4}-(0[1-9]|1[0-2])"), "must be a month such as 2025-07").get();
  }
}
