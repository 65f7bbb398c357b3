package org.govpulse.core.table;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
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

/** Contracts of the gold tables written by {@code govpulse analyze}. */
public final class GoldTables {
  private GoldTables() {}

  private static final String ANALYZE = "analyze";

  private static TableContract.Builder gold(String name, String description) {
    return TableContract.builder("gold", name).producedBy(ANALYZE).description(description);
  }

  public static final TableContract INDICATOR_PANEL = gold("indicator_panel",
      "Region x indicator x period: every value GovPulse knows, from reports and derived from sensors, posts and "
          + "surveys, aligned across frequencies and rolled up to the city, with targets and progress.")
      .required(REGION_CODE, StringType, "Region.")
      .required(INDICATOR_CODE, StringType, "Indicator.")
      .required(PERIOD, StringType, "Canonical period.")
      .required(FREQUENCY, StringType, "monthly, quarterly or annual (of this row, not of the indicator).")
      .required(PERIOD_START, DateType, "First day of the period.")
      .required(VALUE, DoubleType, "Value in the indicator's canonical unit.")
      .required(UNIT, StringType, "Canonical unit.")
      .required(SOURCE, StringType, "report, sensors, posts or survey.")
      .required(DERIVATION, StringType,
          "reported (as submitted), derived (computed from evidence), time_rollup (from finer periods by the "
              + "catalogue's aggregation) or region_rollup (districts aggregated into the city).")
      .required(DEFINITION_VERSION, IntegerType, "Statistical definition in force.")
      .required(SERIES_BREAK, BooleanType, "True when the definition differs from the previous period's.")
      .required(COMPLETE, BooleanType, "For roll-ups: every sub-period or district was present.")
      .optional(REVISION_COUNT, IntegerType, "Submissions of a reported value (1 = never revised).")
      .required(QUALITY_FLAGS, createArrayType(StringType),
          "revised, late, series_break, incomplete, and audit finding kinds touching this value.")
      .optional(TARGET_VALUE, DoubleType, "Annual target of the period's year, when one applies.")
      .optional(YTD_VALUE, DoubleType, "Year-to-date value by the catalogue's aggregation, up to this period.")
      .optional(TARGET_PROGRESS, DoubleType,
          "Progress towards the annual target: ytd/target for sums, otherwise the share of the target reached "
              + "(target/ytd for lower-is-better); 1 means on target.")
      .optional(EXPECTED_PROGRESS, DoubleType, "Progress expected by this point of the year (sums: share of the "
          + "year elapsed; other aggregations: 1).")
      .key(REGION_CODE, INDICATOR_CODE, PERIOD)
      .build();

  public static final TableContract AQI_STATION_DAILY = gold("aqi_station_daily",
      "Daily air quality index per station computed as HJ 633-2012 prescribes, with the HJ 663-2013 validity rules.")
      .required(SENSOR_ID, StringType, "Station.")
      .required(REGION_CODE, StringType, "Region of the station.")
      .required(DATE, DateType, "Local calendar date.")
      .optional(AQI, IntegerType, "Air quality index; null when the day is invalid.")
      .optional(AQI_LEVEL, IntegerType, "HJ 633-2012 level: 1 优 excellent, 2 良 good, 3 轻度污染 lightly, 4 中度污染 "
          + "moderately, 5 重度污染 heavily, 6 严重污染 severely polluted.")
      .optional(PRIMARY_POLLUTANT, StringType,
          "Item(s) with the highest IAQI when AQI > 50, comma-separated when tied (pm25, pm10, so2, no2, co, "
              + "o3_8h, o3_1h).")
      .required(GOOD_DAY, BooleanType, "AQI <= 100 (false when the day is invalid).")
      .required(IAQI, createMapType(StringType, IntegerType),
          "Individual index per item with a valid statistic (no o3_8h entry above 800 µg/m³: o3_1h reports O3).")
      .required(CONCENTRATIONS, createMapType(StringType, DoubleType),
          "Valid daily statistics at reporting precision (µg/m³, co mg/m³ to 0.1): 24-hour means of pm25, pm10, "
              + "so2, no2, co; o3_8h daily maximum 8-hour mean; o3_1h daily maximum hourly value.")
      .required(HOURS, createMapType(StringType, IntegerType),
          "Hours of the local day with a reading, per measured metric (pm25, pm10, so2, no2, co, o3).")
      .required(VALID, BooleanType, "Enough valid hours for every pollutant the station measures.")
      .optional(INVALID_REASON, StringType, "Why the day is invalid, with the hour counts.")
      .key(SENSOR_ID, DATE)
      .build();

