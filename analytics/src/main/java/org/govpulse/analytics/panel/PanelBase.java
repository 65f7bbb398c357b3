package org.govpulse.analytics.panel;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.when;
import static org.govpulse.core.table.Col.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.govpulse.analytics.catalogue.ReportingCalendar;
import org.govpulse.core.time.Frequency;
import org.govpulse.core.spark.Columns;

/**
 * The values of the indicator panel before targets: reported values, values derived from evidence, districts rolled
 * up into the city, and finer periods rolled up into quarters and years, each by the catalogue's aggregation rule.
 * Pure transforms: datasets in, a dataset out.
 */
public final class PanelBase {
  /** Derivation values. */
  public static final String REPORTED = "reported";
  public static final String DERIVED = "derived";
  public static final String TIME_ROLLUP = "time_rollup";
  public static final String REGION_ROLLUP = "region_rollup";

  /** Quality flag values set here. */
  public static final String FLAG_REVISED = "revised";
  public static final String FLAG_LATE = "late";
  public static final String FLAG_SERIES_BREAK = "series_break";
  public static final String FLAG_INCOMPLETE = "incomplete";

  private static final String DAYS = "_days";
  private static final String POP = "_population";
  private static final String PARENT = "_parent";

  /** Columns of the base panel, in order. */
  static final String[] COLUMNS = {REGION_CODE, INDICATOR_CODE, PERIOD, FREQUENCY, PERIOD_START, VALUE, UNIT, SOURCE,
      DERIVATION, DEFINITION_VERSION, SERIES_BREAK, COMPLETE, REVISION_COUNT, QUALITY_FLAGS};

  private PanelBase() {}

  /**
   * Builds the base panel.
   *
   * @param reports silver.reports
   * @param derived rows already in panel shape from evidence (may be empty), see {@link #derivedRow}
   * @param indicators silver.indicators
   * @param regions silver.regions
   */
  public static Dataset<Row> build(Dataset<Row> reports, Dataset<Row> derived, Dataset<Row> indicators,
      Dataset<Row> regions) {
    Dataset<Row> catalogue = broadcast(indicators.select(col(INDICATOR_CODE), col(AGGREGATION),
        col(FREQUENCY).as("_native_frequency")));
    Dataset<Row> native_ = reported(reports).unionByName(derived.select(cols(COLUMNS)))
        .join(catalogue, INDICATOR_CODE);
    Dataset<Row> withCity = native_.unionByName(regionRollup(native_, regions));
    Dataset<Row> all = withCity.unionByName(timeRollup(withCity, Frequency.QUARTERLY))
        .unionByName(timeRollup(withCity, Frequency.ANNUAL));
    return markBreaks(all).select(cols(COLUMNS));
  }

  /** Reported values from silver.reports, flagged revised and late. */
  static Dataset<Row> reported(Dataset<Row> reports) {
    Column flags = array_compact(array(
        when(col(REVISION_COUNT).gt(1), lit(FLAG_REVISED)),
        when(to_date(from_utc_timestamp(col(FIRST_SUBMITTED_AT), "+08:00")).gt(dueDate()), lit(FLAG_LATE))));
    return reports.select(col(REGION_CODE), col(INDICATOR_CODE), col(PERIOD), col(FREQUENCY), col(PERIOD_START),
        col(VALUE), col(UNIT), lit("report").as(SOURCE), lit(REPORTED).as(DERIVATION), col(DEFINITION_VERSION),
        lit(false).as(SERIES_BREAK), lit(true).as(COMPLETE), col(REVISION_COUNT), flags.as(QUALITY_FLAGS));
  }

  /** Due date of a report row (the reporting calendar). */
  static Column dueDate() {
    return ReportingCalendar.dueDate(col(FREQUENCY), col(PERIOD_START));
  }

  /** Last day of the row's period, from period_start and frequency. */
  static Column periodEnd() {
    return PeriodColumns.end(col(FREQUENCY), col(PERIOD_START));
  }

  /** A derived value in panel shape. */
  public static Dataset<Row> derivedRow(Dataset<Row> values, String indicatorCode, String unit, String source,
      Frequency frequency) {
    return values.select(col(REGION_CODE), lit(indicatorCode).as(INDICATOR_CODE), col(PERIOD),
        lit(frequency.code()).as(FREQUENCY), PeriodColumns.start(col(PERIOD)).as(PERIOD_START),
        col(VALUE).cast(DataTypes.DoubleType).as(VALUE), lit(unit).as(UNIT), lit(source).as(SOURCE),
        lit(DERIVED).as(DERIVATION), lit(1).as(DEFINITION_VERSION), lit(false).as(SERIES_BREAK),
        lit(true).as(COMPLETE), lit(null).cast(DataTypes.IntegerType).as(REVISION_COUNT),
        array().cast("array<string>").as(QUALITY_FLAGS));
  }

