package org.govpulse.core.table;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.govpulse.core.table.Col.*;

import java.util.List;

/** Contracts of the tables written by {@code govpulse models forecast} and the target-risk stage. */
public final class ForecastTables {
  private ForecastTables() {}

  public static final TableContract FORECASTS = TableContract.builder("gold", "forecasts").producedBy("models forecast")
      .description("Forecasts of every panel series with 80% and 95% prediction intervals.")
      .required(REGION_CODE, StringType, "Region.")
      .required(INDICATOR_CODE, StringType, "Indicator.")
      .required(FREQUENCY, StringType, "Frequency of the series forecast.")
      .required(ORIGIN_PERIOD, StringType, "Last period with an actual value.")
      .required(HORIZON_STEP, IntegerType, "Steps ahead of the origin (1 = next period).")
      .required(PERIOD, StringType, "Period forecast.")
      .required(POINT, DoubleType, "Point forecast.")
      .required(LOWER_80, DoubleType, "Lower bound of the 80% interval.")
      .required(UPPER_80, DoubleType, "Upper bound of the 80% interval.")
      .required(LOWER_95, DoubleType, "Lower bound of the 95% interval.")
      .required(UPPER_95, DoubleType, "Upper bound of the 95% interval.")
      .required(METHOD, StringType, "Method or combination that produced it.")
      .required(MODEL_VERSION, StringType, "Registry model version (name:vN) of the forecaster.")
      .required(TRAINING_DATA_VERSION, LongType, "Delta version of gold.indicator_panel it was trained on.")
      .required(CREATED_AT, TimestampType, "When it was produced (UTC).")
      .key(REGION_CODE, INDICATOR_CODE, FREQUENCY, PERIOD)
      .build();

  public static final TableContract BACKTESTS = TableContract.builder("gold", "backtests").producedBy("models forecast")
      .description("Rolling-origin backtest accuracy of the forecaster per series: what the intervals are worth.")
      .required(REGION_CODE, StringType, "Region.")
      .required(INDICATOR_CODE, StringType, "Indicator.")
      .required(FREQUENCY, StringType, "Frequency.")
      .required(METHOD, StringType, "Method chosen for the series.")
      .required(ORIGINS, IntegerType, "Values the validation forecast was made from (n - h, the last h values "
          + "held out); 0 when the series is too short to validate (the other measures are then null).")
      .optional(SMAPE, DoubleType, "Symmetric MAPE of the held-out values, percent.")
      .optional(MASE, DoubleType, "Mean absolute scaled error of the held-out values.")
      .optional(COVERAGE_80, DoubleType, "Share of the held-out values inside the 80% interval calibrated on the "
          + "residuals before the origin.")
      .optional(COVERAGE_95, DoubleType, "Share of the held-out values inside the 95% interval, likewise.")
      .required(MODEL_VERSION, StringType, "Registry model version.")
      .key(REGION_CODE, INDICATOR_CODE, FREQUENCY)
      .build();

  public static final TableContract TARGET_RISK = TableContract.builder("gold", "target_risk").producedBy("models forecast")
      .description("Probability that each annual target is missed, from what is known so far and the forecast "
          + "of the rest of the year, blended with a classifier trained on past years where history allows.")
      .required(REGION_CODE, StringType, "Region.")
      .required(INDICATOR_CODE, StringType, "Indicator.")
      .required(PERIOD, StringType, "Target year.")
      .required(TARGET_VALUE, DoubleType, "Annual target.")
      .optional(YTD_VALUE, DoubleType, "Year to date.")
      .required(EXPECTED_VALUE, DoubleType, "Expected annual value: actuals so far plus the forecast of the rest.")
      .required(PROBABILITY_MISS, DoubleType, "Probability the target is missed, 0-1.")
      .required(DISTRIBUTION_PROBABILITY, DoubleType, "The same from the forecast distribution alone.")
      .optional(CLASSIFIER_PROBABILITY, DoubleType, "The same from the classifier alone, when one applies.")
      .required(NAIVE_MISS, BooleanType, "The naive rule's verdict: year-to-date pace below target.")
      .required(DRIVERS, createArrayType(StringType), "Main reasons, most important first.")
      .required(DRIVERS_ZH, createArrayType(StringType), "The same reasons in Chinese.")
      .required(MODEL_VERSIONS, createArrayType(StringType), "Registry versions of the models used.")
      .required(CREATED_AT, TimestampType, "When it was computed (UTC).")
      .key(REGION_CODE, INDICATOR_CODE, PERIOD)
      .build();

  /** Every table of this stage. */
  public static List<TableContract> all() {
    return List.of(FORECASTS, BACKTESTS, TARGET_RISK);
  }
}