  public static final TableContract AQI_REGION_DAILY = gold("aqi_region_daily",
      "Daily air quality index per region from the mean concentrations of its valid stations.")
      .required(REGION_CODE, StringType, "Region.")
      .required(DATE, DateType, "Local calendar date.")
      .optional(AQI, IntegerType, "Air quality index; null when no station had a valid day.")
      .optional(AQI_LEVEL, IntegerType, "1 优 excellent ... 6 严重污染 severely polluted.")
      .optional(PRIMARY_POLLUTANT, StringType, "Item(s) with the highest IAQI when AQI > 50, comma-separated.")
      .required(GOOD_DAY, BooleanType, "AQI <= 100 (false without a valid station).")
      .required(STATIONS, IntegerType, "Stations with a valid day (a city counts the stations of its districts).")
      .required(CONCENTRATIONS, createMapType(StringType, DoubleType),
          "Means over the valid stations of their daily statistics, at reporting precision.")
      .key(REGION_CODE, DATE)
      .build();

  public static final TableContract AIR_QUALITY_MONTHLY = gold("air_quality_monthly",
      "Monthly air quality per region from the stations: share of good days, PM2.5 and sensor availability.")
      .required(REGION_CODE, StringType, "Region.")
      .required(PERIOD, StringType, "Month.")
      .required(GOOD_DAYS, IntegerType, "Days with AQI <= 100.")
      .required(VALID_DAYS, IntegerType, "Days with a valid region AQI.")
      .optional(GOOD_DAY_RATIO, DoubleType, "good_days / valid_days, percent; null without valid days.")
      .optional(PM25_MEAN, DoubleType, "Mean of valid daily PM2.5, µg/m³.")
      .required(AVAILABILITY, DoubleType,
          "Share of the expected hourly readings received for the AQI metrics of the region's stations, 0-1.")
      .required(STATIONS, IntegerType, "Air-quality stations of the region installed by the month's end.")
      .key(REGION_CODE, PERIOD)
      .build();

  public static final TableContract SENSOR_ANOMALIES = gold("sensor_anomalies",
      "Sensor faults found in the readings: outages, stuck values, spikes and clock skew.")
      .required(SENSOR_ID, StringType, "Sensor.")
      .required(REGION_CODE, StringType, "Region of the sensor.")
      .optional(METRIC, StringType, "Metric concerned; null for the whole sensor.")
      .required(KIND, StringType, "outage, stuck, spike or clock_skew.")
      .required(START_TS, TimestampType, "Start (UTC): the first affected hour.")
      .required(END_TS, TimestampType, "End (UTC), exclusive: the hour after the last affected one.")
      .required(SEVERITY, StringType, "low, medium or high.")
      .optional(STATISTIC, DoubleType, "The number behind the finding: hours (outage, stuck), robust z-score "
          + "(spike), estimated clock offset in hours (clock_skew, negative when stamps run behind).")
      .required(DETAIL, StringType, "What was seen, with numbers.")
      .key(SENSOR_ID, KIND, START_TS, METRIC)
      .build();

