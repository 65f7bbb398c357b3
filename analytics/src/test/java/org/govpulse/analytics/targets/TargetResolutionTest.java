package org.govpulse.analytics.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Targets of four regions, two per tier: rules per tier and for every tier, an override, annual and long-term
 * horizons, a lower-is-better indicator.
 */
class TargetResolutionTest {
  private static Map<String, Row> targets;

  private static Row rule(String tier, String indicator, String horizon, String period, String rule, double p) {
    return RowFactory.create(tier, indicator, horizon, period, rule, p);
  }

  private static Row value(String region, String indicator, String year, double v) {
    return RowFactory.create(region, indicator, year, v);
  }

  private static Row tier(String region, String tier) {
    return RowFactory.create(region, tier, 0.0, scala.jdk.javaapi.CollectionConverters.asScala(Map.<String, Double>of()),
        1, scala.jdk.javaapi.CollectionConverters.asScala(List.<String>of()).toList(), "test");
  }

  @BeforeAll
  static void resolve() {
    SparkSession spark = TestSpark.session();
    Dataset<Row> rules = spark.createDataFrame(List.of(
        rule("*", "JOBS_RATE", "annual", "2025", "absolute", 90),
        rule("T1", "JOBS_RATE", "annual", "2025", "absolute", 95),
        rule("*", "WAIT_DAYS", "annual", "2025", "improvement", 2),
        rule("*", "ONLINE", "annual", "2025", "peer_relative", 50),
        rule("*", "FOREST", "long_term", "2021-2025", "improvement", 3),
        rule("*", "LIFE", "annual", "2025", "improvement", 0.5)), IngestTables.TARGET_RULES.schema());
    Dataset<Row> overrides = spark.createDataFrame(List.of(RowFactory.create("A2", "JOBS_RATE", "annual", "2025",
        99.0, "handed down by the city")), IngestTables.TARGET_OVERRIDES.schema());
    Dataset<Row> tiers = spark.createDataFrame(List.of(tier("A1", "T1"), tier("A2", "T1"), tier("B1", "T2"),
        tier("B2", "T2")), GoldTables.REGION_TIERS.schema());
    Dataset<Row> annual = spark.createDataFrame(List.of(
        value("A1", "WAIT_DAYS", "2024", 10), value("B1", "WAIT_DAYS", "2024", 14),
        value("A1", "ONLINE", "2024", 80), value("A2", "ONLINE", "2024", 90),
        value("B1", "ONLINE", "2024", 60), value("B2", "ONLINE", "2024", 70),
        value("A1", "FOREST", "2020", 30)),
        new StructType().add(Col.REGION_CODE, "string").add(Col.INDICATOR_CODE, "string")
            .add(Col.PERIOD, "string").add(Col.VALUE, "double"));
    Dataset<Row> indicators = CatalogueFixture.indicators(spark,
        CatalogueFixture.indicator("JOBS_RATE", "%", "higher_better", "annual", "last"),
        CatalogueFixture.indicator("WAIT_DAYS", "days", "lower_better", "annual", "mean"),
        CatalogueFixture.indicator("ONLINE", "%", "higher_better", "annual", "mean"),
        CatalogueFixture.indicator("FOREST", "%", "higher_better", "annual", "last"),
        CatalogueFixture.indicator("LIFE", "years", "higher_better", "annual", "mean"));
    targets = new HashMap<>();
    for (Row r : TargetResolution.resolve(rules, overrides, tiers, annual, indicators).collectAsList()) {
      targets.put(r.getAs(Col.REGION_CODE) + "|" + r.getAs(Col.INDICATOR_CODE) + "|" + r.getAs(Col.PERIOD), r);
    }
  }

  private static double target(String key) {
    assertThat(targets).containsKey(key);
    return targets.get(key).getAs(Col.TARGET_VALUE);
  }

  @Test
  void a_rule_for_the_tier_wins_over_the_rule_for_every_tier_and_an_override_over_both() {
    assertThat(target("A1|JOBS_RATE|2025")).isEqualTo(95.0);
    assertThat(target("B1|JOBS_RATE|2025")).isEqualTo(90.0);
    assertThat(target("A2|JOBS_RATE|2025")).isEqualTo(99.0);
    assertThat(targets.get("A2|JOBS_RATE|2025").<String>getAs(Col.ORIGIN)).isEqualTo("override");
  }

  @Test
  void an_improvement_moves_last_years_value_in_the_better_direction() {
    assertThat(target("A1|WAIT_DAYS|2025")).as("fewer days is better").isEqualTo(8.0);
    assertThat(targets.get("A1|WAIT_DAYS|2025").<Double>getAs(Col.BASIS_VALUE)).isEqualTo(10.0);
  }

  @Test
  void a_peer_relative_target_is_the_tier_percentile() {
    assertThat(target("A1|ONLINE|2025")).as("median of T1: 80 and 90").isCloseTo(85.0, within(1e-9));
    assertThat(target("B2|ONLINE|2025")).as("median of T2: 60 and 70").isCloseTo(65.0, within(1e-9));
  }

  @Test
  void a_long_term_goal_starts_from_the_year_before_its_span() {
    assertThat(target("A1|FOREST|2021-2025")).isEqualTo(33.0);
    assertThat(targets.get("A1|FOREST|2021-2025").<String>getAs(Col.HORIZON)).isEqualTo("long_term");
  }

  @Test
  void a_rule_without_its_basis_value_gives_no_target() {
    assertThat(targets).doesNotContainKey("B2|WAIT_DAYS|2025").doesNotContainKey("A1|LIFE|2025");
  }
}
