package org.govpulse.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestBenchmarkTest {
  private static final Map<String, String> DUCKDB =
      Map.of("seconds", "15.2", "read", "100", "accepted", "90", "quarantined", "6", "duplicates", "4");

  @Test
  void runs_that_count_the_same_records_agree_whatever_their_times() {
    Map<String, String> spark =
        Map.of("seconds", "70.1", "read", "100", "accepted", "90", "quarantined", "6", "duplicates", "4");
    assertThat(IngestBenchmark.disagreement(DUCKDB, spark)).isNull();
  }

  @Test
  void a_run_that_read_nothing_is_named_with_every_count_it_got_wrong() {
    Map<String, String> empty =
        Map.of("seconds", "14.0", "read", "0", "accepted", "0", "quarantined", "0", "duplicates", "0");
    assertThat(IngestBenchmark.disagreement(DUCKDB, empty))
        .contains("read 100 (duckdb) vs 0 (spark)", "accepted 90 (duckdb) vs 0 (spark)")
        .contains("quarantined", "duplicates");
  }
}