  public static final TableContract SENTIMENT_MONTHLY = gold("sentiment_monthly",
      "Public sentiment per region, topic and month from the scored posts; topic '*' is all topics.")
      .required(REGION_CODE, StringType, "Region ('*' for posts without a region).")
      .required(TOPIC, StringType, "Service area, or '*'.")
      .required(PERIOD, StringType, "Month.")
      .required(POSTS_COUNT, LongType, "Posts.")
      .required(MEAN_SENTIMENT, DoubleType, "Mean of p(positive) - p(negative), -1 to 1.")
      .required(SHARE_NEGATIVE, DoubleType, "Share of posts classified negative.")
      .required(NEGATIVE_POSTS, LongType, "Posts classified negative.")
      .optional(SURGE_Z, DoubleType, "Negative volume against its trailing 6-month mean, in standard deviations.")
      .required(NEGATIVE_SURGE, BooleanType, "A surge of negative posts (see docs/analytics.md).")
      .key(REGION_CODE, TOPIC, PERIOD)
      .build();

  public static final TableContract SATISFACTION = gold("satisfaction",
      "Citizen satisfaction per region, service area ('*' for all) and quarter, with a 95% confidence interval.")
      .required(REGION_CODE, StringType, "Region.")
      .required(SERVICE_AREA, StringType, "Service area or '*'.")
      .required(PERIOD, StringType, "Quarter.")
      .required(RESPONSES, LongType, "Responses.")
      .optional(MEAN_SCORE, DoubleType, "Mean score 1-5; null when the sample is too small.")
      .optional(CI_LOW, DoubleType, "Lower bound of the 95% interval of the mean.")
      .optional(CI_HIGH, DoubleType, "Upper bound of the 95% interval of the mean.")
      .required(SUFFICIENT, BooleanType, "False when there are too few responses to report a number.")
      .key(REGION_CODE, SERVICE_AREA, PERIOD)
      .build();

  public static final TableContract REGION_TIERS = gold("region_tiers",
      "Region typology: each district or county's tier, the attribute scores that placed it there and its peers.")
      .required(REGION_CODE, StringType, "Region.")
      .required(TIER, StringType, "T1 (most developed) to T3.")
      .required(DEVELOPMENT_INDEX, DoubleType, "Composite index: weighted mean of the attribute z-scores.")
      .required(ATTRIBUTE_SCORES, createMapType(StringType, DoubleType), "z-score of each attribute.")
      .required(RANK, IntegerType, "Rank by development index (1 = highest).")
      .required(PEERS, createArrayType(StringType), "Nearest regions in attribute space, closest first.")
      .required(METHOD, StringType, "How tiers were cut.")
      .key(REGION_CODE)
      .build();

  public static final TableContract TARGETS = gold("targets",
      "Targets resolved per region, indicator and period from the tier rules and the explicit overrides.")
      .required(REGION_CODE, StringType, "Region.")
      .required(INDICATOR_CODE, StringType, "Indicator.")
      .required(HORIZON, StringType, "annual or long_term.")
      .required(PERIOD, StringType, "Target year (2026) or span (2021-2025).")
      .required(TARGET_VALUE, DoubleType, "Target in the canonical unit, for the year's (or span's last year's) value.")
      .required(ORIGIN, StringType, "rule or override.")
      .optional(RULE, StringType, "absolute, improvement or peer_relative (rules only).")
      .optional(PARAMETER, DoubleType, "The rule's parameter.")
      .optional(BASIS_VALUE, DoubleType, "Value the rule started from (previous year, or peers' percentile).")
      .optional(TIER, StringType, "Tier of the region.")
      .key(REGION_CODE, INDICATOR_CODE, HORIZON, PERIOD)
      .build();

  public static final TableContract SCORECARD = gold("scorecard",
      "Composite 0-100 performance score per region (and department) and year, with ranks and their robustness.")
      .required(SCOPE, StringType, "region or department.")
      .required(ENTITY_CODE, StringType, "Region or department code.")
      .required(PERIOD, StringType, "Year.")
      .optional(TIER, StringType, "Tier (regions only).")
      .required(SCORE, DoubleType, "Score 0-100.")
      .required(RANK, IntegerType, "Rank among entities of the scope (1 = best).")
      .optional(RANK_IN_TIER, IntegerType, "Rank within the tier (regions only).")
      .required(RANK_P05, IntegerType, "5th percentile of the rank when weights are perturbed.")
      .required(RANK_P95, IntegerType, "95th percentile of the rank when weights are perturbed.")
      .required(INDICATORS_USED, IntegerType, "Indicators with a value that entered the score.")
      .key(SCOPE, ENTITY_CODE, PERIOD)
      .build();

