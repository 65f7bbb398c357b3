package org.govpulse.api;

import static org.govpulse.core.table.Col.*;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govpulse.api.delta.KernelWarehouse;
import org.govpulse.core.table.ColumnSpec;
import org.govpulse.core.table.ForecastTables;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.ModelTables;
import org.govpulse.core.table.TableContract;
import org.govpulse.core.table.WarningTables;
import org.govpulse.core.time.Frequency;
import org.govpulse.core.time.Period;

/**
 * A small deterministic warehouse written with Delta Kernel, for the API's tests and its benchmark: a city with
 * three districts, three indicators, a monthly and a quarterly series with a stored forecast, scorecards, findings,
 * monthly sentiment, a model registry of two names, and six warnings with their events. Written in well under a
 * second, no Spark.
 */
public final class FixtureWarehouse {
  public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  public final Path root;
  public final KernelWarehouse kernel;

  private FixtureWarehouse(Path root) {
    this.root = root;
    this.kernel = new KernelWarehouse(root.toString());
  }

  /** An empty warehouse at a folder. */
  public static FixtureWarehouse empty(Path root) {
    return new FixtureWarehouse(root);
  }

  /** The fixture warehouse. */
  public static FixtureWarehouse create(Path root) {
    FixtureWarehouse w = new FixtureWarehouse(root);
    w.reference();
    w.panel();
    w.gold();
    w.models();
    w.warnings();
    return w;
  }

  /** A row of a table from column, value pairs; columns left out are null. */
  public static Object[] row(TableContract t, Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    List<ColumnSpec> cols = t.columns();
    Object[] out = new Object[cols.size()];
    for (int i = 0; i < cols.size(); i++) {
      out[i] = m.remove(cols.get(i).name());
    }
    if (!m.isEmpty()) {
      throw new IllegalArgumentException(t + " has no columns " + m.keySet());
    }
    return out;
  }

  public long append(TableContract t, Object[]... rows) {
    return kernel.append(t, List.of(rows));
  }

  private void reference() {
    append(IngestTables.REGIONS,
        row(IngestTables.REGIONS, REGION_CODE, "JZ", NAME_ZH, "江州市", NAME_EN, "Jiangzhou City", LEVEL, "city",
            ALIASES, List.of("江州")),
        row(IngestTables.REGIONS, REGION_CODE, "JZ01", NAME_ZH, "江城区", NAME_EN, "Jiangcheng District",
            PARENT_CODE, "JZ", LEVEL, "district", POPULATION, 1.4e6, ALIASES, List.of()),
        row(IngestTables.REGIONS, REGION_CODE, "JZ02", NAME_ZH, "东湖区", NAME_EN, "Donghu District",
            PARENT_CODE, "JZ", LEVEL, "district", ALIASES, List.of()),
        row(IngestTables.REGIONS, REGION_CODE, "JZ03", NAME_ZH, "桃源县", NAME_EN, "Taoyuan County",
            PARENT_CODE, "JZ", LEVEL, "county", ALIASES, List.of()));
    append(IngestTables.DEPARTMENTS,
        row(IngestTables.DEPARTMENTS, DEPT_CODE, "STAT", NAME_ZH, "统计局", NAME_EN, "Statistics Bureau"),
        row(IngestTables.DEPARTMENTS, DEPT_CODE, "EEB", NAME_ZH, "生态环境局", NAME_EN, "Ecology Bureau"));
    append(IngestTables.INDICATORS,
        indicator("GDP", "地区生产总值", "GDP", "STAT", "亿元", "higher_better", "quarterly", "economic", "sum"),
        indicator("WAIT_DAYS", "办事等待天数", "Waiting days", "STAT", "天", "lower_better", "monthly",
            "public_service", "mean"),
        indicator("AQ_GOOD", "空气质量优良天数比例", "Good air days", "EEB", "%", "higher_better", "monthly",
            "environmental", "ratio"));
    append(GoldTables.REGION_TIERS,
        tier("JZ01", "T1", 1.2, 1), tier("JZ02", "T2", 0.1, 2), tier("JZ03", "T3", -1.3, 3));
  }

  private static Object[] indicator(String code, String zh, String en, String dept, String unit, String polarity,
      String frequency, String category, String aggregation) {
    return row(IngestTables.INDICATORS, INDICATOR_CODE, code, NAME_ZH, zh, NAME_EN, en, DEPT_CODE, dept, UNIT, unit,
        POLARITY, polarity, FREQUENCY, frequency, CATEGORY, category, AGGREGATION, aggregation, WEIGHT, 0.1,
        SOURCE, "report", ALIASES, List.of());
  }

