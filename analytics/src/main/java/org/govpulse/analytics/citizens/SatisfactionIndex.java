package org.govpulse.analytics.citizens;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.when;
import static org.govpulse.core.table.Col.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.govpulse.analytics.panel.PeriodColumns;
import org.govpulse.core.time.Frequency;

/**
 * Citizen satisfaction per region, service area and quarter: the mean score with a 95% confidence interval
 * (mean ± 1.96 s/√n; with n ≥ 30 the normal approximation of the t interval is within 2%). A cell with fewer than
 * {@value #MIN_RESPONSES} responses is reported as insufficient, with its count but without a number, because its
 * interval would be wider than the differences analysts compare. Pure transform.
 */
public final class SatisfactionIndex {
  /** Smallest sample reported as a number. */
  public static final int MIN_RESPONSES = 30;
  /** Service area value meaning "all areas". */
  public static final String ALL = "*";

  private SatisfactionIndex() {}

  /** gold.satisfaction rows from silver.survey_responses. */
  public static Dataset<Row> compute(Dataset<Row> responses) {
    Dataset<Row> withQuarter = responses.withColumn(PERIOD,
        PeriodColumns.periodOf(col(SURVEYED_ON), Frequency.QUARTERLY));
    Dataset<Row> perArea = summarise(withQuarter.groupBy(col(REGION_CODE), col(SERVICE_AREA), col(PERIOD)));
    Dataset<Row> allAreas = summarise(withQuarter.groupBy(col(REGION_CODE), col(PERIOD)))
        .withColumn(SERVICE_AREA, lit(ALL));
    return perArea.unionByName(allAreas);
  }

  private static Dataset<Row> summarise(org.apache.spark.sql.RelationalGroupedDataset groups) {
    Column n = col(RESPONSES);
    Column sufficient = n.geq(MIN_RESPONSES);
    Column half = lit(1.96).multiply(col("_sd")).divide(sqrt(n));
    Column nothing = lit(null).cast(DataTypes.DoubleType);
    return groups.agg(count(lit(1)).as(RESPONSES), avg(col(SCORE)).as("_mean"), stddev_samp(col(SCORE)).as("_sd"))
        .withColumn(SUFFICIENT, sufficient)
        .withColumn(MEAN_SCORE, when(sufficient, col("_mean")).otherwise(nothing))
        .withColumn(CI_LOW, when(sufficient, col("_mean").minus(half)).otherwise(nothing))
        .withColumn(CI_HIGH, when(sufficient, col("_mean").plus(half)).otherwise(nothing))
        .drop("_mean", "_sd");
  }
}
