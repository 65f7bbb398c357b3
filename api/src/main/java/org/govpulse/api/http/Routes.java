package org.govpulse.api.http;

import static org.govpulse.api.http.Access.ADMIN;
import static org.govpulse.api.http.Access.ANALYST;
import static org.govpulse.api.http.Access.PUBLIC;
import static org.govpulse.api.http.Access.VIEWER;
import static org.govpulse.api.http.Schemas.array;
import static org.govpulse.api.http.Schemas.integer;
import static org.govpulse.api.http.Schemas.list;
import static org.govpulse.api.http.Schemas.number;
import static org.govpulse.api.http.Schemas.object;
import static org.govpulse.api.http.Schemas.oneOf;
import static org.govpulse.api.http.Schemas.row;
import static org.govpulse.api.http.Schemas.someOf;
import static org.govpulse.api.http.Schemas.string;

import java.util.List;
import java.util.Map;
import org.govpulse.api.service.ModelService;
import org.govpulse.api.service.PerformanceService;
import org.govpulse.api.service.QualityService;
import org.govpulse.api.service.Role;
import org.govpulse.api.service.SeriesService;
import org.govpulse.api.service.WarningFilter;
import org.govpulse.api.service.WarningService;
import org.govpulse.core.table.ForecastTables;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.ModelTables;
import org.govpulse.core.table.WarningTables;

/** Every route of the API in one table: what is served, who may call it, and how OpenAPI describes it. */
final class Routes {
  private Routes() {}

