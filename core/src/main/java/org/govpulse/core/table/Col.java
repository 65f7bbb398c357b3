package org.govpulse.core.table;

/**
 * Every column name used in GovPulse tables, declared once. Code refers to columns through these constants
 * ({@code col(Col.REGION_CODE)}), never through string literals.
 */
public final class Col {
  private Col() {}

  // lineage (bronze, silver, quarantine)
  public static final String STREAM_ID = "stream_id";
  public static final String BATCH_ID = "batch_id";
  public static final String SOURCE = "source";
  public static final String SOURCE_FILE = "source_file";
  public static final String LINE_NO = "line_no";
  public static final String ENCODING = "encoding";
  public static final String RAW_RECORD = "raw_record";
  public static final String PARSE_ERROR = "parse_error";
  public static final String INGESTED_AT = "ingested_at";
  public static final String RUN_ID = "run_id";

  // quarantine
  public static final String REASON = "reason";
  public static final String DETAIL = "detail";

  // reference: regions and departments
  public static final String REGION_CODE = "region_code";
  public static final String NAME_ZH = "name_zh";
  public static final String NAME_EN = "name_en";
  public static final String PARENT_CODE = "parent_code";
  public static final String LEVEL = "level";
  public static final String POPULATION = "population";
  public static final String GDP_PER_CAPITA = "gdp_per_capita";
  public static final String URBANISATION_RATE = "urbanisation_rate";
  public static final String AREA_KM2 = "area_km2";
  public static final String RESOURCE_ENDOWMENT = "resource_endowment";
  public static final String ALIASES = "aliases";
  public static final String DEPT_CODE = "dept_code";

  // reference: indicators
  public static final String INDICATOR_CODE = "indicator_code";
  public static final String UNIT = "unit";
  public static final String POLARITY = "polarity";
  public static final String FREQUENCY = "frequency";
  public static final String CATEGORY = "category";
  public static final String AGGREGATION = "aggregation";
  public static final String WEIGHT = "weight";
  public static final String EVIDENCE_INDICATOR = "evidence_indicator";
  public static final String VALID_MIN = "valid_min";
  public static final String VALID_MAX = "valid_max";
  public static final String DEFINITION_VERSION = "definition_version";
  public static final String EFFECTIVE_FROM = "effective_from";
  public static final String DESCRIPTION_ZH = "description_zh";
  public static final String DESCRIPTION_EN = "description_en";

  // reference: sensors
  public static final String SENSOR_ID = "sensor_id";
  public static final String KIND = "kind";
  public static final String METRICS = "metrics";
  public static final String UTC_OFFSET = "utc_offset";
  public static final String LAT = "lat";
  public static final String LON = "lon";
  public static final String INSTALLED_ON = "installed_on";

  // reference: targets and budgets
  public static final String TIER = "tier";
  public static final String HORIZON = "horizon";
  public static final String RULE = "rule";
  public static final String PARAMETER = "parameter";
  public static final String TARGET_VALUE = "target_value";
  public static final String NOTE = "note";
  public static final String YEAR = "year";
  public static final String PROGRAMME_CODE = "programme_code";
  public static final String PROGRAMME_NAME_ZH = "programme_name_zh";
  public static final String PROGRAMME_NAME_EN = "programme_name_en";
  public static final String AMOUNT = "amount";
  public static final String AMOUNT_YUAN = "amount_yuan";
  public static final String OUTCOME_INDICATORS = "outcome_indicators";

  // reports
  public static final String DEPARTMENT = "department";
  public static final String REGION = "region";
  public static final String INDICATOR = "indicator";
  public static final String PERIOD = "period";
  public static final String PERIOD_START = "period_start";
  public static final String VALUE = "value";
  public static final String SUBMITTED_AT = "submitted_at";
  public static final String REPORTED_VALUE = "reported_value";
  public static final String REPORTED_UNIT = "reported_unit";
  public static final String REVISION_COUNT = "revision_count";
  public static final String FIRST_SUBMITTED_AT = "first_submitted_at";

  // sensors
  public static final String TS = "ts";
  public static final String TS_UTC = "ts_utc";
  public static final String LOCAL_DATE = "local_date";
  public static final String METRIC = "metric";

