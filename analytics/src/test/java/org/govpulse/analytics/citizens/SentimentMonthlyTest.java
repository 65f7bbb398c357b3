package org.govpulse.analytics.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.govpulse.core.table.Col;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.ModelTables;
import org.govpulse.core.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sentiment per region, topic and month from hand-made scored posts of a city JZ with districts JZ01 and JZ02. */
class SentimentMonthlyTest {
  private static final Timestamp SCORED = Timestamp.from(Instant.parse("2026-11-01T00:00:00Z"));
  private static Map<String, Row> cells;
  private static int sequence;

  private static Row post(String region, String topic, String utc, String label) {
    double p = switch (label) {
      case "negative" -> -0.8;
      case "positive" -> 0.6;
      default -> 0.0;
    };
    Map<String, Double> probabilities = Map.of("negative", p < 0 ? 0.9 : 0.05, "neutral", 0.05,
        "positive", p > 0 ? 0.9 : 0.0);
    return RowFactory.create("weibo", "WB" + (sequence++), Timestamp.from(LocalDateTime.parse(utc)
        .toInstant(ZoneOffset.UTC)), region, topic, "zh", label, scala.jdk.javaapi.CollectionConverters
        .asScala(probabilities), p, "sentiment:v1", SCORED);
  }

  private static Row region(String code, String parent, String level) {
    return RowFactory.create(code, code, code, parent, level, 1e5, 5e4, 60.0, 100.0, 0.5,
        scala.jdk.javaapi.CollectionConverters.asScala(List.<String>of()).toSeq());
  }

  @BeforeAll
  static void compute() {
    SparkSession spark = TestSpark.session();
    List<Row> posts = new ArrayList<>();
    // March 2026: JZ01 two negative transport posts, one positive health post, one without topic; JZ02 one
    // positive health post; one post without region; one post at 20:00 UTC on 31 March, April in China
    posts.add(post("JZ01", "transport", "2026-03-03T02:00:00", "negative"));
    posts.add(post("JZ01", "transport", "2026-03-04T02:00:00", "negative"));
    posts.add(post("JZ01", "health", "2026-03-05T02:00:00", "positive"));
    posts.add(post("JZ01", null, "2026-03-06T02:00:00", "neutral"));
    posts.add(post("JZ02", "health", "2026-03-07T02:00:00", "positive"));
    posts.add(post(null, "health", "2026-03-08T02:00:00", "negative"));
    posts.add(post("JZ02", "housing", "2026-03-31T20:00:00", "negative"));
    // JZ02 education: two negative posts a month for six months, then a burst of 25
    for (int m = 1; m <= 7; m++) {
      int negatives = m == 7 ? 25 : 2;
      for (int i = 0; i < negatives; i++) {
        posts.add(post("JZ02", "education", String.format("2025-%02d-1%dT03:00:00", m, i % 10), "negative"));
      }
      posts.add(post("JZ02", "education", String.format("2025-%02d-20T03:00:00", m), "neutral"));
    }
    // JZ01 employment: one negative post a month, then three
    for (int m = 1; m <= 7; m++) {
      for (int i = 0; i < (m == 7 ? 3 : 1); i++) {
        posts.add(post("JZ01", "employment", String.format("2025-%02d-1%dT03:00:00", m, i), "negative"));
      }
    }
    Dataset<Row> scored = spark.createDataFrame(posts, ModelTables.SCORED_POSTS.schema());
    Dataset<Row> regions = spark.createDataFrame(List.of(region("JZ", null, "city"), region("JZ01", "JZ", "district"),
        region("JZ02", "JZ", "district")), IngestTables.REGIONS.schema());
    cells = new HashMap<>();
    for (Row r : SentimentMonthly.compute(scored, regions).collectAsList()) {
      cells.put(r.getAs(Col.REGION_CODE) + "|" + r.getAs(Col.TOPIC) + "|" + r.getAs(Col.PERIOD), r);
    }
  }

  private static Row cell(String region, String topic, String month) {
    assertThat(cells).containsKey(region + "|" + topic + "|" + month);
    return cells.get(region + "|" + topic + "|" + month);
  }

  @Test
  void a_post_counts_for_its_region_the_city_and_all_topics() {
    Row transport = cell("JZ01", "transport", "2026-03");
    assertThat(transport.<Long>getAs(Col.POSTS_COUNT)).isEqualTo(2L);
    assertThat(transport.<Long>getAs(Col.NEGATIVE_POSTS)).isEqualTo(2L);
    assertThat(transport.<Double>getAs(Col.SHARE_NEGATIVE)).isEqualTo(1.0);
    Row all = cell("JZ01", "*", "2026-03");
    assertThat(all.<Long>getAs(Col.POSTS_COUNT)).as("the post without a topic counts under *").isEqualTo(4L);
    assertThat(all.<Double>getAs(Col.MEAN_SENTIMENT)).isCloseTo((-0.8 - 0.8 + 0.6 + 0.0) / 4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(all.<Double>getAs(Col.SHARE_NEGATIVE)).isEqualTo(0.5);
    Row cityHealth = cell("JZ", "health", "2026-03");
    assertThat(cityHealth.<Long>getAs(Col.POSTS_COUNT)).as("JZ01 and JZ02, not the post without region")
        .isEqualTo(2L);
    assertThat(cell("JZ", "*", "2026-03").<Long>getAs(Col.POSTS_COUNT)).isEqualTo(5L);
  }

  @Test
  void posts_without_a_region_are_counted_apart() {
    assertThat(cell("*", "health", "2026-03").<Long>getAs(Col.NEGATIVE_POSTS)).isEqualTo(1L);
    assertThat(cell("*", "*", "2026-03").<Long>getAs(Col.POSTS_COUNT)).isEqualTo(1L);
  }

  @Test
  void months_are_counted_in_china_time() {
    assertThat(cells).doesNotContainKey("JZ02|housing|2026-03");
    assertThat(cell("JZ02", "housing", "2026-04").<Long>getAs(Col.POSTS_COUNT)).isEqualTo(1L);
  }

  @Test
  void a_burst_of_negative_posts_after_quiet_months_is_a_surge() {
    Row burst = cell("JZ02", "education", "2025-07");
    assertThat(burst.<Boolean>getAs(Col.NEGATIVE_SURGE)).isTrue();
    // 25 against a steady 2 a month: the Poisson floor sqrt(2) sets the scale
    assertThat(burst.<Double>getAs(Col.SURGE_Z)).isCloseTo(23 / Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(cell("JZ02", "education", "2025-06").<Boolean>getAs(Col.NEGATIVE_SURGE)).isFalse();
    assertThat(cell("JZ", "education", "2025-07").<Boolean>getAs(Col.NEGATIVE_SURGE)).as("the city feels it too")
        .isTrue();
  }

  @Test
  void a_quiet_cell_going_from_one_complaint_to_three_is_not_a_surge() {
    Row three = cell("JZ01", "employment", "2025-07");
    assertThat(three.<Double>getAs(Col.SURGE_Z)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(three.<Boolean>getAs(Col.NEGATIVE_SURGE)).isFalse();
  }

  @Test
  void the_first_months_of_a_cell_have_no_baseline() {
    Row first = cell("JZ02", "education", "2025-01");
    assertThat(first.<Double>getAs(Col.SURGE_Z)).isNull();
    assertThat(first.<Boolean>getAs(Col.NEGATIVE_SURGE)).isFalse();
    assertThat(cell("JZ02", "education", "2025-04").<Double>getAs(Col.SURGE_Z)).as("three months of history")
        .isNotNull();
  }
}
