package org.govpulse.ingestion;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.Col;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.testing.TestSpark;
import org.govpulse.ingestion.samplecity.SampleCityGenerator;
import org.govpulse.ingestion.samplecity.SampleCityResult;
import org.govpulse.ingestion.samplecity.SampleCitySpec;
import org.govpulse.ingestion.stream.SourceResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests the small sample city and checks the result against its ground truth: every deliberately bad record is
 * quarantined at its file and line with the reason the ground truth names, nothing else is, and the exact duplicates
 * are dropped and counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleCityIngestionTest {
  @TempDir
  static Path root;

  private Warehouse warehouse;
  private IngestResult result;
  private SampleCityResult city;

  @BeforeAll
  void ingestTheSmallCity() {
    city = new SampleCityGenerator(SampleCitySpec.small()).generate(root.resolve("city"));
    GovPulseConfig config = TestSpark.config(root).with(Setting.LANDING, city.landing().toString());
    warehouse = new Warehouse(TestSpark.session(), config.warehouse());
    result = new IngestJob(warehouse, config).execute();
  }

  private List<String[]> groundTruth(String file) throws IOException {
    List<String> lines = Files.readAllLines(city.groundTruth().resolve(file), StandardCharsets.UTF_8);
    return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
  }

  @Test
  void every_planted_bad_record_is_quarantined_with_the_expected_reason_and_nothing_else_is() throws IOException {
    String prefix = city.landing().toUri().getPath();
    Map<String, String> actual = new HashMap<>();
    for (Row r : warehouse.read(IngestTables.QUARANTINE).filter(col(Col.LINE_NO).gt(0)).collectAsList()) {
      String file = r.<String>getAs(Col.SOURCE_FILE).replace("file:", "");
      actual.put(file.substring(file.indexOf(prefix) + prefix.length()) + ":" + r.<Long>getAs(Col.LINE_NO),
          r.getAs(Col.REASON));
    }
    Map<String, String> expected = new HashMap<>();
    for (String[] bad : groundTruth("bad_records.csv")) {
      expected.put(bad[1] + ":" + bad[2], bad[3]);
    }
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void counts_per_source_match_the_ground_truth_and_balance() throws IOException {
    for (String[] row : groundTruth("expected_counts.csv")) {
      if (row[0].equals("reference")) {
        continue;
      }
      SourceResult s = result.source(row[0]);
      long records = Long.parseLong(row[1]);
      long bad = Long.parseLong(row[2]);
      long duplicates = Long.parseLong(row[3]);
      assertThat(s.read()).as(row[0] + " read").isEqualTo(records);
      assertThat(s.quarantined()).as(row[0] + " quarantined").isEqualTo(bad);
      assertThat(s.duplicates()).as(row[0] + " duplicates").isEqualTo(duplicates);
      assertThat(s.accepted()).as(row[0] + " accepted").isEqualTo(records - bad - duplicates);
    }
  }

  @Test
  void the_reference_files_load_without_rejections() {
    assertThat(result.reference()).allSatisfy(f -> {
      assertThat(f.status()).isEqualTo("loaded");
      assertThat(f.rejected()).isZero();
    });
    assertThat(warehouse.count(IngestTables.REGIONS)).isEqualTo(5);
  }
}