  // posts
  public static final String POST_ID = "post_id";
  public static final String CHANNEL = "channel";
  public static final String POSTED_AT = "posted_at";
  public static final String TOPIC = "topic";
  public static final String TEXT = "text";
  public static final String LABEL = "label";
  public static final String LANGUAGE = "language";

  // surveys
  public static final String RESPONSE_ID = "response_id";
  public static final String SERVICE_AREA = "service_area";
  public static final String SCORE = "score";
  public static final String SURVEYED_ON = "surveyed_on";

  // runs and snapshots
  public static final String JOB = "job";
  public static final String STARTED_AT = "started_at";
  public static final String ENDED_AT = "ended_at";
  public static final String OUTCOME = "outcome";
  public static final String RECORDS_READ = "records_read";
  public static final String RECORDS_ACCEPTED = "records_accepted";
  public static final String RECORDS_QUARANTINED = "records_quarantined";
  public static final String RECORDS_DUPLICATE = "records_duplicate";
  public static final String REASONS = "reasons";
  public static final String INPUTS = "inputs";
  public static final String OUTPUTS = "outputs";
  public static final String MESSAGE = "message";
  public static final String FILE_PATH = "file_path";
  public static final String CONTENT_HASH = "content_hash";
  public static final String LOADED_AT = "loaded_at";
  public static final String TABLE_NAME = "table_name";
  public static final String STATUS = "status";
  public static final String HOLDER = "holder";
  public static final String ACQUIRED_AT = "acquired_at";
  public static final String EXPIRES_AT = "expires_at";

  // gold: indicator panel and targets
  public static final String DERIVATION = "derivation";
  public static final String SERIES_BREAK = "series_break";
  public static final String QUALITY_FLAGS = "quality_flags";
  public static final String YTD_VALUE = "ytd_value";
  public static final String TARGET_PROGRESS = "target_progress";
  public static final String EXPECTED_PROGRESS = "expected_progress";
  public static final String COMPLETE = "complete";
  public static final String ORIGIN = "origin";
  public static final String BASIS_VALUE = "basis_value";

  // gold: air quality and sensors
  public static final String DATE = "date";
  public static final String AQI = "aqi";
  public static final String AQI_LEVEL = "aqi_level";
  public static final String PRIMARY_POLLUTANT = "primary_pollutant";
  public static final String GOOD_DAY = "good_day";
  public static final String IAQI = "iaqi";
  public static final String CONCENTRATIONS = "concentrations";
  public static final String VALID = "valid";
  public static final String INVALID_REASON = "invalid_reason";
  public static final String GOOD_DAYS = "good_days";
  public static final String VALID_DAYS = "valid_days";
  public static final String GOOD_DAY_RATIO = "good_day_ratio";
  public static final String PM25_MEAN = "pm25_mean";
  public static final String AVAILABILITY = "availability";
  public static final String STATIONS = "stations";
  public static final String START_TS = "start_ts";
  public static final String END_TS = "end_ts";
  public static final String SEVERITY = "severity";
  public static final String HOURS = "hours";

  // gold: citizens
  public static final String POSTS_COUNT = "posts";
  public static final String MEAN_SENTIMENT = "mean_sentiment";
  public static final String SHARE_NEGATIVE = "share_negative";
  public static final String NEGATIVE_POSTS = "negative_posts";
  public static final String SURGE_Z = "surge_z";
  public static final String NEGATIVE_SURGE = "negative_surge";
  public static final String RESPONSES = "responses";
  public static final String MEAN_SCORE = "mean_score";
  public static final String CI_LOW = "ci_low";
  public static final String CI_HIGH = "ci_high";
  public static final String SUFFICIENT = "sufficient";

  // gold: typology and scorecards
  public static final String DEVELOPMENT_INDEX = "development_index";
  public static final String ATTRIBUTE_SCORES = "attribute_scores";
  public static final String PEERS = "peers";
  public static final String METHOD = "method";
  public static final String SCOPE = "scope";
  public static final String ENTITY_CODE = "entity_code";
  public static final String RANK = "rank";
  public static final String RANK_IN_TIER = "rank_in_tier";
  public static final String RANK_P05 = "rank_p05";
  public static final String RANK_P95 = "rank_p95";
  public static final String INDICATORS_USED = "indicators_used";
  public static final String NORMALISED = "normalised";
  public static final String CONTRIBUTION = "contribution";