  static List<Route> table(DataHandlers d, WarningHandlers w, SystemHandlers s) {
    String v1 = "/api/v1";
    Map<String, Object> series = object("region_code", string(), "indicator_code", string(), "frequency", string(),
        "unit", string(), "panel_version", integer(), "points", array(row(GoldTables.INDICATOR_PANEL)));
    Map<String, Object> step = object("horizon_step", integer(), "period", string(), "point", number(),
        "lower_80", number(), "upper_80", number(), "lower_95", number(), "upper_95", number());
    Map<String, Object> warning = object("warning", row(WarningTables.WARNINGS),
        "history", array(row(WarningTables.WARNING_EVENTS)));
    Map<String, Object> comment = object("comment", string());
    return List.of(
        Route.get("/", PUBLIC, s::home).summary("Redirects to the dashboard"),
        Route.get("/docs", PUBLIC, s::docs).summary("The API description as a browsable page"),
        Route.get("/openapi.json", PUBLIC, s::openApi).summary("The OpenAPI 3 description"),
        Route.get("/health/live", PUBLIC, s::live).summary("Liveness: the process answers"),
        Route.get("/health/ready", PUBLIC, s::ready).summary("Readiness with the Delta version of every table"),
        Route.get("/metrics", PUBLIC, s::metrics).summary("Prometheus metrics"),

        Route.get(v1 + "/me", VIEWER, s::me).tag("keys").summary("The calling key's id, role and label")
            .returns(object("key_id", string(), "role", string(), "label", string())),
        Route.get(v1 + "/indicators", VIEWER, d::indicators).cached().tag("catalogue")
            .summary("The indicator catalogue")
            .query("category", "Only this category (economic, social, environmental, ...)")
            .query("department", "Only indicators of this department code")
            .returns(list(row(IngestTables.INDICATORS), "version", integer())),
        Route.get(v1 + "/indicators/{code}", VIEWER, d::indicator).cached().tag("catalogue").summary("One indicator")
            .path("code", "Indicator code").returns(row(IngestTables.INDICATORS)),
        Route.get(v1 + "/departments", VIEWER, d::departments).cached().tag("catalogue").summary("The departments")
            .returns(list(row(IngestTables.DEPARTMENTS))),
        Route.get(v1 + "/regions", VIEWER, d::regions).cached().tag("catalogue").summary("Regions with their tiers")
            .query("tier", "Only this tier (T1, T2, T3)").query("level", "city, district or county")
            .returns(list(row(IngestTables.REGIONS))),
        Route.get(v1 + "/regions/{code}", VIEWER, d::region).cached().tag("catalogue")
            .summary("One region with its tier")
            .path("code", "Region code").returns(row(IngestTables.REGIONS)),

        Route.get(v1 + "/series/{region}/{indicator}", VIEWER, d::actuals).cached().tag("series")
            .summary("A series' actual values from the indicator panel")
            .path("region", "Region code").path("indicator", "Indicator code")
            .query("frequency", oneOf(SeriesService.FREQUENCIES),
                "Frequency of the values; default: the indicator's own")
            .returns(series),
        Route.get(v1 + "/forecasts/{region}/{indicator}", VIEWER, d::storedForecast).cached().tag("series")
            .summary("The stored forecast of a series with 80% and 95% intervals and its backtest")
            .path("region", "Region code").path("indicator", "Indicator code")
            .query("frequency", oneOf(SeriesService.FREQUENCIES), "Default: the indicator's own")
            .returns(object("region_code", string(), "indicator_code", string(), "frequency", string(),
                "origin_period", string(), "method", string(), "model_version", string(),
                "training_data_version", integer(), "backtest", row(ForecastTables.BACKTESTS),
                "steps", array(row(ForecastTables.FORECASTS)))),
        Route.get(v1 + "/forecasts/{region}/{indicator}/on-demand", ANALYST, d::onDemandForecast).cached().tag("series")
            .summary("A forecast made now for the requested horizon")
            .description("The forecasting engine's statistical candidates, combination rule chosen out of sample "
                + "and split-conformal intervals, on the series as served; plus the point forecasts of the "
                + "registry's production global forecasters trained for this frequency and at least this horizon. "
                + "Cached per panel and registry version.")
            .path("region", "Region code").path("indicator", "Indicator code")
            .requiredQuery("horizon", integer(1, 36), "Steps ahead: up to 36 months, 12 quarters or 3 years")
            .returns(object("horizon", integer(), "origin_period", string(), "method", string(),
                "weights", Map.of("type", "object", "additionalProperties", number()),
                "accuracy", object("smape", number(), "mase", number(), "coverage_80", number(),
                    "coverage_95", number(), "origins", integer()),
                "steps", array(step), "registered_models", array(object("model_version", string(),
                    "method", string(), "steps", array(step))))),
        Route.get(v1 + "/backtests", ANALYST, d::backtests).cached().tag("series")
            .summary("Rolling-origin backtest accuracy and interval coverage of every stored forecast")
            .query("frequency", oneOf(SeriesService.FREQUENCIES), "Only this frequency")
            .query("region", "Region code").query("indicator", "Indicator code")
            .returns(list(row(ForecastTables.BACKTESTS), "version", integer())),
        Route.get(v1 + "/risk", ANALYST, d::risk).cached().tag("performance")
            .summary("Probability of missing each annual target, most likely misses first")
            .query("region", "Region code").query("indicator", "Indicator code")
            .query("year", "Target year, e.g. 2026")
            .query("min_probability", number(), "Only risks at least this probable (0-1)")
            .returns(list(row(ForecastTables.TARGET_RISK), "version", integer())),
        Route.get(v1 + "/scorecards", VIEWER, d::scorecards).cached().tag("performance")
            .summary("Composite scores of one scope and year by rank, with tiers")
            .query("scope", oneOf(PerformanceService.SCOPES), "region (default) or department")
            .query("year", "Year; default the latest").query("tier", "Only this tier")
            .returns(list(row(GoldTables.SCORECARD), "scope", string(), "period", string(),
                "tiers", array(string()))),
        Route.get(v1 + "/scorecards/{scope}/{entity}", VIEWER, d::scorecard).cached().tag("performance")
            .summary("One entity's scores over the years and what each indicator contributed")
            .path("scope", "region or department").path("entity", "Region or department code")
            .query("year", "Year of the contributions; default the latest")
            .returns(object("score", row(GoldTables.SCORECARD), "history", array(row(GoldTables.SCORECARD)),
                "contributions", array(row(GoldTables.SCORE_CONTRIBUTIONS)))),
        Route.get(v1 + "/rankings", VIEWER, d::rankings).cached().tag("performance")
            .summary("Entities ranked on one indicator (normalised 0-100, 100 best)")
            .requiredQuery("indicator", string(), "Indicator code")
            .query("scope", oneOf(PerformanceService.SCOPES), "region (default) or department")
            .query("year", "Year; default the latest")
            .returns(list(object("entity_code", string(), "value", number(), "normalised", number(),
                "rank", integer()), "indicator_code", string(), "period", string())),

        Route.get(v1 + "/findings", VIEWER, d::findings).cached().tag("quality")
            .summary("Data-quality findings of the audit, most severe first")
            .query("severity", oneOf(QualityService.SEVERITIES), "Only this severity")
            .query("kind", "Only this finding kind").query("region", "Region code")
            .query("department", "Department code").query("indicator", "Indicator code")
            .returns(list(row(GoldTables.QUALITY_FINDINGS), "version", integer())),
        Route.get(v1 + "/findings/{id}", VIEWER, d::finding).cached().tag("quality").summary("One finding")
            .path("id", "Finding id").returns(row(GoldTables.QUALITY_FINDINGS)),
        Route.get(v1 + "/sentiment", VIEWER, d::sentiment).cached().tag("quality")
            .summary("Monthly public sentiment per region and topic")
            .query("region", "Region code ('*' for posts without one)").query("topic", "Topic or '*'")
            .query("from", "First month, e.g. 2025-01").query("to", "Last month")
            .returns(list(row(GoldTables.SENTIMENT_MONTHLY), "version", integer())),
        Route.get(v1 + "/sensors/{sensor}/anomalies", VIEWER, d::sensorAnomalies).cached().tag("quality")
            .summary("Faults found on one sensor, latest first").path("sensor", "Sensor id")
            .returns(list(row(GoldTables.SENSOR_ANOMALIES), "sensor_id", string())),

        Route.get(v1 + "/models", ANALYST, d::models).cached().tag("models")
            .summary("The latest version of each registered model with its production version")
            .query("kind", oneOf(ModelService.KINDS), "Only this model kind")
            .returns(list(row(ModelTables.MODELS), "version", integer())),
        Route.get(v1 + "/models/{name}", ANALYST, d::modelVersions).cached().tag("models")
            .summary("Every version of a model, newest first, with provenance and metrics")
            .path("name", "Model name").returns(list(row(ModelTables.MODELS), "model_name", string())),
        Route.get(v1 + "/models/{name}/versions/{version}", ANALYST, d::modelVersion).cached().tag("models")
            .summary("One model version").path("name", "Model name").path("version", "Version number")
            .returns(row(ModelTables.MODELS)),

        Route.get(v1 + "/warnings", VIEWER, w::feed).cached().tag("warnings")
            .summary("The warnings, latest change first, filtered, a page at a time")
            .description("Pass next_cursor as cursor to get the next page; for incremental sync, use since.")
            .query("level", someOf(WarningFilter.LEVELS), "Levels to include")
            .query("region", "Region code").query("department", "Department code")
            .query("status", someOf(WarningFilter.STATUSES), "Statuses to include")
            .query("kind", someOf(WarningFilter.KINDS), "Kinds to include")
            .query("since", "Only warnings changed at or after this ISO-8601 time or date")
            .query("cursor", "next_cursor of the previous page")
            .query("limit", integer(1, WarningService.MAX_LIMIT), "Page size (default 50)")
            .returns(list(row(WarningTables.WARNINGS), "next_cursor", string(), "last_sequence", integer())),
        Route.get(v1 + "/warnings/stream", VIEWER, w::stream).tag("warnings")
            .summary("Live warning events (Server-Sent Events), resumable with Last-Event-ID")
            .description("Each event's id is its gold.warning_events sequence and its name the event type; data "
                + "is the event with a summary of its warning. Reconnect with the Last-Event-ID header (browsers "
                + "do it by themselves) or last_event_id to get exactly the events missed. Same filters as the feed.")
            .header("Last-Event-ID", "The last sequence seen")
            .query("last_event_id", integer(), "The last sequence seen, for a first connection")
            .query("level", someOf(WarningFilter.LEVELS), "Levels to include")
            .query("region", "Region code").query("department", "Department code")
            .query("status", someOf(WarningFilter.STATUSES), "Statuses to include")
            .query("kind", someOf(WarningFilter.KINDS), "Kinds to include")
            .returns("text/event-stream", string()),
        Route.get(v1 + "/warnings/feed.atom", VIEWER, w::atom).tag("warnings")
            .summary("The warnings as an Atom feed").query("lang", oneOf(List.of("zh", "en")), "Default zh")
            .query("level", someOf(WarningFilter.LEVELS), "Levels to include")
            .query("region", "Region code").query("department", "Department code")
            .query("status", someOf(WarningFilter.STATUSES), "Statuses to include")
            .query("limit", integer(1, WarningService.MAX_LIMIT), "Entries (default 50)")
            .returns("application/atom+xml", string()),
        Route.get(v1 + "/warnings/export.csv", VIEWER, w::csv).tag("warnings")
            .summary("The warnings as CSV (UTF-8 with a byte-order mark, for Excel)")
            .query("level", someOf(WarningFilter.LEVELS), "Levels to include")
            .query("region", "Region code").query("department", "Department code")
            .query("status", someOf(WarningFilter.STATUSES), "Statuses to include")
            .query("since", "Only warnings changed at or after this time")
            .returns("text/csv", string()),
        Route.get(v1 + "/warnings/{id}", VIEWER, w::warning).cached().tag("warnings")
            .summary("One warning with its history (pending actions included)").path("id", "Warning id")
            .returns(warning),
        Route.post(v1 + "/warnings/{id}/acknowledge", ADMIN, w::acknowledge).tag("warnings")
            .summary("Acknowledge an open warning, with a comment").path("id", "Warning id").body(comment)
            .returns(warning),
        Route.post(v1 + "/warnings/{id}/resolve", ADMIN, w::resolve).tag("warnings")
            .summary("Resolve a warning, with a comment").path("id", "Warning id").body(comment)
            .returns(warning),

        Route.get(v1 + "/keys", ADMIN, s::listKeys).tag("keys").summary("The valid API keys (no secrets)")
            .returns(list(object("key_id", string(), "role", string(), "label", string(),
                "rate_limit_per_minute", integer(), "created_at", string()))),
        Route.post(v1 + "/keys", ADMIN, s::createKey).tag("keys").summary("Create a key; it is shown once")
            .status(201).body(object("role", oneOf(List.of(Role.VIEWER.code(), Role.ANALYST.code(),
                Role.ADMIN.code())), "label", string(), "rate_limit_per_minute", integer()))
            .returns(object("key_id", string(), "key", string(), "role", string(), "label", string())),
        Route.delete(v1 + "/keys/{id}", ADMIN, s::revokeKey).tag("keys").summary("Revoke a key")
            .path("id", "Key id").returns(object("key_id", string(), "revoked", Schemas.bool())),
        Route.post(v1 + "/admin/reload", ADMIN, s::reload).tag("admin")
            .summary("Look for new table versions now")
            .returns(object("changed", array(string()), "versions", Map.of("type", "object"))),
        Route.get(v1 + "/admin/webhooks", ADMIN, s::webhooks).tag("admin")
            .summary("Webhook receivers and their deliveries")
            .returns(list(object("url", string(), "delivered", integer(), "failed", integer(),
                "retries", integer(), "pending", integer(), "last_error", string()))));
  }
}
