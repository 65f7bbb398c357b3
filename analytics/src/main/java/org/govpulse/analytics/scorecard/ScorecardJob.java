package org.govpulse.analytics.scorecard;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.govpulse.core.table.Col.*;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.TableContract;

/**
 * Writes gold.scorecard and gold.score_contributions: for every year, a 0-100 score per district or county from the
 * weighted catalogue indicators (quantitative and qualitative alike: satisfaction and sentiment enter like any other
 * indicator with a weight), and a score per department: the weighted share of districts meeting their annual
 * targets on the department's indicators.
 */
public final class ScorecardJob {
  /** Scope values. */
  public static final String REGION = "region";
  public static final String DEPARTMENT = "department";

  private final Warehouse warehouse;

  public ScorecardJob(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Rows written per table. */
  public record Result(long scores, long contributions) {}

  /**
   * @param panel gold.indicator_panel rows
   * @param tiers gold.region_tiers
   * @param indicators silver.indicators
   */
  public Result execute(Dataset<Row> panel, Dataset<Row> tiers, Dataset<Row> indicators) {
    warehouse.spark().sparkContext().setJobDescription("govpulse analyze: scorecards");
    Dataset<Row> all = inputs(panel, tiers, indicators).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> scored = score(all);
      Dataset<Row> cached = scored.persist(StorageLevel.MEMORY_AND_DISK());
      warehouse.overwrite(cached.select(cols(GoldTables.SCORECARD)).distinct(), GoldTables.SCORECARD);
      warehouse.overwrite(cached, GoldTables.SCORE_CONTRIBUTIONS);
      Result r = new Result(warehouse.read(GoldTables.SCORECARD).count(),
          warehouse.read(GoldTables.SCORE_CONTRIBUTIONS).count());
      cached.unpersist();
      return r;
    } finally {
      all.unpersist();
    }
  }

  private static org.apache.spark.sql.Column[] cols(TableContract t) {
    return Warehouse.columns(t);
  }

  /**
   * Score inputs of both scopes: (scope, period, entity, group, indicator, value, weight, higher_better, relative).
   * Pure transform.
   */
  static Dataset<Row> inputs(Dataset<Row> panel, Dataset<Row> tiers, Dataset<Row> indicators) {
    Dataset<Row> weighted = broadcast(indicators.filter(col(WEIGHT).gt(0))
        .select(col(INDICATOR_CODE), col(WEIGHT), col(POLARITY).equalTo("higher_better").as("_higher"),
            col(DEPT_CODE)));
    Dataset<Row> annual = panel.filter(col(FREQUENCY).equalTo("annual"))
        .join(broadcast(tiers.select(col(REGION_CODE), col(TIER))), REGION_CODE)
        .join(weighted, INDICATOR_CODE);
    Dataset<Row> regions = annual.select(lit(REGION).as(SCOPE), col(PERIOD), col(REGION_CODE).as(ENTITY_CODE),
        col(TIER).as("_group"), col(INDICATOR_CODE), col(VALUE), col(WEIGHT), col("_higher"),
        lit(true).as("_relative"));
    Dataset<Row> met = annual.filter(col(TARGET_VALUE).isNotNull())
        .withColumn("_met", when(col("_higher"), col(VALUE).geq(col(TARGET_VALUE)))
            .otherwise(col(VALUE).leq(col(TARGET_VALUE))).cast(DataTypes.DoubleType))
        .groupBy(col(DEPT_CODE), col(PERIOD), col(INDICATOR_CODE), col(WEIGHT))
        .agg(sum(col("_met")).divide(count(lit(1))).multiply(100.0).as(VALUE));
    Dataset<Row> departments = met.select(lit(DEPARTMENT).as(SCOPE), col(PERIOD), col(DEPT_CODE).as(ENTITY_CODE),
        lit(DEPARTMENT).as("_group"), col(INDICATOR_CODE), col(VALUE), col(WEIGHT), lit(true).as("_higher"),
        lit(false).as("_relative"));
    return regions.unionByName(departments);
  }

  /** Scores every (scope, period) group with {@link ScoreCalculator}. Pure transform. */
  static Dataset<Row> score(Dataset<Row> inputs) {
    StructType out = GoldTables.SCORE_CONTRIBUTIONS.schema()
        .add(TIER, DataTypes.StringType).add(SCORE, DataTypes.DoubleType).add(RANK, DataTypes.IntegerType)
        .add(RANK_IN_TIER, DataTypes.IntegerType).add(RANK_P05, DataTypes.IntegerType)
        .add(RANK_P95, DataTypes.IntegerType).add(INDICATORS_USED, DataTypes.IntegerType);
    return inputs.groupByKey((MapFunction<Row, String>) r -> r.<String>getAs(SCOPE) + "|" + r.<String>getAs(PERIOD),
            Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) ScorecardJob::scoreGroup, Encoders.row(out));
  }

  private static Iterator<Row> scoreGroup(String key, Iterator<Row> rows) {
    String scope = key.substring(0, key.indexOf('|'));
    String period = key.substring(key.indexOf('|') + 1);
    List<ScoreCalculator.Input> in = new ArrayList<>();
    boolean relative = true;
    while (rows.hasNext()) {
      Row r = rows.next();
      relative = r.getAs("_relative");
      in.add(new ScoreCalculator.Input(r.getAs(ENTITY_CODE), r.getAs("_group"), r.getAs(INDICATOR_CODE),
          r.<Double>getAs(VALUE), r.<Double>getAs(WEIGHT), r.<Boolean>getAs("_higher")));
    }
    List<Row> out = new ArrayList<>();
    long seed = key.hashCode();
    for (ScoreCalculator.Score s : new ScoreCalculator(seed, relative).score(in)) {
      String tier = scope.equals(REGION) ? s.group() : null;
      Integer inTier = scope.equals(REGION) ? s.rankInGroup() : null;
      for (ScoreCalculator.Contribution c : s.contributions()) {
        out.add(RowFactory.create(scope, s.entity(), period, c.indicator(), c.value(), c.normalised(), c.weight(),
            c.points(), tier, s.score(), s.rank(), inTier, s.rankP05(), s.rankP95(), s.contributions().size()));
      }
    }
    return out.iterator();
  }
}
