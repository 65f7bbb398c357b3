package org.govpulse.core.table;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.govpulse.core.table.Col.*;

import java.util.List;

/** Contracts of the tables written by {@code govpulse ingest}: bronze, silver, quarantine and the runs log. */
public final class IngestTables {
  private IngestTables() {}

  private static final String INGEST = "ingest";

  private static TableContract.Builder bronze(String name, String what) {
    return TableContract.builder("bronze", name).producedBy(INGEST)
        .description("Raw " + what + " records exactly as landed, one row per CSV record, with lineage.")
        .required(STREAM_ID, StringType, "Id of the ingestion stream (stable while its checkpoint lives).")
        .required(BATCH_ID, LongType, "Micro-batch of the stream that read the file.")
        .required(SOURCE_FILE, StringType, "Full path of the landing file.")
        .required(LINE_NO, LongType, "1-based line where the record starts (the header is line 1).")
        .required(ENCODING, StringType, "Detected file encoding: UTF-8 or GB18030.")
        .required(RAW_RECORD, StringType, "The record's text as decoded, without the line break.")
        .optional(PARSE_ERROR, StringType, "Set when the record could not be split into the format's columns.")
        .required(INGESTED_AT, TimestampType, "When the batch was ingested (UTC).")
        .statsOn(STREAM_ID, BATCH_ID, SOURCE_FILE, LINE_NO, INGESTED_AT);
  }

  private static TableContract.Builder lineage(TableContract.Builder b) {
    return b.required(SOURCE_FILE, StringType, "Landing file the record came from.")
        .required(LINE_NO, LongType, "Line of the record in that file.")
        .required(BATCH_ID, LongType, "Ingestion micro-batch that accepted it.")
        .required(INGESTED_AT, TimestampType, "When it was ingested (UTC).");
  }

  // ---------------------------------------------------------------- bronze

  public static final TableContract BRONZE_REPORTS = bronze("reports", "departmental report")
      .optional(DEPARTMENT, StringType, "As in the file.")
      .optional(REGION, StringType, "As in the file.")
      .optional(INDICATOR, StringType, "As in the file.")
      .optional(PERIOD, StringType, "As in the file.")
      .optional(VALUE, StringType, "As in the file.")
      .optional(UNIT, StringType, "As in the file.")
      .optional(SUBMITTED_AT, StringType, "As in the file.")
      .build();

  public static final TableContract BRONZE_SENSORS = bronze("sensor_readings", "IoT sensor reading")
      .optional(SENSOR_ID, StringType, "As in the file.")
      .optional(TS, StringType, "As in the file.")
      .optional(METRIC, StringType, "As in the file.")
      .optional(VALUE, StringType, "As in the file.")
      .build();

  public static final TableContract BRONZE_POSTS = bronze("posts", "social-media and hotline post")
      .optional(POST_ID, StringType, "As in the file.")
      .optional(CHANNEL, StringType, "As in the file.")
      .optional(POSTED_AT, StringType, "As in the file.")
      .optional(REGION, StringType, "As in the file.")
      .optional(TOPIC, StringType, "As in the file.")
      .optional(TEXT, StringType, "As in the file.")
      .optional(LABEL, StringType, "As in the file.")
      .build();

  public static final TableContract BRONZE_SURVEYS = bronze("survey_responses", "satisfaction survey response")
      .optional(RESPONSE_ID, StringType, "As in the file.")
      .optional(REGION, StringType, "As in the file.")
      .optional(SERVICE_AREA, StringType, "As in the file.")
      .optional(SCORE, StringType, "As in the file.")
      .optional(SURVEYED_ON, StringType, "As in the file.")
      .optional(CHANNEL, StringType, "As in the file.")
      .build();

  // ---------------------------------------------------------------- silver: reference