  private static Object[] tier(String region, String tier, double index, int rank) {
    return row(GoldTables.REGION_TIERS, REGION_CODE, region, TIER, tier, DEVELOPMENT_INDEX, index,
        ATTRIBUTE_SCORES, Map.of("gdp_per_capita", index), RANK, rank, PEERS, List.of(), METHOD, "terciles");
  }

  /** The monthly waiting days of JZ01 from 2023-01, 36 values with a season and a slow decline. */
  public static double waitingDays(int i) {
    return 12 - 0.05 * i + 1.5 * Math.sin(2 * Math.PI * i / 12);
  }

  private void panel() {
    List<Object[]> rows = new ArrayList<>();
    Period start = Period.month(2023, 1);
    for (int i = 0; i < 36; i++) {
      Period p = start.plus(i);
      rows.add(panelRow("JZ01", "WAIT_DAYS", p, waitingDays(i), "天"));
    }
    Period q = Period.quarter(2021, 1);
    for (int i = 0; i < 20; i++) {
      rows.add(panelRow("JZ01", "GDP", q.plus(i), 400 + 10 * i + (i % 4 == 3 ? 60 : 0), "亿元"));
    }
    for (int i = 0; i < 3; i++) {
      rows.add(panelRow("JZ02", "WAIT_DAYS", start.plus(i), 10 + i, "天"));
    }
    kernel.append(GoldTables.INDICATOR_PANEL, rows);
  }

  private static Object[] panelRow(String region, String indicator, Period p, double value, String unit) {
    return row(GoldTables.INDICATOR_PANEL, REGION_CODE, region, INDICATOR_CODE, indicator, PERIOD, p.toString(),
        FREQUENCY, p.frequency().code(), PERIOD_START, p.start(), VALUE, value, UNIT, unit, SOURCE, "report",
        DERIVATION, "reported", DEFINITION_VERSION, 1, SERIES_BREAK, false, COMPLETE, true, REVISION_COUNT, 1,
        QUALITY_FLAGS, List.of());
  }

  private void gold() {
    List<Object[]> forecasts = new ArrayList<>();
    Period origin = Period.month(2025, 12);
    for (int s = 1; s <= 12; s++) {
      double point = waitingDays(35 + s);
      forecasts.add(row(ForecastTables.FORECASTS, REGION_CODE, "JZ01", INDICATOR_CODE, "WAIT_DAYS", FREQUENCY,
          Frequency.MONTHLY.code(), ORIGIN_PERIOD, origin.toString(), HORIZON_STEP, s, PERIOD,
          origin.plus(s).toString(), POINT, point, LOWER_80, point - 1, UPPER_80, point + 1, LOWER_95, point - 2,
          UPPER_95, point + 2, METHOD, "EQUAL(SES,DAMPED,THETA)", MODEL_VERSION, "govpulse-forecast 1.0",
          TRAINING_DATA_VERSION, 0L, CREATED_AT, T0));
    }
    kernel.append(ForecastTables.FORECASTS, forecasts);
    append(ForecastTables.BACKTESTS, row(ForecastTables.BACKTESTS, REGION_CODE, "JZ01", INDICATOR_CODE, "WAIT_DAYS",
        FREQUENCY, "monthly", METHOD, "EQUAL(SES,DAMPED,THETA)", ORIGINS, 18, SMAPE, 4.2, MASE, 0.8,
        MODEL_VERSION, "govpulse-forecast 1.0"));
    append(ForecastTables.TARGET_RISK,
        risk("JZ01", "WAIT_DAYS", 0.93), risk("JZ02", "GDP", 0.61), risk("JZ03", "GDP", 0.12));
    append(GoldTables.SCORECARD,
        score("JZ01", "T1", 81.5, 1), score("JZ02", "T2", 64.0, 2), score("JZ03", "T3", 40.2, 3),
        row(GoldTables.SCORECARD, SCOPE, "region", ENTITY_CODE, "JZ01", PERIOD, "2024", TIER, "T1", SCORE, 78.0,
            RANK, 1, RANK_IN_TIER, 1, RANK_P05, 1, RANK_P95, 2, INDICATORS_USED, 3));
    append(GoldTables.SCORE_CONTRIBUTIONS,
        contribution("JZ01", "GDP", 900, 100), contribution("JZ02", "GDP", 700, 60),
        contribution("JZ03", "GDP", 300, 0), contribution("JZ01", "WAIT_DAYS", 9, 80),
        contribution("JZ02", "WAIT_DAYS", 9, 80), contribution("JZ03", "WAIT_DAYS", 12, 20));
    append(GoldTables.QUALITY_FINDINGS,
        finding("f-1", "digit_preference", "high", "JZ02", "AQ_GOOD"),
        finding("f-2", "late_reporting", "low", "JZ01", "GDP"),
        finding("f-3", "suspicious_revision", "medium", "JZ03", "GDP"));
    append(GoldTables.SENTIMENT_MONTHLY,
        sentiment("JZ03", "transport", "2026-01", 40, -0.4, 24, 3.1),
        sentiment("JZ03", "transport", "2025-12", 30, 0.1, 6, 0.2),
        sentiment("JZ01", "housing", "2026-01", 25, -0.1, 10, 1.0),
        sentiment("*", "transport", "2026-01", 12, 0.3, 2, -0.5));
    append(GoldTables.SENSOR_ANOMALIES, row(GoldTables.SENSOR_ANOMALIES, SENSOR_ID, "AQ-JZ01-1", REGION_CODE, "JZ01",
        METRIC, "pm25", KIND, "stuck", START_TS, Instant.parse("2026-02-01T00:00:00Z"),
        END_TS, Instant.parse("2026-02-02T00:00:00Z"), SEVERITY, "medium", STATISTIC, 24.0,
        DETAIL, "pm25 stuck at 35 for 24 hours"));
  }