  // gold: audit and budgets
  public static final String FINDING_ID = "finding_id";
  public static final String PERIOD_FROM = "period_from";
  public static final String PERIOD_TO = "period_to";
  public static final String STATISTIC = "statistic";
  public static final String EVIDENCE = "evidence";
  public static final String DETECTED_AT = "detected_at";
  public static final String OUTCOME_CHANGE = "outcome_change";
  public static final String IMPROVEMENT = "improvement";
  public static final String COST_PER_UNIT = "cost_per_unit_improvement";

  // gold: forecasts, risk and warnings
  public static final String ORIGIN_PERIOD = "origin_period";
  public static final String HORIZON_STEP = "horizon_step";
  public static final String POINT = "point";
  public static final String LOWER_80 = "lower_80";
  public static final String UPPER_80 = "upper_80";
  public static final String LOWER_95 = "lower_95";
  public static final String UPPER_95 = "upper_95";
  public static final String MODEL_VERSION = "model_version";
  public static final String MODEL_VERSIONS = "model_versions";
  public static final String TRAINING_DATA_VERSION = "training_data_version";
  public static final String CREATED_AT = "created_at";
  public static final String SMAPE = "smape";
  public static final String MASE = "mase";
  public static final String COVERAGE_80 = "coverage_80";
  public static final String COVERAGE_95 = "coverage_95";
  public static final String ORIGINS = "origins";
  public static final String EXPECTED_VALUE = "expected_value";
  public static final String PROBABILITY_MISS = "probability_miss";
  public static final String DISTRIBUTION_PROBABILITY = "distribution_probability";
  public static final String CLASSIFIER_PROBABILITY = "classifier_probability";
  public static final String NAIVE_MISS = "naive_miss";
  public static final String DRIVERS = "drivers";
  public static final String DRIVERS_ZH = "drivers_zh";
  public static final String WARNING_ID = "warning_id";
  public static final String WARNING_LEVEL = "level";
  public static final String PROBABILITY = "probability";
  public static final String IMPORTANCE = "importance";
  public static final String TITLE_ZH = "title_zh";
  public static final String TITLE_EN = "title_en";
  public static final String EXPLANATION_ZH = "explanation_zh";
  public static final String EXPLANATION_EN = "explanation_en";
  public static final String CAVEATS = "caveats";
  public static final String FIRST_RAISED_AT = "first_raised_at";
  public static final String UPDATED_AT = "updated_at";
  public static final String RESOLVED_AT = "resolved_at";
  public static final String RESOLVED_BY = "resolved_by";
  public static final String EVENT_ID = "event_id";
  public static final String EVENT_TYPE = "event_type";
  public static final String AT = "at";
  public static final String ACTOR = "actor";
  public static final String COMMENT = "comment";
  public static final String SEQUENCE = "sequence";

  // models: sentiment and the registry
  public static final String PREDICTED_LABEL = "predicted_label";
  public static final String PROBABILITIES = "probabilities";
  public static final String SENTIMENT = "sentiment";
  public static final String SCORED_AT = "scored_at";
  public static final String MODEL_NAME = "model_name";
  public static final String VERSION = "version";
  public static final String MODEL_KIND = "model_kind";
  public static final String STAGE = "stage";
  public static final String ARTIFACT_PATH = "artifact_path";
  public static final String PROVENANCE = "provenance";
  public static final String EVALUATION = "evaluation";
  public static final String TRAINING_TABLES = "training_tables";
  public static final String PROMOTED_AT = "promoted_at";
  public static final String ROLLED_BACK_AT = "rolled_back_at";
  public static final String FINGERPRINT = "fingerprint";

  // api: keys
  public static final String KEY_ID = "key_id";
  public static final String KEY_HASH = "key_hash";
  public static final String ROLE = "role";
  public static final String RATE_LIMIT_PER_MINUTE = "rate_limit_per_minute";
}