  public static final TableContract REGIONS = TableContract.builder("silver", "regions").producedBy(INGEST)
      .description("Regions of the city (the city itself, districts and counties) with structural attributes.")
      .required(REGION_CODE, StringType, "Unique region code.")
      .required(NAME_ZH, StringType, "Chinese name.")
      .required(NAME_EN, StringType, "English name.")
      .optional(PARENT_CODE, StringType, "Code of the enclosing region; null for the city.")
      .required(LEVEL, StringType, "city, district or county.")
      .optional(POPULATION, DoubleType, "Resident population, persons.")
      .optional(GDP_PER_CAPITA, DoubleType, "GDP per capita, yuan.")
      .optional(URBANISATION_RATE, DoubleType, "Urbanisation rate, percent.")
      .optional(AREA_KM2, DoubleType, "Area, km2.")
      .optional(RESOURCE_ENDOWMENT, DoubleType, "Resource endowment index, 0-1.")
      .required(ALIASES, createArrayType(StringType), "Other spellings accepted in files.")
      .key(REGION_CODE)
      .build();

  public static final TableContract DEPARTMENTS = TableContract.builder("silver", "departments").producedBy(INGEST)
      .description("Departments that report indicators.")
      .required(DEPT_CODE, StringType, "Unique department code.")
      .required(NAME_ZH, StringType, "Chinese name.")
      .required(NAME_EN, StringType, "English name.")
      .key(DEPT_CODE)
      .build();

  public static final TableContract INDICATORS = TableContract.builder("silver", "indicators").producedBy(INGEST)
      .description("The indicator catalogue.")
      .required(INDICATOR_CODE, StringType, "Unique indicator code.")
      .required(NAME_ZH, StringType, "Chinese name.")
      .required(NAME_EN, StringType, "English name.")
      .required(DEPT_CODE, StringType, "Responsible department.")
      .required(UNIT, StringType, "Canonical unit; every value is stored in it.")
      .required(POLARITY, StringType, "higher_better or lower_better.")
      .required(FREQUENCY, StringType, "monthly, quarterly or annual.")
      .required(CATEGORY, StringType, "economic, social, environmental, public_service, digital_government, satisfaction.")
      .required(AGGREGATION, StringType, "sum, mean, last or ratio: how periods and regions roll up.")
      .required(WEIGHT, DoubleType, "Weight in the composite scorecard.")
      .required(SOURCE, StringType, "report, sensors, posts or survey.")
      .required(ALIASES, createArrayType(StringType), "Other names accepted in reports.")
      .optional(EVIDENCE_INDICATOR, StringType, "Independent indicator measuring the same thing.")
      .optional(VALID_MIN, DoubleType, "Smallest possible value in the canonical unit (null: none).")
      .optional(VALID_MAX, DoubleType, "Largest possible value in the canonical unit (null: none).")
      .key(INDICATOR_CODE)
      .build();

  public static final TableContract INDICATOR_DEFINITIONS = TableContract.builder("silver", "indicator_definitions")
      .producedBy(INGEST)
      .description("Versions of each indicator's statistical definition and when they took effect.")
      .required(INDICATOR_CODE, StringType, "Indicator.")
      .required(DEFINITION_VERSION, IntegerType, "1 for the first definition.")
      .required(EFFECTIVE_FROM, StringType, "First canonical period under this definition.")
      .required(PERIOD_START, DateType, "First day of effective_from.")
      .optional(DESCRIPTION_ZH, StringType, "What changed, in Chinese.")
      .optional(DESCRIPTION_EN, StringType, "What changed, in English.")
      .key(INDICATOR_CODE, DEFINITION_VERSION)
      .build();