  /**
   * Districts and counties rolled up into their parent where the parent has no value of its own: sums add up,
   * every other aggregation is a population-weighted mean. Complete when every child with a population had a value.
   */
  static Dataset<Row> regionRollup(Dataset<Row> rows, Dataset<Row> regions) {
    Dataset<Row> children = broadcast(regions.filter(col(PARENT_CODE).isNotNull().and(col(POPULATION).gt(0)))
        .select(col(REGION_CODE), col(PARENT_CODE).as(PARENT), col(POPULATION).as(POP)));
    Dataset<Row> childCount = children.groupBy(col(PARENT)).agg(count(lit(1)).as("_children"));
    Column isSum = col(AGGREGATION).equalTo("sum");
    Dataset<Row> rolled = rows.join(children, REGION_CODE)
        .groupBy(col(PARENT), col(INDICATOR_CODE), col(PERIOD), col(FREQUENCY), col(PERIOD_START), col(UNIT),
            col(SOURCE), col(AGGREGATION), col("_native_frequency"))
        .agg(sum(col(VALUE)).as("_sum"), sum(col(VALUE).multiply(col(POP))).as("_wsum"), sum(col(POP)).as("_pop"),
            count(lit(1)).as("_n"), max(col(DEFINITION_VERSION)).as(DEFINITION_VERSION),
            min(col(DEFINITION_VERSION)).as("_min_def"))
        .join(broadcast(childCount), PARENT)
        .withColumn(VALUE, when(isSum, col("_sum")).otherwise(col("_wsum").divide(col("_pop"))))
        .withColumn(COMPLETE, col("_n").equalTo(col("_children")))
        .withColumnRenamed(PARENT, REGION_CODE);
    Dataset<Row> own = rows.select(col(REGION_CODE), col(INDICATOR_CODE), col(PERIOD)).distinct();
    return finish(rolled.join(own, Columns.seq(REGION_CODE, INDICATOR_CODE, PERIOD), "left_anti"), REGION_ROLLUP);
  }

  /**
   * Rows of a finer native frequency rolled up into {@code target} periods: sum, mean, last (the latest
   * sub-period), or ratio (mean weighted by the days of each sub-period). Complete when every sub-period is there.
   */
  static Dataset<Row> timeRollup(Dataset<Row> rows, Frequency target) {
    Dataset<Row> finer = rows.filter(finerThan(col(FREQUENCY), target));
    Column parent = PeriodColumns.periodOf(col(PERIOD_START), target);
    Column expected = when(col(FREQUENCY).equalTo("monthly"), lit(12 / target.periodsPerYear()))
        .otherwise(lit(4 / target.periodsPerYear()));
    Dataset<Row> rolled = finer
        .withColumn(DAYS, datediff(periodEnd(), col(PERIOD_START)).plus(1))
        .groupBy(col(REGION_CODE), col(INDICATOR_CODE), parent.as("_parent_period"), col(FREQUENCY).as("_from"),
            col(UNIT), col(SOURCE), col(AGGREGATION), col("_native_frequency"))
        .agg(sum(col(VALUE)).as("_sum"), sum(col(VALUE).multiply(col(DAYS))).as("_dsum"), sum(col(DAYS)).as("_days"),
            org.apache.spark.sql.functions.avg(col(VALUE)).as("_mean"),
            max_by(col(VALUE), col(PERIOD_START)).as("_last"), count(lit(1)).as("_n"),
            max(col(DEFINITION_VERSION)).as(DEFINITION_VERSION), min(col(DEFINITION_VERSION)).as("_min_def"),
            first(expected).as("_expected"))
        .filter(col("_from").equalTo(col("_native_frequency")))
        .withColumn(VALUE, when(col(AGGREGATION).equalTo("sum"), col("_sum"))
            .when(col(AGGREGATION).equalTo("last"), col("_last"))
            .when(col(AGGREGATION).equalTo("ratio"), col("_dsum").divide(col("_days")))
            .otherwise(col("_mean")))
        .withColumn(COMPLETE, col("_n").equalTo(col("_expected")))
        .withColumnRenamed("_parent_period", PERIOD)
        .withColumn(FREQUENCY, lit(target.code()))
        .withColumn(PERIOD_START, PeriodColumns.start(col(PERIOD)));
    return finish(rolled, TIME_ROLLUP);
  }

  private static Column finerThan(Column frequency, Frequency target) {
    return target == Frequency.ANNUAL ? frequency.isin("monthly", "quarterly") : frequency.equalTo("monthly");
  }

  /** Common tail of the roll-ups: flags, derivation and column order (aggregation columns kept for chaining). */
  private static Dataset<Row> finish(Dataset<Row> rolled, String derivation) {
    Column mixed = col("_min_def").notEqual(col(DEFINITION_VERSION));
    Column flags = array_compact(array(when(col(COMPLETE).equalTo(false), lit(FLAG_INCOMPLETE)),
        when(mixed, lit(FLAG_SERIES_BREAK))));
    List<Column> out = new ArrayList<>(List.of(cols(REGION_CODE, INDICATOR_CODE, PERIOD, FREQUENCY, PERIOD_START,
        VALUE, UNIT, SOURCE)));
    out.add(lit(derivation).as(DERIVATION));
    out.add(col(DEFINITION_VERSION));
    out.add(mixed.as(SERIES_BREAK));
    out.add(col(COMPLETE));
    out.add(lit(null).cast(DataTypes.IntegerType).as(REVISION_COUNT));
    out.add(flags.as(QUALITY_FLAGS));
    out.add(col(AGGREGATION));
    out.add(col("_native_frequency"));
    return rolled.select(out.toArray(Column[]::new));
  }

  /** Marks a series break where the definition version differs from the previous period of the same series. */
  static Dataset<Row> markBreaks(Dataset<Row> rows) {
    Column previous = lag(col(DEFINITION_VERSION), 1).over(Window.partitionBy(col(REGION_CODE),
        col(INDICATOR_CODE), col(FREQUENCY)).orderBy(col(PERIOD_START)));
    Column isBreak = col(SERIES_BREAK).or(coalesce(previous.notEqual(col(DEFINITION_VERSION)), lit(false)));
    return rows.withColumn(SERIES_BREAK, isBreak)
        .withColumn(QUALITY_FLAGS, when(isBreak, array_union(col(QUALITY_FLAGS), array(lit(FLAG_SERIES_BREAK))))
            .otherwise(col(QUALITY_FLAGS)));
  }

  static Column[] cols(String... names) {
    Column[] c = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      c[i] = col(names[i]);
    }
    return c;
  }

}
