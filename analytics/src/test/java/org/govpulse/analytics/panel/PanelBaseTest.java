package org.govpulse.analytics.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.govpulse.analytics.CatalogueFixture;
import org.govpulse.core.table.Col;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.testing.TestSpark;
import org.govpulse.core.time.Frequency;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The panel of a city C with districts D1 (population 100) and D2 (300): a rate RATE (mean) whose definition
 * changes in July 2024, and an amount JOBS (sum) with D1's December missing.
 */
class PanelBaseTest {
  private static Map<String, Row> panel;

  private static Row report(String region, String indicator, int month, double value, int definition) {
    LocalDate start = LocalDate.of(2024, month, 1);
    Timestamp at = Timestamp.valueOf(start.plusMonths(1).atTime(9, 0));
    return RowFactory.create(region, indicator, String.format("2024-%02d", month), "monthly", Date.valueOf(start),
        value, "%", definition, "DEPT", at, Double.toString(value), "%", "f.csv", 2L, 0L, at, 1, at);
  }

  @BeforeAll
  static void build() {
    SparkSession spark = TestSpark.session();
    List<Row> reports = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      int definition = m >= 7 ? 2 : 1;
      reports.add(report("D1", "RATE", m, 10, definition));
      reports.add(report("D2", "RATE", m, 20, definition));
      if (m < 12) {
        reports.add(report("D1", "JOBS", m, 100, 1));
      }
      reports.add(report("D2", "JOBS", m, 300, 1));
    }
    Dataset<Row> indicators = CatalogueFixture.indicators(spark,
        CatalogueFixture.indicator("RATE", "%", "higher_better", "monthly", "mean"),
        CatalogueFixture.indicator("JOBS", "persons", "higher_better", "monthly", "sum"));
    Dataset<Row> regions = CatalogueFixture.regions(spark, CatalogueFixture.region("C", null, "city", 400),
        CatalogueFixture.region("D1", "C", "district", 100), CatalogueFixture.region("D2", "C", "district", 300));
    Dataset<Row> noDerived = PanelBase.derivedRow(spark.createDataFrame(List.of(), new StructType()
        .add(Col.REGION_CODE, "string").add(Col.PERIOD, "string").add(Col.VALUE, "double")), "none", "none", "none",
        Frequency.MONTHLY);
    Dataset<Row> base = PanelBase.build(spark.createDataFrame(reports, IngestTables.REPORTS.schema()), noDerived,
        indicators, regions);
    Dataset<Row> findings = spark.createDataFrame(List.of(RowFactory.create("f1", "smooth_series", "medium", "DEPT",
        "D2", "RATE", "2024-10", "2024-10", 0.1, "test", Timestamp.valueOf("2026-01-01 00:00:00"))),
        GoldTables.QUALITY_FINDINGS.schema());
    Dataset<Row> noTargets = spark.createDataFrame(List.of(), GoldTables.TARGETS.schema());
    panel = new HashMap<>();
    for (Row r : PanelProgress.complete(base, noTargets, indicators, findings).collectAsList()) {
      panel.put(r.getAs(Col.REGION_CODE) + "|" + r.getAs(Col.INDICATOR_CODE) + "|" + r.getAs(Col.PERIOD), r);
    }
  }

  private static Row row(String key) {
    assertThat(panel).containsKey(key);
    return panel.get(key);
  }

  private static List<String> flags(String key) {
    return row(key).getList(row(key).fieldIndex(Col.QUALITY_FLAGS));
  }

  @Test
  void a_definition_change_is_a_series_break_and_a_year_mixing_definitions_says_so() {
    assertThat(row("D1|RATE|2024-07").<Boolean>getAs(Col.SERIES_BREAK)).isTrue();
    assertThat(row("D1|RATE|2024-06").<Boolean>getAs(Col.SERIES_BREAK)).isFalse();
    assertThat(row("D1|RATE|2024-08").<Boolean>getAs(Col.SERIES_BREAK)).isFalse();
    assertThat(flags("D1|RATE|2024")).contains("series_break");
    assertThat(row("D1|RATE|2024-Q2").<Boolean>getAs(Col.SERIES_BREAK)).isFalse();
    assertThat(row("D1|RATE|2024-Q3").<Boolean>getAs(Col.SERIES_BREAK)).as("first quarter of the new definition")
        .isTrue();
  }

  @Test
  void districts_roll_up_into_the_city_by_the_indicators_aggregation() {
    assertThat(row("C|RATE|2024-03").<Double>getAs(Col.VALUE)).as("population-weighted mean")
        .isCloseTo(17.5, within(1e-9));
    assertThat(row("C|JOBS|2024-03").<Double>getAs(Col.VALUE)).as("sum").isEqualTo(400.0);
    assertThat(row("C|JOBS|2024-12").<Boolean>getAs(Col.COMPLETE)).isFalse();
    assertThat(row("C|JOBS|2024-12").<String>getAs(Col.DERIVATION)).isEqualTo(PanelBase.REGION_ROLLUP);
  }

  @Test
  void months_roll_up_into_quarters_and_years_and_a_missing_month_makes_them_incomplete() {
    assertThat(row("D2|JOBS|2024").<Double>getAs(Col.VALUE)).isEqualTo(3600.0);
    assertThat(row("D2|RATE|2024-Q1").<Double>getAs(Col.VALUE)).isEqualTo(20.0);
    assertThat(row("D1|JOBS|2024-Q4").<Boolean>getAs(Col.COMPLETE)).isFalse();
    assertThat(flags("D1|JOBS|2024-Q4")).contains("incomplete");
    assertThat(row("D1|JOBS|2024-Q3").<Boolean>getAs(Col.COMPLETE)).isTrue();
  }

  @Test
  void the_year_to_date_follows_the_aggregation() {
    assertThat(row("D2|JOBS|2024-03").<Double>getAs(Col.YTD_VALUE)).isEqualTo(900.0);
    assertThat(row("D2|RATE|2024-03").<Double>getAs(Col.YTD_VALUE)).isEqualTo(20.0);
  }

  @Test
  void an_audit_finding_flags_every_value_whose_period_overlaps_it() {
    assertThat(flags("D2|RATE|2024-10")).contains("smooth_series");
    assertThat(flags("D2|RATE|2024-Q4")).contains("smooth_series");
    assertThat(flags("D2|RATE|2024")).as("the year contains the month").contains("smooth_series");
    assertThat(flags("D2|RATE|2024-09")).doesNotContain("smooth_series");
    assertThat(flags("D1|RATE|2024-10")).doesNotContain("smooth_series");
  }
}
