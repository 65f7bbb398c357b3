package org.govpulse.analytics.budget;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.govpulse.core.table.Col.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.govpulse.core.spark.Columns;

/**
 * Joins spending with results: every programme's amount against the change, over the previous year, of each
 * outcome indicator it is meant to move (in its region, or in the city for city-wide programmes), signed by polarity,
 * and the cost per unit of improvement. A change in the wrong direction has no cost per unit: money did not buy
 * improvement there, and a negative "cost" would read as a bargain. Pure transform.
 */
public final class BudgetOutcomes {
  private BudgetOutcomes() {}

  /**
   * @param budgets silver.budgets
   * @param annual annual panel rows (region_code, indicator_code, period, value)
   * @param indicators silver.indicators
   * @param regions silver.regions
   */
  public static Dataset<Row> compute(Dataset<Row> budgets, Dataset<Row> annual, Dataset<Row> indicators,
      Dataset<Row> regions) {
    Dataset<Row> city = broadcast(regions.filter(col(LEVEL).equalTo("city")).select(col(REGION_CODE).as("_city")));
    Dataset<Row> sign = broadcast(indicators.select(col(INDICATOR_CODE),
        when(col(POLARITY).equalTo("higher_better"), lit(1.0)).otherwise(lit(-1.0)).as("_sign")));
    Dataset<Row> values = annual.select(col(REGION_CODE).as("_where"), col(INDICATOR_CODE),
        col(PERIOD).cast("int").as(YEAR), col(VALUE).as("_now"));
    Dataset<Row> previous = annual.select(col(REGION_CODE).as("_where"), col(INDICATOR_CODE),
        col(PERIOD).cast("int").plus(1).as(YEAR), col(VALUE).as("_before"));
    Column change = col("_now").minus(col("_before"));
    Column improvement = change.multiply(col("_sign"));
    return budgets.crossJoin(city)
        .withColumn("_where", coalesce(col(REGION_CODE), col("_city")))
        .withColumn(INDICATOR_CODE, explode(col(OUTCOME_INDICATORS)))
        .join(sign, INDICATOR_CODE)
        .join(values, Columns.seq("_where", INDICATOR_CODE, YEAR), "left")
        .join(previous, Columns.seq("_where", INDICATOR_CODE, YEAR), "left")
        .withColumn(OUTCOME_CHANGE, change)
        .withColumn(IMPROVEMENT, improvement)
        .withColumn(COST_PER_UNIT, when(improvement.gt(0), col(AMOUNT_YUAN).divide(improvement)));
  }
}