  public static final TableContract SENSORS = TableContract.builder("silver", "sensors").producedBy(INGEST)
      .description("The sensor registry.")
      .required(SENSOR_ID, StringType, "Unique sensor id.")
      .required(NAME_ZH, StringType, "Station name in Chinese.")
      .required(NAME_EN, StringType, "Station name in English.")
      .required(REGION_CODE, StringType, "Region of the station.")
      .required(KIND, StringType, "air_quality, noise, water or traffic.")
      .required(METRICS, createArrayType(StringType), "Metrics it measures.")
      .required(UTC_OFFSET, StringType, "Offset of the device clock, e.g. +08:00.")
      .optional(LAT, DoubleType, "Latitude.")
      .optional(LON, DoubleType, "Longitude.")
      .optional(INSTALLED_ON, DateType, "Installation date.")
      .key(SENSOR_ID)
      .build();

  public static final TableContract TARGET_RULES = TableContract.builder("silver", "target_rules").producedBy(INGEST)
      .description("Target rules per region tier; the analytics stage resolves them per region.")
      .required(TIER, StringType, "T1, T2, T3 or * for every tier.")
      .required(INDICATOR_CODE, StringType, "Indicator.")
      .required(HORIZON, StringType, "annual or long_term.")
      .required(PERIOD, StringType, "Target period: a year (2026) or a span (2021-2025).")
      .required(RULE, StringType, "absolute, improvement or peer_relative.")
      .required(PARAMETER, DoubleType, "Level, improvement or peer percentile, by rule.")
      .key(TIER, INDICATOR_CODE, HORIZON, PERIOD)
      .build();

  public static final TableContract TARGET_OVERRIDES = TableContract.builder("silver", "target_overrides")
      .producedBy(INGEST)
      .description("Explicit per-region targets that win over the tier rules.")
      .required(REGION_CODE, StringType, "Region.")
      .required(INDICATOR_CODE, StringType, "Indicator.")
      .required(HORIZON, StringType, "annual or long_term.")
      .required(PERIOD, StringType, "Target period.")
      .required(TARGET_VALUE, DoubleType, "Target in the indicator's canonical unit.")
      .optional(NOTE, StringType, "Why the region has its own target.")
      .key(REGION_CODE, INDICATOR_CODE, HORIZON, PERIOD)
      .build();

  public static final TableContract BUDGETS = TableContract.builder("silver", "budgets").producedBy(INGEST)
      .description("Spending per year, department and programme, with the outcomes it is meant to move.")
      .required(YEAR, IntegerType, "Budget year.")
      .required(DEPT_CODE, StringType, "Department.")
      .required(PROGRAMME_CODE, StringType, "Programme code.")
      .required(PROGRAMME_NAME_ZH, StringType, "Programme name in Chinese.")
      .required(PROGRAMME_NAME_EN, StringType, "Programme name in English.")
      .optional(REGION_CODE, StringType, "Region; null for city-wide programmes.")
      .required(AMOUNT_YUAN, DoubleType, "Amount in yuan.")
      .required(OUTCOME_INDICATORS, createArrayType(StringType), "Indicators the programme should move.")
      .key(YEAR, DEPT_CODE, PROGRAMME_CODE, REGION_CODE)
      .build();

  // ---------------------------------------------------------------- silver: facts

  private static TableContract.Builder reportColumns(TableContract.Builder b) {
    return b.required(REGION_CODE, StringType, "Region.")
        .required(INDICATOR_CODE, StringType, "Indicator.")
        .required(PERIOD, StringType, "Canonical period: 2024-03, 2024-Q1 or 2024.")
        .required(FREQUENCY, StringType, "monthly, quarterly or annual.")
        .required(PERIOD_START, DateType, "First day of the period.")
        .required(VALUE, DoubleType, "Value in the indicator's canonical unit.")
        .required(UNIT, StringType, "Canonical unit.")
        .required(DEFINITION_VERSION, IntegerType, "Definition in force for the period.")
        .required(DEPT_CODE, StringType, "Reporting department.")
        .required(SUBMITTED_AT, TimestampType, "Submission time (UTC).")
        .required(REPORTED_VALUE, StringType, "Value as written in the file.")
        .optional(REPORTED_UNIT, StringType, "Unit as written in the file.");
  }

