package org.govpulse.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govpulse.app.GovPulse;
import org.govpulse.app.PipelineStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The parts of {@code bench pipeline} that need no pipeline run: its arguments are refused with a clear message
 * before any work starts, and the report's arithmetic (medians, growth ratios, exponents) and formatting.
 */
class PipelineBenchmarkTest {
  @TempDir
  Path root;

  private record Run(int exit, String err) {}

  private Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = GovPulse.commandLine();
    cli.setErr(new PrintWriter(err, true));
    return new Run(cli.execute(args), err.toString());
  }

  @Test
  void bad_scales_are_refused_with_what_why_and_fix_before_anything_is_written() {
    Path dir = root.resolve("bench");
    Run one = run("bench", "pipeline", "--scales", "1", "--dir", dir.toString());
    assertThat(one.exit()).isEqualTo(2);
    assertThat(one.err()).contains("--scales needs at least two scales, got [1.0]")
        .contains("how the cost grows").contains("for example --scales 1,2,4,8");
    assertThat(run("bench", "pipeline", "--scales", "2,1", "--dir", dir.toString()).err())
        .contains("--scales [2.0, 1.0] is not strictly ascending");
    assertThat(run("bench", "pipeline", "--scales", "1,1", "--dir", dir.toString()).err())
        .contains("is not strictly ascending");
    Run zero = run("bench", "pipeline", "--scales", "0,1", "--dir", dir.toString());
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.err()).contains("--scales 0.0 is not a scale the sample-city generator accepts")
        .contains("above 0");
    assertThat(run("bench", "pipeline", "--scales", "1,501", "--dir", dir.toString()).err())
        .contains("--scales 501.0 is not a scale").contains("at most 500");
    assertThat(run("bench", "pipeline", "--scales", "1,2", "--runs", "0", "--dir", dir.toString()).err())
        .contains("--runs 0 is not allowed");
    Run text = run("bench", "pipeline", "--scales", "1,big", "--dir", dir.toString());
    assertThat(text.exit()).isEqualTo(2);
    assertThat(text.err()).contains("Invalid value for option '--scales'").contains("big");
    assertThat(run("bench", "pipeline", "--scales", "1,2").err()).contains("Missing required option: '--dir=DIR'");
    Run noCsv = run("bench", "pipeline", "--report-only", "--dir", dir.toString());
    assertThat(noCsv.exit()).isNotZero();
    assertThat(noCsv.err()).contains("There is no " + dir.resolve("pipeline.csv"))
        .contains("Pass the --dir of an earlier `bench pipeline` run");
    assertThat(Files.exists(dir)).isFalse();
  }

  @Test
  void a_stage_is_found_by_its_command_or_short_name_and_an_unknown_one_lists_the_names() {
    assertThat(PipelineStage.of("models train-sentiment")).isEqualTo(PipelineStage.TRAIN_SENTIMENT);
    assertThat(PipelineStage.of("forecast")).isEqualTo(PipelineStage.FORECAST);
    assertThatThrownBy(() -> PipelineStage.of("deploy")).hasMessageContaining("There is no pipeline stage deploy")
        .hasMessageContaining("ingest, train-sentiment, score-sentiment, analyze, train, forecast, warn");
  }

  @Test
  void a_worker_line_becomes_a_measure_and_a_malformed_one_is_refused() {
    Map<String, String> values = ChildJvm.parse("seconds=12.50 cpu=20.00 setup=2.10 sensor_readings=1000 "
        + "load=3.25 peak_rss_mb=900");
    PipelineReport.Measure m = PipelineReport.Measure.of(1, 1, "ingest", values);
    assertThat(m.seconds()).isEqualTo(12.5);
    assertThat(m.setup()).isEqualTo(2.1);
    assertThat(m.peakRssMb()).isEqualTo(900);
    assertThat(m.load()).isEqualTo(3.25);
    assertThat(m.sizes()).containsExactly(Map.entry("sensor_readings", 1000L));
    assertThatThrownBy(() -> ChildJvm.parse("seconds=1 oops")).hasMessageContaining("not a key=value pair: 'oops'");
  }

  @Test
  void growth_table_puts_each_stage_time_ratio_beside_its_input_ratio_with_the_exponent() {
    List<PipelineReport.Measure> measures = new ArrayList<>();
    // Scale 1 to 4: four times the input. Ingest grows linearly (10 s to 40 s), analyze with the square root
    // (10 s to 20 s), every other stage is a fixed 5 s. Two runs at scale 4 give a median.
    for (double scale : List.of(1.0, 4.0)) {
      long f = (long) scale;
      measures.add(measure(scale, 1, PipelineReport.GENERATE, 3 * scale, Map.of(PipelineReport.LANDING_RECORDS,
          1000 * f)));
      for (int run = 1; run <= 2; run++) {
        double jitter = run == 1 ? -1 : 1;
        for (PipelineStage stage : PipelineStage.values()) {
          double seconds = switch (stage) {
            case INGEST -> 10 * scale + jitter;
            case ANALYZE -> 10 * Math.sqrt(scale) + jitter;
            default -> 5 + jitter;
          };
          Map<String, Long> sizes = switch (stage) {
            case INGEST -> Map.of(PipelineReport.READINGS, 800 * f, PipelineReport.REPORT_ROWS, 100 * f,
                PipelineReport.POSTS, 100 * f);
            case TRAIN_SENTIMENT -> Map.of(PipelineReport.LABELLED_POSTS, 50 * f);
            case FORECAST -> Map.of(PipelineReport.SERIES, 20 * f);
            default -> Map.of();
          };
          measures.add(measure(scale, run, stage.shortName(), seconds, sizes));
        }
      }
    }
    PipelineReport report = new PipelineReport(measures);

    assertThat(report.growthTable())
        .contains("| stage | main input | 1→4 wall | 1→4 CPU | 1→4 input | exponent wall | exponent CPU |")
        .contains("| ingest | landing records | 4.00x | 4.00x | 4.00x | 1.00 | 1.00 |")
        .contains("| analyze | sensor readings | 2.00x | 2.00x | 4.00x | 0.50 | 0.50 |")
        .contains("| warn | forecast series | 1.00x | 1.00x | 4.00x | 0.00 | 0.00 |")
        // The whole pipeline: 45 s at scale 1, 85 s at scale 4; log(85 / 45) / log(4) = 0.46.
        .contains("| **pipeline** | landing records | 1.89x | 1.89x | 4.00x | 0.46 | 0.46 |");
    assertThat(report.sizesTable()).contains("| 1 | 1,000 | 800 | 100 | 100 | 50 | 20 | 3.0 |")
        .contains("| 4 | 4,000 | 3,200 | 400 | 400 | 200 | 80 | 12.0 |");
    // Pipeline total at scale 4: 40 + 20 + 5 x 5 = 85 s of wall time.
    assertThat(report.stagesTable()).contains("| 4 | ingest | 40.0 | 80.0 | 2.0 | 1,000 | 1.5 |")
        .contains("| 4 | **pipeline** | **85.0** |");
    assertThat(report.markdown()).contains("medians of 2 run(s)").doesNotContain("Reference on the largest scale");
    String[] csv = report.csv().split("\n");
    assertThat(csv).hasSize(measures.size() + 1);
    assertThat(csv[0]).startsWith("scale,run,step,seconds,cpu_seconds,start_seconds,peak_rss_mb,load,");
    assertThat(csv[1]).startsWith("1,1,generate,3.00,6.00,2.00,1000,1.50,1000");
    // The CSV holds everything the tables need: rendered again from it (--report-only), they are the same.
    assertThat(new PipelineReport(PipelineReport.parseCsv(report.csv())).markdown()).isEqualTo(report.markdown());
    assertThatThrownBy(() -> PipelineReport.parseCsv("scale,seconds\n1,2"))
        .hasMessageContaining("not a pipeline benchmark CSV: its header is 'scale,seconds'");
  }

  @Test
  void an_unchanged_or_unknown_input_gives_no_ratio_and_no_exponent() {
    assertThat(PipelineReport.exponent(2, 1)).isNaN();
    // Landing records grew 1 % from scale 0.1 to 0.2 (the same three districts): no exponent from that.
    assertThat(PipelineReport.exponent(1.12, 1.01)).isNaN();
    assertThat(PipelineReport.exponent(0.5, 0.5)).isEqualTo(1.0);
    assertThat(PipelineReport.exponent(0, 2)).isNaN();
    assertThat(PipelineReport.exponent(8, 2)).isEqualTo(3.0);
    assertThat(PipelineReport.ratio(Double.NaN)).isEqualTo("-");
    assertThat(PipelineReport.ratio(1.5)).isEqualTo("1.50x");
    assertThat(PipelineReport.median(3, 1, 2, 10)).isEqualTo(2.5);
    assertThat(PipelineReport.scale(0.5)).isEqualTo("0.5");
    assertThat(PipelineReport.scale(16)).isEqualTo("16");
    // No forecast series reported at either scale: the later stages show "-" rather than a made-up ratio.
    List<PipelineReport.Measure> measures = new ArrayList<>();
    for (double scale : List.of(0.1, 0.2)) {
      for (PipelineStage stage : PipelineStage.values()) {
        measures.add(measure(scale, 1, stage.shortName(), 4, stage == PipelineStage.INGEST
            ? Map.of(PipelineReport.READINGS, 1000L) : Map.of()));
      }
    }
    assertThat(new PipelineReport(measures).growthTable())
        .contains("| analyze | sensor readings | 1.00x | 1.00x | 1.00x | - | - |")
        .contains("| warn | forecast series | 1.00x | 1.00x | - | - | - |");
  }

  @Test
  void the_reference_table_compares_both_engines_and_the_stages_with_duckdb() {
    List<PipelineReport.Measure> measures = new ArrayList<>();
    for (double scale : List.of(1.0, 2.0)) {
      for (PipelineStage stage : PipelineStage.values()) {
        measures.add(measure(scale, 1, stage.shortName(), 30, stage == PipelineStage.ANALYZE
            ? Map.of(PipelineReport.AIR_QUALITY_MS, 6000L) : Map.of()));
      }
    }
    Map<String, Long> answer = Map.of(PipelineReport.STATION_DAYS, 365L, PipelineReport.REFERENCE_READINGS, 8760L);
    measures.add(measure(2, 1, PipelineReport.DUCKDB, 1.5, answer));
    measures.add(measure(2, 1, PipelineReport.SPARK_REFERENCE, 12, answer));
    assertThat(new PipelineReport(measures).referenceTable()).startsWith("| scale 2 | seconds | x DuckDB |")
        .contains("| DuckDB (2 threads), landing CSV | 1.50 | 1.00x | 2.0 | 1,000 | 365 | 8,760 |")
        .contains("| Spark (local), same SQL, landing CSV | 12.00 | 8.00x |")
        .contains("| analyze, its air_quality stage (from silver, 3 gold tables) | 6.00 | 4.00x |")
        .contains("| ingest stage (every source, bronze, silver, quarantine) | 30.0 | 20.00x |");
  }

  /** A measure with CPU twice the wall time, 2 s of start, 1,000 MiB of peak memory, under a load of 1.5. */
  private static PipelineReport.Measure measure(double scale, int run, String step, double seconds,
      Map<String, Long> sizes) {
    return new PipelineReport.Measure(scale, run, step, seconds, 2 * seconds, 2, 1000, 1.5,
        new LinkedHashMap<>(sizes));
  }
}