  private static Object[] sentiment(String region, String topic, String month, long posts, double mean,
      long negative, double surgeZ) {
    return row(GoldTables.SENTIMENT_MONTHLY, REGION_CODE, region, TOPIC, topic, PERIOD, month, POSTS_COUNT, posts,
        MEAN_SENTIMENT, mean, SHARE_NEGATIVE, (double) negative / posts, NEGATIVE_POSTS, negative, SURGE_Z, surgeZ,
        NEGATIVE_SURGE, surgeZ >= 3);
  }

  /**
   * The registry: risk_classifier v1 (archived), v2 (production) and v3 (candidate); sentiment v1 (production) with
   * provenance that is not JSON, as an old registry entry may have.
   */
  private void models() {
    append(ModelTables.MODELS,
        model("risk_classifier", 1, "risk_classifier", "archived", 0.71, T0.minusSeconds(3 * 86400)),
        model("risk_classifier", 2, "risk_classifier", "production", 0.78, T0.minusSeconds(2 * 86400)),
        model("risk_classifier", 3, "risk_classifier", "candidate", 0.74, T0.minusSeconds(86400)),
        model("sentiment", 1, "text_classifier", "production", 0.86, T0.minusSeconds(5 * 86400)));
  }

  private static Object[] model(String name, int version, String kind, String stage, double accuracy,
      Instant created) {
    String provenance = "sentiment".equals(name) ? "LinearSGDModel trained on posts.csv"
        : "{\"class-name\":\"org.tribuo.classification.sgd.linear.LinearSGDModel\",\"trainer\":{\"seed\":"
            + (1000 + version) + ",\"epochs\":5},\"dataset\":{\"num-examples\":" + (400 * version) + "}}";
    return row(ModelTables.MODELS, MODEL_NAME, name, VERSION, version, MODEL_KIND, kind, STAGE, stage,
        ARTIFACT_PATH, "file:/models/" + name + "/v" + version + "/model.tribuo", FINGERPRINT,
        String.format(java.util.Locale.ROOT, "%064x", version * 31L + name.length()), PROVENANCE, provenance,
        METRICS, Map.of("accuracy", accuracy, "macro_f1", accuracy - 0.05),
        EVALUATION, "{\"confusion\":[[" + (int) (accuracy * 100) + ",5],[7,40]]}",
        TRAINING_TABLES, "sentiment".equals(name) ? Map.of() : Map.of("gold.indicator_panel", (long) version),
        CREATED_AT, created, PROMOTED_AT, "candidate".equals(stage) ? null : created.plusSeconds(600),
        NOTE, "fixture " + name + ":v" + version);
  }

  private static Object[] risk(String region, String indicator, double p) {
    return row(ForecastTables.TARGET_RISK, REGION_CODE, region, INDICATOR_CODE, indicator, PERIOD, "2026",
        TARGET_VALUE, 10.0, EXPECTED_VALUE, 11.0, PROBABILITY_MISS, p, DISTRIBUTION_PROBABILITY, p, NAIVE_MISS, p > 0.5,
        DRIVERS, List.of("the pace is short"), DRIVERS_ZH, List.of("进度落后"), MODEL_VERSIONS,
        List.of("govpulse-forecast 1.0"), CREATED_AT, T0);
  }

  private static Object[] score(String region, String tier, double score, int rank) {
    return row(GoldTables.SCORECARD, SCOPE, "region", ENTITY_CODE, region, PERIOD, "2025", TIER, tier, SCORE, score,
        RANK, rank, RANK_IN_TIER, 1, RANK_P05, rank, RANK_P95, rank + 1, INDICATORS_USED, 3);
  }

  private static Object[] contribution(String region, String indicator, double value, double normalised) {
    return row(GoldTables.SCORE_CONTRIBUTIONS, SCOPE, "region", ENTITY_CODE, region, PERIOD, "2025",
        INDICATOR_CODE, indicator, VALUE, value, NORMALISED, normalised, WEIGHT, 0.5, CONTRIBUTION, normalised * 0.5);
  }