  public static final TableContract REPORT_REVISIONS = lineage(reportColumns(
      TableContract.builder("silver", "report_revisions").producedBy(INGEST)
          .description("Every accepted submission of a report value, revisions included (append-only history).")))
      .key(REGION_CODE, INDICATOR_CODE, PERIOD, SUBMITTED_AT)
      .build();

  public static final TableContract REPORTS = lineage(reportColumns(
      TableContract.builder("silver", "reports").producedBy(INGEST)
          .description("The current value of every reported series point: the latest submission wins.")))
      .required(REVISION_COUNT, IntegerType, "Number of accepted submissions for this key (1 = never revised).")
      .required(FIRST_SUBMITTED_AT, TimestampType, "Time of the first submission (timeliness).")
      .key(REGION_CODE, INDICATOR_CODE, PERIOD)
      .build();

  public static final TableContract SENSOR_READINGS = lineage(
      TableContract.builder("silver", "sensor_readings").producedBy(INGEST)
          .description("Valid sensor readings, UTC timestamps, one row per sensor, metric and time.")
          .required(SENSOR_ID, StringType, "Sensor.")
          .required(REGION_CODE, StringType, "Region of the sensor.")
          .required(METRIC, StringType, "pm25, pm10, so2, no2, co, o3, noise_db, ...")
          .required(TS_UTC, TimestampType, "Reading time in UTC.")
          .required(LOCAL_DATE, DateType, "Calendar date at the sensor's UTC offset (the day the AQI counts it in).")
          .required(VALUE, DoubleType, "Value in the metric's unit.")
          .required(UNIT, StringType, "Unit of the metric."))
      .key(SENSOR_ID, METRIC, TS_UTC)
      .statsOn(SENSOR_ID, REGION_CODE, METRIC, TS_UTC, LOCAL_DATE, BATCH_ID, INGESTED_AT)
      .build();

  public static final TableContract POSTS = lineage(
      TableContract.builder("silver", "posts").producedBy(INGEST)
          .description("Citizens' posts from social media and the 12345 hotline.")
          .required(CHANNEL, StringType, "weibo, wechat, douyin, hotline_12345, forum, ...")
          .required(POST_ID, StringType, "Id, unique per channel.")
          .required(POSTED_AT, TimestampType, "Posting time (UTC).")
          .optional(REGION_CODE, StringType, "Region, when known.")
          .optional(TOPIC, StringType, "Service area, when known.")
          .required(TEXT, StringType, "Text.")
          .required(LANGUAGE, StringType, "zh, en or mixed (by script).")
          .optional(LABEL, StringType, "Analyst's label: negative, neutral or positive."))
      .key(CHANNEL, POST_ID)
      .build();

  public static final TableContract SURVEY_RESPONSES = lineage(
      TableContract.builder("silver", "survey_responses").producedBy(INGEST)
          .description("Citizen satisfaction survey responses.")
          .required(RESPONSE_ID, StringType, "Unique response id.")
          .required(REGION_CODE, StringType, "Region.")
          .required(SERVICE_AREA, StringType, "Service area code.")
          .required(SCORE, IntegerType, "Score 1 (very dissatisfied) to 5 (very satisfied).")
          .required(SURVEYED_ON, DateType, "Survey date.")
          .optional(CHANNEL, StringType, "phone, online or in_person."))
      .key(RESPONSE_ID)
      .build();

  // ---------------------------------------------------------------- quarantine and meta

