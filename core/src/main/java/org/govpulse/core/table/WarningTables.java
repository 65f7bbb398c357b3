package org.govpulse.core.table;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.govpulse.core.table.Col.*;

import java.util.List;

/** Contracts of the early-warning tables: the current warnings, their history, and actions taken in the API. */
public final class WarningTables {
  private WarningTables() {}

  public static final TableContract WARNINGS = TableContract.builder("gold", "warnings").producedBy("warn")
      .description("One row per warning condition (region, indicator, kind, period) with its current level and "
          + "lifecycle status, and an explanation in Chinese and English.")
      .required(WARNING_ID, StringType, "Stable id of the condition: hash of region, indicator, kind and period.")
      .required(REGION_CODE, StringType, "Region.")
      .optional(INDICATOR_CODE, StringType, "Indicator, when the warning is about one.")
      .optional(DEPT_CODE, StringType, "Department responsible.")
      .required(KIND, StringType, "target_risk, data_quality, sentiment_surge or sensor_anomaly.")
      .required(PERIOD, StringType, "Period concerned (target year, month of a surge...).")
      .required(WARNING_LEVEL, StringType, "blue, yellow, orange or red (蓝/黄/橙/红), increasing severity.")
      .required(STATUS, StringType, "open, acknowledged or resolved.")
      .optional(PROBABILITY, DoubleType, "Probability behind the warning (target risk), 0-1.")
      .required(IMPORTANCE, DoubleType, "Importance of the indicator or condition, 0-1.")
      .required(TITLE_ZH, StringType, "Short title in Chinese.")
      .required(TITLE_EN, StringType, "Short title in English.")
      .required(EXPLANATION_ZH, StringType, "What, how sure, the main drivers and caveats, in Chinese.")
      .required(EXPLANATION_EN, StringType, "The same in English.")
      .required(DRIVERS, createArrayType(StringType), "Main drivers, most important first.")
      .required(CAVEATS, createArrayType(StringType), "Data-quality caveats.")
      .required(EVIDENCE, createMapType(StringType, StringType),
          "Links to the evidence: series, forecast, findings (API paths).")
      .required(MODEL_VERSIONS, createArrayType(StringType), "Model versions that produced it.")
      .required(FIRST_RAISED_AT, TimestampType, "When the condition was first raised (UTC).")
      .required(UPDATED_AT, TimestampType, "Last change of level or status (UTC).")
      .optional(RESOLVED_AT, TimestampType, "When it was resolved (UTC).")
      .optional(RESOLVED_BY, StringType, "system (the condition cleared) or person (resolved through the API).")
      .key(WARNING_ID)
      .build();

  public static final TableContract WARNING_EVENTS = TableContract.builder("gold", "warning_events").producedBy("warn")
      .description("Append-only history of every warning: raised, escalated, de-escalated, acknowledged, resolved, "
          + "resolved by itself, reopened.")
      .required(EVENT_ID, StringType, "Unique event id.")
      .required(SEQUENCE, LongType, "Increasing number across all events (the SSE event id).")
      .required(WARNING_ID, StringType, "Warning.")
      .required(EVENT_TYPE, StringType, "raised, escalated, deescalated, acknowledged, resolved, auto_resolved, "
          + "reopened.")
      .required(WARNING_LEVEL, StringType, "Level after the event.")
      .required(STATUS, StringType, "Status after the event.")
      .required(AT, TimestampType, "When (UTC).")
      .required(ACTOR, StringType, "system, or the API key id that acted.")
      .optional(COMMENT, StringType, "Comment given with an acknowledgement or resolution.")
      .optional(RUN_ID, StringType, "Warn run that produced it (system events).")
      .key(EVENT_ID)
      .build();

  public static final TableContract WARNING_ACTIONS = TableContract.builder("meta", "warning_actions").producedBy("api")
      .description("Acknowledgements and resolutions made through the API, appended by the API and folded into "
          + "the warnings by the next warn run.")
      .required(EVENT_ID, StringType, "Unique id of the action.")
      .required(WARNING_ID, StringType, "Warning.")
      .required(EVENT_TYPE, StringType, "acknowledged or resolved.")
      .required(AT, TimestampType, "When (UTC).")
      .required(ACTOR, StringType, "API key id.")
      .optional(COMMENT, StringType, "Comment.")
      .key(EVENT_ID)
      .build();

  /** Every warning table. */
  public static List<TableContract> all() {
    return List.of(WARNINGS, WARNING_EVENTS, WARNING_ACTIONS);
  }
}
