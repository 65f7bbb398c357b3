package org.govpulse.analytics.catalogue;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.govpulse.core.table.Col.*;

import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.govpulse.analytics.panel.PeriodColumns;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.GoldTables;

/**
 * Where the values of each derived indicator ({@link DerivedIndicators}) come from: the gold table and column, how
 * much of the period the evidence covers and the smallest difference it can resolve. The panel takes the values;
 * the audit also weighs coverage and resolution when it compares a report with its evidence.
 */
public final class DerivedValues {
  /** Share of the period the evidence covers, 0-1. */
  public static final String COVERAGE = "coverage";
  /** Smallest meaningful difference of a value, in its unit. */
  public static final String RESOLUTION = "resolution";
  /** Value that means "all" in the topic, service area and region columns of the citizen tables. */
  public static final String ALL = "*";

  private DerivedValues() {}

  /**
   * {@code region_code, period, value, coverage, resolution} of one derived indicator; empty when the table it
   * comes from has not been written (or the code is not a derived indicator GovPulse computes).
   */
  public static Optional<Dataset<Row>> of(Warehouse warehouse, String code) {
    return switch (code) {
      case DerivedIndicators.GOOD_AIR_DAYS -> air(warehouse, col(GOOD_DAY_RATIO), lit(100.0).divide(col(VALID_DAYS)));
      // daily concentrations are published as whole µg/m³ (HJ 663-2013), so a monthly mean resolves about one
      case DerivedIndicators.PM25 -> air(warehouse, col(PM25_MEAN), lit(1.0));
      case DerivedIndicators.SENTIMENT -> table(warehouse, GoldTables.SENTIMENT_MONTHLY).map(t -> shape(
          t.filter(col(TOPIC).equalTo(ALL).and(col(REGION_CODE).notEqual(ALL))), col(MEAN_SENTIMENT).multiply(100.0),
          lit(1.0), lit(1.0)));
      case DerivedIndicators.SATISFACTION -> table(warehouse, GoldTables.SATISFACTION).map(t -> shape(
          t.filter(col(SERVICE_AREA).equalTo(ALL).and(col(SUFFICIENT))), col(MEAN_SCORE), lit(1.0), lit(0.01)));
      default -> Optional.empty();
    };
  }

  private static Optional<Dataset<Row>> air(Warehouse warehouse, Column value, Column resolution) {
    Column days = dayofmonth(last_day(PeriodColumns.start(col(PERIOD))));
    return table(warehouse, GoldTables.AIR_QUALITY_MONTHLY).map(t -> shape(t,
        value, least(col(AVAILABILITY), col(VALID_DAYS).divide(days)), resolution));
  }

  private static Optional<Dataset<Row>> table(Warehouse warehouse, org.govpulse.core.table.TableContract table) {
    return warehouse.exists(table) ? Optional.of(warehouse.read(table)) : Optional.empty();
  }

  private static Dataset<Row> shape(Dataset<Row> t, Column value, Column coverage, Column resolution) {
    return t.select(col(REGION_CODE), col(PERIOD), value.as(VALUE), coverage.as(COVERAGE),
        resolution.as(RESOLUTION)).filter(col(VALUE).isNotNull());
  }
}
