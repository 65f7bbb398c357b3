package org.govpulse.analytics.panel;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static org.govpulse.core.table.Col.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.govpulse.core.spark.Columns;

/**
 * Completes the panel: the annual target of each row's year, the year-to-date value up to the row's period by the
 * catalogue's aggregation, progress against the target, and the kinds of audit findings that touch the value.
 * Pure transform.
 */
public final class PanelProgress {
  private PanelProgress() {}

  /**
   * @param base rows of {@link PanelBase#build}
   * @param targets gold.targets
   * @param indicators silver.indicators
   * @param findings gold.quality_findings (may be empty)
   */
  public static Dataset<Row> complete(Dataset<Row> base, Dataset<Row> targets, Dataset<Row> indicators,
      Dataset<Row> findings) {
    Dataset<Row> catalogue = broadcast(indicators.select(col(INDICATOR_CODE), col(AGGREGATION),
        col(POLARITY)));
    Dataset<Row> annualTargets = targets.filter(col(HORIZON).equalTo("annual"))
        .select(col(REGION_CODE), col(INDICATOR_CODE), col(PERIOD).cast("int").as("_year"),
            col(TARGET_VALUE));
    WindowSpec ytd = Window.partitionBy(col(REGION_CODE), col(INDICATOR_CODE), col(FREQUENCY), col("_year"))
        .orderBy(col(PERIOD_START)).rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column days = datediff(PanelBase.periodEnd(), col(PERIOD_START)).plus(1);
    Column aggregation = col(AGGREGATION);
    Column ytdValue = when(aggregation.equalTo("sum"), sum(col(VALUE)).over(ytd))
        .when(aggregation.equalTo("last"), col(VALUE))
        .when(aggregation.equalTo("ratio"), sum(col(VALUE).multiply(days)).over(ytd).divide(sum(days).over(ytd)))
        .otherwise(avg(col(VALUE)).over(ytd));
    Column higher = col(POLARITY).equalTo("higher_better");
    Column progress = when(col(TARGET_VALUE).isNull().or(col(TARGET_VALUE).equalTo(0)), lit(null))
        .when(aggregation.equalTo("sum").or(higher), col(YTD_VALUE).divide(col(TARGET_VALUE)))
        .otherwise(col(TARGET_VALUE).divide(col(YTD_VALUE)));
    Column monthsElapsed = month(PanelBase.periodEnd());
    Column expected = when(aggregation.equalTo("sum"), monthsElapsed.divide(12.0)).otherwise(lit(1.0));

    Dataset<Row> withTargets = base.withColumn("_year", year(col(PERIOD_START)))
        .join(catalogue, INDICATOR_CODE)
        .join(annualTargets, Columns.seq(REGION_CODE, INDICATOR_CODE, "_year"), "left")
        .withColumn(YTD_VALUE, ytdValue)
        .withColumn(TARGET_PROGRESS, progress)
        .withColumn(EXPECTED_PROGRESS, when(col(TARGET_VALUE).isNotNull(), expected)
            .otherwise(lit(null).cast(DataTypes.DoubleType)));
    return withAuditFlags(withTargets, findings);
  }

  /**
   * Adds the kind of every finding whose region and indicator are the row's and whose period span overlaps the
   * row's period (a year that contains a falsified month is flagged too).
   */
  static Dataset<Row> withAuditFlags(Dataset<Row> rows, Dataset<Row> findings) {
    Dataset<Row> spans = findings.filter(col(REGION_CODE).isNotNull().and(col(INDICATOR_CODE).isNotNull()))
        .select(col(REGION_CODE).as("_f_region"), col(INDICATOR_CODE).as("_f_indicator"), col(KIND),
            PeriodColumns.start(coalesce(col(PERIOD_FROM), col(PERIOD_TO))).as("_f_from"),
            PeriodColumns.endOf(coalesce(col(PERIOD_TO), col(PERIOD_FROM))).as("_f_to"));
    Dataset<Row> keyed = rows.select(col(REGION_CODE), col(INDICATOR_CODE), col(PERIOD), col(PERIOD_START),
        PanelBase.periodEnd().as("_end"));
    Dataset<Row> kinds = keyed.join(broadcast(spans), col(REGION_CODE).equalTo(col("_f_region"))
            .and(col(INDICATOR_CODE).equalTo(col("_f_indicator")))
            .and(col(PERIOD_START).leq(col("_f_to"))).and(col("_end").geq(col("_f_from"))))
        .groupBy(col(REGION_CODE), col(INDICATOR_CODE), col(PERIOD)).agg(collect_set(col(KIND)).as("_kinds"));
    return rows.join(kinds, Columns.seq(REGION_CODE, INDICATOR_CODE, PERIOD), "left")
        .withColumn(QUALITY_FLAGS, when(col("_kinds").isNull(), col(QUALITY_FLAGS))
            .otherwise(array_distinct(array_union(col(QUALITY_FLAGS), col("_kinds")))));
  }

}