  private static Object[] finding(String id, String kind, String severity, String region, String indicator) {
    return row(GoldTables.QUALITY_FINDINGS, FINDING_ID, id, KIND, kind, SEVERITY, severity, DEPT_CODE, "STAT",
        REGION_CODE, region, INDICATOR_CODE, indicator, PERIOD_FROM, "2025-01", PERIOD_TO, "2025-12",
        STATISTIC, 3.2, EVIDENCE, "last digits 0 and 5 in 61% of values", DETECTED_AT, T0);
  }

  /** Six warnings: w1 to w6, and events 1 to 8. */
  private void warnings() {
    append(WarningTables.WARNINGS,
        warning("w-1", "JZ01", "WAIT_DAYS", "STAT", "target_risk", "red", "open", T0),
        warning("w-2", "JZ02", "AQ_GOOD", "EEB", "data_quality", "orange", "open", T0.minusSeconds(3600)),
        warning("w-3", "JZ03", "GDP", "STAT", "target_risk", "yellow", "acknowledged", Instant.parse(
            "2026-02-20T08:00:00Z")),
        warning("w-4", "JZ01", "AQ_GOOD", "EEB", "sensor_anomaly", "blue", "resolved", Instant.parse(
            "2026-02-10T08:00:00Z")),
        warning("w-5", "JZ02", "GDP", "STAT", "target_risk", "red", "open", T0),
        warning("w-6", "JZ03", null, "EEB", "sentiment_surge", "yellow", "open", Instant.parse(
            "2026-01-15T08:00:00Z")));
    append(WarningTables.WARNING_EVENTS,
        event(1, "w-6", "raised", "yellow", "open", Instant.parse("2026-01-15T08:00:00Z"), "system", null),
        event(2, "w-4", "raised", "blue", "open", Instant.parse("2026-02-01T08:00:00Z"), "system", null),
        event(3, "w-3", "raised", "yellow", "open", Instant.parse("2026-02-01T08:00:00Z"), "system", null),
        event(4, "w-4", "auto_resolved", "blue", "resolved", Instant.parse("2026-02-10T08:00:00Z"), "system", null),
        event(5, "w-3", "acknowledged", "yellow", "acknowledged", Instant.parse("2026-02-20T08:00:00Z"),
            "key:0000000000000001", "checking with the bureau"),
        event(6, "w-2", "raised", "orange", "open", T0.minusSeconds(3600), "system", null),
        event(7, "w-1", "raised", "red", "open", T0, "system", null),
        event(8, "w-5", "raised", "red", "open", T0, "system", null));
  }

  public static Object[] warning(String id, String region, String indicator, String dept, String kind, String level,
      String status, Instant updated) {
    Map<String, String> evidence = new LinkedHashMap<>();
    if (indicator != null) {
      evidence.put("series", "/api/v1/series/" + region + "/" + indicator);
      evidence.put("forecast", "/api/v1/forecasts/" + region + "/" + indicator);
      evidence.put("risk", "/api/v1/risk?region=" + region + "&indicator=" + indicator);
      evidence.put("findings", "/api/v1/findings?region=" + region + "&indicator=" + indicator);
    }
    return row(WarningTables.WARNINGS, WARNING_ID, id, REGION_CODE, region, INDICATOR_CODE, indicator, DEPT_CODE, dept,
        KIND, kind, PERIOD, "2026", WARNING_LEVEL, level, STATUS, status, PROBABILITY, 0.9, IMPORTANCE, 0.5,
        TITLE_ZH, "江州" + region + "预警" + id, TITLE_EN, "Warning " + id + " in " + region,
        EXPLANATION_ZH, "预警：" + id + "，需要关注, 包括逗号和\"引号\"", EXPLANATION_EN, "warning " + id,
        DRIVERS, List.of("pace"), CAVEATS, List.of(), EVIDENCE, evidence, MODEL_VERSIONS, List.of("m:v1"),
        FIRST_RAISED_AT, updated.minusSeconds(86400), UPDATED_AT, updated,
        RESOLVED_AT, "resolved".equals(status) ? updated : null, RESOLVED_BY, "resolved".equals(status) ? "system" : null);
  }

  public static Object[] event(long seq, String warningId, String type, String level, String status, Instant at,
      String actor, String comment) {
    return row(WarningTables.WARNING_EVENTS, EVENT_ID, "e-" + seq, SEQUENCE, seq, WARNING_ID, warningId,
        EVENT_TYPE, type, WARNING_LEVEL, level, STATUS, status, AT, at, ACTOR, actor, COMMENT, comment,
        RUN_ID, "system".equals(actor) ? "run-1" : null);
  }

}
