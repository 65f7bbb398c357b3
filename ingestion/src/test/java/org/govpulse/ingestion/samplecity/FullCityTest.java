package org.govpulse.ingestion.samplecity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 1x city, validated end to end and measured. Slow (about a million sensor readings), so it only runs with
 * {@code -Dsamplecity.full=true}.
 */
@EnabledIfSystemProperty(named = "samplecity.full", matches = "true")
class FullCityTest {

  @TempDir
  Path out;

  @Test
  void the_1x_city_agrees_with_the_reference_validator_and_reports_its_size() throws IOException {
    long start = System.nanoTime();
    SampleCityResult r = new SampleCityGenerator(SampleCitySpec.defaults()).generate(out);
    double seconds = (System.nanoTime() - start) / 1e9;
    long bytes;
    try (Stream<Path> s = Files.walk(out)) {
      bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    System.out.printf("1x city: %.1f s, %d files, %.1f MB, records %s%n", seconds, r.filesWritten(), bytes / 1e6,
        r.recordsBySource());
    LandingValidator.Result v = LandingValidator.validate(r.landing(), Instant.now());
    Set<String> expected = GroundTruthTest.csv(r.groundTruth().resolve("bad_records.csv")).stream()
        .map(x -> x.get("source") + "|" + x.get("file") + "|" + x.get("line") + "|" + x.get("expected_reason"))
        .collect(Collectors.toSet());
    Set<String> found = v.bad().stream().map(f -> f.source() + "|" + f.file() + "|" + f.line() + "|" + f.reason())
        .collect(Collectors.toSet());
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    for (Map<String, String> row : GroundTruthTest.csv(r.groundTruth().resolve("expected_counts.csv"))) {
      long[] c = v.counts().get(row.get("source"));
      assertThat(new long[] {Long.parseLong(row.get("records")), Long.parseLong(row.get("bad")),
          Long.parseLong(row.get("exact_duplicates"))}).as(row.get("source")).containsExactly(c);
    }
    assertThat(r.recordsBySource().get("sensors")).isBetween(900_000L, 1_200_000L);
    assertThat(GroundTruthTest.csv(r.training().resolve("sentiment_labelled.csv")).size())
        .isGreaterThanOrEqualTo(1500);
  }
}
