package org.govpulse.ingestion.samplecity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ground truth of a small city agrees with an independent validator written from the landing formats: every
 * listed bad record is at its line with its defect, nothing else is bad, and the expected counts hold.
 */
class GroundTruthTest {

  @TempDir
  static Path out;

  static SampleCityResult result;
  static LandingValidator.Result validated;

  @BeforeAll
  static void generate() {
    result = new SampleCityGenerator(SampleCitySpec.small()).generate(out);
    validated = LandingValidator.validate(result.landing(), Instant.now());
  }

  @Test
  void every_listed_bad_record_is_found_at_its_line_with_its_reason_and_nothing_else_is_bad() {
    Set<String> expected = csv(result.groundTruth().resolve("bad_records.csv")).stream()
        .map(r -> r.get("source") + "|" + r.get("file") + "|" + r.get("line") + "|" + r.get("expected_reason"))
        .collect(Collectors.toSet());
    Set<String> found = validated.bad().stream()
        .map(f -> f.source() + "|" + f.file() + "|" + f.line() + "|" + f.reason())
        .collect(Collectors.toSet());
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void every_listed_duplicate_is_dropped_as_an_exact_duplicate_and_no_other_record_is() {
    Set<String> expected = csv(result.groundTruth().resolve("duplicates.csv")).stream()
        .map(r -> r.get("source") + "|" + r.get("file") + "|" + r.get("line")).collect(Collectors.toSet());
    Set<String> found = validated.duplicates().stream()
        .map(f -> f.source() + "|" + f.file() + "|" + f.line()).collect(Collectors.toSet());
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void expected_counts_match_what_a_correct_ingestion_reads_quarantines_and_drops() {
    for (Map<String, String> row : csv(result.groundTruth().resolve("expected_counts.csv"))) {
      long[] c = validated.counts().get(row.get("source"));
      assertThat(new long[] {Long.parseLong(row.get("records")), Long.parseLong(row.get("bad")),
          Long.parseLong(row.get("exact_duplicates"))}).as(row.get("source")).containsExactly(c);
    }
    assertThat(result.recordsBySource()).containsOnlyKeys("reports", "sensors", "posts", "surveys", "reference");
    result.recordsBySource().forEach((source, n) -> assertThat(validated.counts().get(source)[0]).isEqualTo(n));
  }

  @Test
  void bad_reports_cover_every_reason_of_the_check_order() {
    Set<String> reasons = validated.bad().stream().filter(f -> f.source().equals("reports"))
        .map(LandingValidator.Finding::reason).collect(Collectors.toSet());
    assertThat(reasons).containsAll(ReportDefects.CHECK_ORDER);
  }

  @Test
  void sensors_posts_and_surveys_have_their_kinds_of_bad_records() {
    Map<String, Set<String>> bySource = new HashMap<>();
    validated.bad().forEach(f -> bySource.computeIfAbsent(f.source(), k -> new HashSet<>()).add(f.reason()));
    assertThat(bySource.get("sensors")).contains("value_not_numeric", "value_out_of_range", "timestamp_invalid")
        .doesNotContain("timestamp_in_future");
    assertThat(bySource.get("surveys")).contains("score_out_of_range");
    assertThat(validated.counts().get("posts")[2]).isPositive();
    assertThat(validated.counts().get("sensors")[2]).isPositive();
    assertThat(validated.counts().get("reports")[2]).isPositive();
  }

  @Test
  void planted_items_reference_existing_regions_indicators_departments_and_sensors() {
    Set<String> regions = column("regions.csv", "region_code");
    Set<String> indicators = column("indicators.csv", "indicator_code");
    Set<String> departments = column("departments.csv", "dept_code");
    Set<String> sensors = column("sensors.csv", "sensor_id");
    List<Map<String, String>> planted = csv(result.groundTruth().resolve("planted.csv"));
    assertThat(planted).hasSize(result.planted().size());
    for (Map<String, String> p : planted) {
      assertThat(p.get("region_code")).as(p.get("planted_id")).satisfiesAnyOf(
          v -> assertThat(v).isEmpty(), v -> assertThat(regions).contains(v));
      assertThat(p.get("indicator_code")).satisfiesAnyOf(
          v -> assertThat(v).isEmpty(), v -> assertThat(indicators).contains(v));
      assertThat(p.get("dept_code")).satisfiesAnyOf(
          v -> assertThat(v).isEmpty(), v -> assertThat(departments).contains(v));
      assertThat(p.get("sensor_id")).satisfiesAnyOf(
          v -> assertThat(v).isEmpty(), v -> assertThat(sensors).contains(v));
      assertThat(p.get("detail")).isNotBlank();
    }
  }

  @Test
  void every_kind_is_planted_in_the_numbers_asked_for() {
    Map<PlantedKind, Long> byKind = result.planted().stream()
        .collect(Collectors.groupingBy(PlantedItem::kind, Collectors.counting()));
    assertThat(byKind).containsEntry(PlantedKind.SMOOTH_SERIES, 2L).containsEntry(PlantedKind.DIGIT_PREFERENCE, 2L)
        .containsEntry(PlantedKind.SENSOR_CONTRADICTION, 2L).containsEntry(PlantedKind.PERIOD_END_SPIKE, 1L)
        .containsEntry(PlantedKind.SUSPICIOUS_REVISION, 2L).containsEntry(PlantedKind.INFLATED, 1L)
        .containsEntry(PlantedKind.LATE_REPORTING, 1L).containsEntry(PlantedKind.TARGET_MISS, 4L)
        .containsEntry(PlantedKind.SERVICE_QUALITY_DROP, 2L).containsEntry(PlantedKind.SENTIMENT_SURGE, 1L)
        .containsEntry(PlantedKind.SENSOR_OUTAGE, 2L).containsEntry(PlantedKind.SENSOR_STUCK, 2L)
        .containsEntry(PlantedKind.SENSOR_SPIKE, 3L).containsEntry(PlantedKind.SENSOR_CLOCK_SKEW, 1L);
  }

  @Test
  void gb18030_files_are_not_valid_utf8_and_decode_as_gb18030_with_chinese_headers() throws IOException {
    List<Path> gb = Stream.concat(walk(result.landing().resolve("reports")), walk(result.landing().resolve("posts")))
        .filter(p -> p.toString().contains("hotline_12345") || p.toString().contains("/HRSS/")
            || p.toString().contains("/HC/") || p.toString().contains("/EDU/"))
        .toList();
    assertThat(gb).isNotEmpty();
    for (Path f : gb) {
      byte[] bytes = Files.readAllBytes(f);
      assertThat(LandingCsv.isValidUtf8(bytes)).as(f.toString()).isFalse();
      String text = new String(bytes, Charset.forName("GB18030"));
      assertThat(text).as(f.toString()).doesNotContain("\uFFFD").containsAnyOf("部门,地区", "编号,渠道");
    }
  }

  @Test
  void every_other_landing_file_is_utf8() throws IOException {
    List<Path> files = walk(result.landing()).filter(p -> !p.toString().contains("hotline_12345")
        && !p.toString().contains("/HRSS/") && !p.toString().contains("/HC/") && !p.toString().contains("/EDU/")
        && !p.toString().contains("/GSA/")).toList();
    for (Path f : files) {
      assertThat(LandingCsv.isValidUtf8(Files.readAllBytes(f))).as(f.toString()).isTrue();
    }
  }

  @Test
  void the_labelled_subset_goes_to_the_training_file() {
    List<Map<String, String>> training = csv(result.training().resolve("sentiment_labelled.csv"));
    long posts = result.recordsBySource().get("posts");
    assertThat((long) training.size()).isBetween((long) (posts * 0.03), (long) (posts * 0.07));
    assertThat(training).allSatisfy(r -> {
      assertThat(r.get("label")).isIn("negative", "neutral", "positive");
      assertThat(r.get("text")).isNotBlank();
    });
  }

  static List<Map<String, String>> csv(Path file) {
    LandingCsv.Parsed p = LandingCsv.read(file);
    return p.rows().stream().map(row -> {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < p.header().size(); i++) {
        m.put(p.header().get(i), row.fields().get(i));
      }
      return m;
    }).toList();
  }

  private static Set<String> column(String referenceFile, String column) {
    return csv(result.landing().resolve("reference").resolve(referenceFile)).stream().map(r -> r.get(column))
        .collect(Collectors.toSet());
  }

  private static Stream<Path> walk(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList().stream();
    }
  }
}