  public static final TableContract SCORE_CONTRIBUTIONS = gold("score_contributions",
      "What each indicator contributed to a score.")
      .required(SCOPE, StringType, "region or department.")
      .required(ENTITY_CODE, StringType, "Region or department code.")
      .required(PERIOD, StringType, "Year.")
      .required(INDICATOR_CODE, StringType, "Indicator.")
      .required(VALUE, DoubleType, "Annual value.")
      .required(NORMALISED, DoubleType, "0-100 after polarity: 100 is the best among entities.")
      .required(WEIGHT, DoubleType, "Weight used (renormalised over the indicators present).")
      .required(CONTRIBUTION, DoubleType, "normalised x weight: points of the score.")
      .key(SCOPE, ENTITY_CODE, PERIOD, INDICATOR_CODE)
      .build();

  public static final TableContract QUALITY_FINDINGS = gold("quality_findings",
      "Data-quality audit findings: late or missing reports, contradictions between sources, digit tests, series too "
          + "smooth, suspicious revisions, period-end spikes.")
      .required(FINDING_ID, StringType, "Stable id: kind, department, region, indicator and periods.")
      .required(KIND, StringType, "Finding kind (docs/analytics.md lists them).")
      .required(SEVERITY, StringType, "low, medium or high.")
      .optional(DEPT_CODE, StringType, "Department concerned.")
      .optional(REGION_CODE, StringType, "Region concerned.")
      .optional(INDICATOR_CODE, StringType, "Indicator concerned.")
      .optional(PERIOD_FROM, StringType, "First period concerned.")
      .optional(PERIOD_TO, StringType, "Last period concerned.")
      .optional(STATISTIC, DoubleType, "The test statistic (z-score, chi-square, ratio...).")
      .required(EVIDENCE, StringType, "A sentence with the numbers behind the finding.")
      .required(DETECTED_AT, TimestampType, "When the audit ran (UTC).")
      .key(FINDING_ID)
      .build();

  public static final TableContract BUDGET_OUTCOMES = gold("budget_outcomes",
      "Spending per programme joined with the change of the outcomes it should move: cost per unit of improvement.")
      .required(YEAR, IntegerType, "Budget year.")
      .required(DEPT_CODE, StringType, "Department.")
      .required(PROGRAMME_CODE, StringType, "Programme.")
      .optional(REGION_CODE, StringType, "Region; null for city-wide programmes (outcomes of the city).")
      .required(AMOUNT_YUAN, DoubleType, "Amount, yuan.")
      .required(INDICATOR_CODE, StringType, "Outcome indicator.")
      .optional(OUTCOME_CHANGE, DoubleType, "Change of the annual value over the previous year, in its unit.")
      .optional(IMPROVEMENT, DoubleType, "The change signed by polarity: positive is better.")
      .optional(COST_PER_UNIT, DoubleType, "Yuan per unit of improvement; null when nothing improved.")
      .key(YEAR, DEPT_CODE, PROGRAMME_CODE, REGION_CODE, INDICATOR_CODE)
      .build();

  /** Every gold table of the analytics stage. */
  public static List<TableContract> all() {
    return List.of(INDICATOR_PANEL, AQI_STATION_DAILY, AQI_REGION_DAILY, AIR_QUALITY_MONTHLY, SENSOR_ANOMALIES,
        SENTIMENT_MONTHLY, SATISFACTION, REGION_TIERS, TARGETS, SCORECARD, SCORE_CONTRIBUTIONS, QUALITY_FINDINGS,
        BUDGET_OUTCOMES);
  }
}