  public static final TableContract QUARANTINE = TableContract.builder("quarantine", "records").producedBy(INGEST)
      .description("Every rejected record with its raw text and a reason code (docs/landing-formats.md).")
      .required(SOURCE, StringType, "reports, sensors, posts, surveys or reference/<file>.")
      .required(SOURCE_FILE, StringType, "Landing file.")
      .required(LINE_NO, LongType, "Line where the record starts.")
      .required(RAW_RECORD, StringType, "The record's text.")
      .required(REASON, StringType, "Reason code.")
      .required(DETAIL, StringType, "What exactly was wrong, for a person.")
      .required(BATCH_ID, LongType, "Micro-batch (-1 for reference snapshots).")
      .required(INGESTED_AT, TimestampType, "When it was quarantined (UTC).")
      .key(SOURCE_FILE, LINE_NO)
      .build();

  public static final TableContract RUNS = TableContract.builder("meta", "runs").producedBy("every job")
      .description("One row per job run and source: what was read, accepted, quarantined and dropped.")
      .required(RUN_ID, StringType, "Run id (UUID).")
      .required(JOB, StringType, "Job name, e.g. ingest.")
      .required(SOURCE, StringType, "Source or stage within the job.")
      .optional(BATCH_ID, LongType, "Micro-batch, for ingestion.")
      .required(STARTED_AT, TimestampType, "Start (UTC).")
      .required(ENDED_AT, TimestampType, "End (UTC).")
      .required(OUTCOME, StringType, "succeeded, failed, skipped, or refused (another run of the job held the lock).")
      .required(RECORDS_READ, LongType, "Records read.")
      .required(RECORDS_ACCEPTED, LongType, "Records written to silver (or the stage's output).")
      .required(RECORDS_QUARANTINED, LongType, "Records quarantined.")
      .required(RECORDS_DUPLICATE, LongType, "Exact duplicates dropped.")
      .required(REASONS, createMapType(StringType, LongType), "Quarantined records per reason code.")
      .required(INPUTS, createArrayType(StringType), "Input files or tables.")
      .required(OUTPUTS, createMapType(StringType, LongType), "Output table -> Delta version written.")
      .optional(MESSAGE, StringType, "Error or remark.")
      .build();

  public static final TableContract JOB_LOCKS = TableContract.builder("meta", "job_locks").producedBy("every job")
      .description("The lease each running job holds on the warehouse, so that two runs of one job never interleave; "
          + "a lease that is not renewed lapses and may be taken over.")
      .required(JOB, StringType, "Job name; one lease per job (the partition, so jobs never conflict with each other).")
      .required(RUN_ID, StringType, "Run holding the lease (meta.runs.run_id).")
      .required(HOLDER, StringType, "Host and process id of the run, host/pid.")
      .required(ACQUIRED_AT, TimestampType, "When the run took the lease (UTC).")
      .required(UPDATED_AT, TimestampType, "Last renewal (UTC).")
      .required(EXPIRES_AT, TimestampType, "The lease lapses at this time unless renewed (UTC).")
      .key(JOB)
      .partitionBy(JOB)
      .build();

  public static final TableContract REFERENCE_SNAPSHOTS = TableContract.builder("meta", "reference_snapshots")
      .producedBy(INGEST)
      .description("Which reference file content is loaded in each reference table.")
      .required(TABLE_NAME, StringType, "Reference table.")
      .required(FILE_PATH, StringType, "Reference file.")
      .required(CONTENT_HASH, StringType, "SHA-256 of the file's bytes.")
      .required(LOADED_AT, TimestampType, "When it was loaded (UTC).")
      .key(TABLE_NAME)
      .build();

  /** Every ingestion table, in the order of the table reference. */
  public static List<TableContract> all() {
    return List.of(BRONZE_REPORTS, BRONZE_SENSORS, BRONZE_POSTS, BRONZE_SURVEYS,
        REGIONS, DEPARTMENTS, INDICATORS, INDICATOR_DEFINITIONS, SENSORS, TARGET_RULES, TARGET_OVERRIDES, BUDGETS,
        REPORT_REVISIONS, REPORTS, SENSOR_READINGS, POSTS, SURVEY_RESPONSES, QUARANTINE, RUNS, JOB_LOCKS,
        REFERENCE_SNAPSHOTS);
  }
}
