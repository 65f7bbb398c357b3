package org.govpulse.ingestion.samplecity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Determinism, independence of the random streams, speed and the shape of the result. */
class SampleCityGeneratorTest {

  @TempDir
  Path first;

  @TempDir
  Path second;

  @Test
  void the_same_spec_and_seed_give_byte_identical_files() throws IOException {
    new SampleCityGenerator(SampleCitySpec.small()).generate(first);
    new SampleCityGenerator(SampleCitySpec.small()).generate(second);
    List<Path> a = files(first);
    List<Path> b = files(second);
    assertThat(a).isNotEmpty().isEqualTo(b);
    for (Path rel : a) {
      assertThat(Files.readAllBytes(second.resolve(rel))).as(rel.toString())
          .isEqualTo(Files.readAllBytes(first.resolve(rel)));
    }
  }

  @Test
  void another_seed_gives_another_city() throws IOException {
    new SampleCityGenerator(SampleCitySpec.small()).generate(first);
    new SampleCityGenerator(SampleCitySpec.small().withSeed(7L)).generate(second);
    Path rel = Path.of("ground_truth", "true_series.csv");
    assertThat(Files.readAllBytes(second.resolve(rel))).isNotEqualTo(Files.readAllBytes(first.resolve(rel)));
  }

  @Test
  void changing_the_post_volume_leaves_sensors_reports_and_the_truth_unchanged() throws IOException {
    new SampleCityGenerator(SampleCitySpec.small()).generate(first);
    new SampleCityGenerator(SampleCitySpec.small().withPostsPerMonth(90)).generate(second);
    for (Path rel : files(first)) {
      String s = rel.toString().replace('\\', '/');
      if (s.startsWith("landing/sensors") || s.startsWith("landing/reports") || s.equals(
          "ground_truth/true_series.csv")) {
        assertThat(Files.readAllBytes(second.resolve(rel))).as(s).isEqualTo(Files.readAllBytes(first.resolve(rel)));
      }
    }
    assertThat(Files.size(second.resolve("training/sentiment_labelled.csv")))
        .isGreaterThan(Files.size(first.resolve("training/sentiment_labelled.csv")));
  }

  @Test
  void the_small_city_generates_in_well_under_ten_seconds() {
    long start = System.nanoTime();
    new SampleCityGenerator(SampleCitySpec.small()).generate(first);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("small city generated in %.2f s%n", seconds);
    assertThat(seconds).isLessThan(10.0);
  }

  @Test
  void the_result_points_at_the_three_folders_and_counts_what_was_written() throws IOException {
    SampleCityResult r = new SampleCityGenerator(SampleCitySpec.small()).generate(first);
    assertThat(r.landing()).isEqualTo(first.resolve("landing")).isDirectory();
    assertThat(r.groundTruth()).isEqualTo(first.resolve("ground_truth")).isDirectory();
    assertThat(r.training()).isEqualTo(first.resolve("training")).isDirectory();
    assertThat(r.filesWritten()).isEqualTo(files(first).size());
    assertThat(r.recordsBySource().keySet()).containsExactly("reports", "sensors", "posts", "surveys", "reference");
    assertThat(r.recordsBySource().get("posts")).isBetween(1_500L, 2_600L);
    assertThat(r.planted()).extracting(PlantedItem::plantedId).startsWith("P001", "P002").doesNotHaveDuplicates();
    assertThat(Arrays.stream(new String[] {"regions", "departments", "indicators", "indicator_definitions", "sensors",
        "target_rules", "target_overrides", "budgets"})).allSatisfy(name ->
        assertThat(r.landing().resolve("reference").resolve(name + ".csv")).isRegularFile());
  }

  @Test
  void generating_into_a_folder_that_holds_a_city_fails_with_a_helpful_message() {
    new SampleCityGenerator(SampleCitySpec.small()).generate(first);
    assertThatThrownBy(() -> new SampleCityGenerator(SampleCitySpec.small()).generate(first))
        .isInstanceOf(SampleCityException.class)
        .hasMessageContaining("already contains a sample city")
        .hasMessageContaining("choose an empty one");
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
