package org.govpulse.analytics.targets;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.element_at;
import static org.govpulse.core.table.Col.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.govpulse.core.spark.Columns;

/**
 * Resolves targets per region, indicator and period from the tier rules, then lets explicit overrides win.
 * <ul>
 *   <li>{@code absolute}: the target is the parameter;</li>
 *   <li>{@code improvement}: the value of the year before the target period (before the span for long-term goals)
 *       moved by the parameter in the better direction (up when higher is better, down otherwise);</li>
 *   <li>{@code peer_relative}: the parameter-th percentile, counted from the worst, of the tier peers' values of
 *       that basis year (50 = the tier median; 75 = better than three quarters of the tier).</li>
 * </ul>
 * A rule for a specific tier wins over a rule for every tier ({@code *}). A rule whose basis value is missing gives no
 * target rather than a guess. Pure transform.
 */
public final class TargetResolution {
  private static final String TARGET_YEAR = "_target_year";
  private static final String BASIS_YEAR = "_basis_year";
  private static final String SIGN = "_sign";
  private static final String EFFECTIVE_PCT = "_pct";

  private TargetResolution() {}

  /**
   * @param rules silver.target_rules
   * @param overrides silver.target_overrides
   * @param tiers gold.region_tiers
   * @param annual annual panel values: region_code, indicator_code, period (year), value
   * @param indicators silver.indicators
   */
  public static Dataset<Row> resolve(Dataset<Row> rules, Dataset<Row> overrides, Dataset<Row> tiers,
      Dataset<Row> annual, Dataset<Row> indicators) {
    Dataset<Row> polarity = broadcast(indicators.select(col(INDICATOR_CODE),
        when(col(POLARITY).equalTo("higher_better"), lit(1.0)).otherwise(lit(-1.0)).as(SIGN)));
    Column spanEnd = element_at(split(col(PERIOD), "-"), -1).cast("int");
    Column spanStart = element_at(split(col(PERIOD), "-"), 1).cast("int");
    Dataset<Row> expanded = rules.withColumnRenamed(TIER, "_rule_tier")
        .join(broadcast(tiers.select(col(REGION_CODE), col(TIER))),
            col("_rule_tier").equalTo(col(TIER)).or(col("_rule_tier").equalTo("*")))
        .withColumn("_specific", row_number().over(Window.partitionBy(col(REGION_CODE), col(INDICATOR_CODE),
            col(HORIZON), col(PERIOD)).orderBy(when(col("_rule_tier").equalTo("*"), lit(1)).otherwise(lit(0)))))
        .filter(col("_specific").equalTo(1))
        .withColumn(TARGET_YEAR, spanEnd)
        .withColumn(BASIS_YEAR, spanStart.minus(1))
        .join(polarity, INDICATOR_CODE);

    Dataset<Row> basisValues = annual.select(col(REGION_CODE), col(INDICATOR_CODE),
        col(PERIOD).cast("int").as(BASIS_YEAR), col(VALUE).as("_own_basis"));
    Dataset<Row> withOwn = expanded.join(basisValues, Columns.seq(REGION_CODE, INDICATOR_CODE, BASIS_YEAR), "left");

    // percentile among the tier's values of the basis year, counted from the worst
    Dataset<Row> peerValues = annual.join(broadcast(tiers.select(col(REGION_CODE), col(TIER))), REGION_CODE)
        .select(col(TIER), col(INDICATOR_CODE), col(PERIOD).cast("int").as(BASIS_YEAR), col(VALUE));
    Dataset<Row> peerRules = withOwn.filter(col(RULE).equalTo("peer_relative"))
        .select(col(TIER), col(INDICATOR_CODE), col(BASIS_YEAR), col(PARAMETER), col(SIGN)).distinct()
        .withColumn(EFFECTIVE_PCT, when(col(SIGN).gt(0), col(PARAMETER)).otherwise(lit(100.0).minus(col(PARAMETER)))
            .divide(100.0));
    Dataset<Row> peerBasis = peerRules.join(peerValues, Columns.seq(TIER, INDICATOR_CODE, BASIS_YEAR))
        .groupBy(col(TIER), col(INDICATOR_CODE), col(BASIS_YEAR), col(PARAMETER), col(EFFECTIVE_PCT))
        .agg(sort_array(collect_list(col(VALUE))).as("_values"))
        .withColumn("_peer_basis", interpolate(col("_values"), col(EFFECTIVE_PCT)))
        .drop("_values", EFFECTIVE_PCT);

    Dataset<Row> withPeers = withOwn.join(peerBasis, Columns.seq(TIER, INDICATOR_CODE, BASIS_YEAR, PARAMETER), "left");
    Column basis = when(col(RULE).equalTo("improvement"), col("_own_basis"))
        .when(col(RULE).equalTo("peer_relative"), col("_peer_basis"));
    Column target = when(col(RULE).equalTo("absolute"), col(PARAMETER))
        .when(col(RULE).equalTo("improvement"), col("_own_basis").plus(col(PARAMETER).multiply(col(SIGN))))
        .otherwise(col("_peer_basis"));
    Dataset<Row> fromRules = withPeers
        .select(col(REGION_CODE), col(INDICATOR_CODE), col(HORIZON), col(PERIOD), target.as(TARGET_VALUE),
            lit("rule").as(ORIGIN), col(RULE), col(PARAMETER), basis.as(BASIS_VALUE), col(TIER))
        .filter(col(TARGET_VALUE).isNotNull());

    Dataset<Row> fromOverrides = overrides.join(broadcast(tiers.select(col(REGION_CODE), col(TIER))), Columns.seq(REGION_CODE), "left")
        .select(col(REGION_CODE), col(INDICATOR_CODE), col(HORIZON), col(PERIOD), col(TARGET_VALUE),
            lit("override").as(ORIGIN), lit(null).cast(DataTypes.StringType).as(RULE),
            lit(null).cast(DataTypes.DoubleType).as(PARAMETER), lit(null).cast(DataTypes.DoubleType).as(BASIS_VALUE),
            col(TIER));
    return fromRules.join(fromOverrides.select(col(REGION_CODE), col(INDICATOR_CODE), col(HORIZON), col(PERIOD)),
            Columns.seq(REGION_CODE, INDICATOR_CODE, HORIZON, PERIOD), "left_anti")
        .unionByName(fromOverrides);
  }

  /** Linear interpolation at quantile q (0-1) of a sorted array, as numpy's default percentile. */
  static Column interpolate(Column sorted, Column q) {
    Column pos = q.multiply(size(sorted).minus(1));
    Column lo = floor(pos);
    Column hi = ceil(pos);
    Column low = element_at(sorted, lo.plus(1).cast("int"));
    Column high = element_at(sorted, hi.plus(1).cast("int"));
    return low.plus(pos.minus(lo).multiply(high.minus(low)));
  }

}
