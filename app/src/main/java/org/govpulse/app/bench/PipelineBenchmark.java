package org.govpulse.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.govpulse.analytics.bench.SparkBenchOptions;
import org.govpulse.app.PipelineStage;
import org.govpulse.core.error.Errors;
import org.govpulse.ingestion.samplecity.SampleCityException;
import org.govpulse.ingestion.samplecity.SampleCitySpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code govpulse bench pipeline}: the whole pipeline the quickstart runs (ingest, sentiment training and scoring,
 * analyze, model training, forecasts, warnings) on the sample city at several scales, every stage in a JVM of its
 * own as a scheduled job runs, so that its seconds, CPU seconds and peak memory are its own. Then, on the largest
 * scale, the daily means per station and pollutant straight from the landing sensor files by DuckDB and by Spark,
 * as the single-machine reference. Prints markdown tables and writes them, with a CSV of every measure, into
 * {@code --dir}.
 *
 * <pre>
 * ./govpulse bench pipeline --scales 1,2,4,8 --dir /tmp/bench-pipeline [--runs R] [--seed N]
 * </pre>
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = {"Time every stage of the pipeline (ingest to warn, each in its own JVM) on the sample city at "
        + "several scales: seconds, CPU seconds, peak RSS, input sizes, growth from scale to scale, and DuckDB "
        + "against Spark on the sensor daily means of the largest scale.",
        "Writes pipeline.md and pipeline.csv into --dir; the cities and warehouses stay there."})
public final class PipelineBenchmark implements Callable<Integer> {
  @Option(names = "--scales", split = ",", paramLabel = "F",
      description = "Sample-city scales, ascending, for example 1,2,4,8 (required unless --report-only).")
  List<Double> scales;

  @Option(names = "--dir", required = true, paramLabel = "DIR",
      description = "Work folder: one city and warehouse per scale, logs, and the reports.")
  Path dir;

  @Option(names = "--runs", defaultValue = "1",
      description = "Runs of the pipeline per scale, each on a fresh warehouse; medians are reported "
          + "(default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", defaultValue = "42", description = "Sample-city seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--heap", defaultValue = "6g",
      description = "-Xmx of every stage's JVM (default: ${DEFAULT-VALUE}, the launcher's).")
  String heap;

  @Option(names = "--report-only",
      description = "Run nothing: render the tables again from the pipeline.csv an earlier run wrote into --dir.")
  boolean reportOnly;

  @CommandLine.Mixin
  SparkBenchOptions sparkOptions = new SparkBenchOptions();

  @Override
  public Integer call() throws Exception {
    if (reportOnly) {
      Path csv = dir.resolve("pipeline.csv");
      if (!Files.isRegularFile(csv)) {
        throw Errors.notFound("There is no " + csv, "--report-only renders the figures an earlier run wrote there",
            "Pass the --dir of an earlier `bench pipeline` run, or run it without --report-only");
      }
      return report(dir, PipelineReport.parseCsv(Files.readString(csv, StandardCharsets.UTF_8)));
    }
    validate(scales, runs);
    Path root = Files.createDirectories(dir);
    Path logs = Files.createDirectories(root.resolve("logs"));
    List<PipelineReport.Measure> measures = new ArrayList<>();
    for (double scale : scales) {
      Path scaleDir = root.resolve("scale-" + PipelineReport.scale(scale));
      if (Files.exists(scaleDir)) {
        IngestBenchmark.delete(scaleDir);
      }
      Path city = scaleDir.resolve("city");
      measures.add(step(PipelineReport.GENERATE, scale, 1, city, scaleDir.resolve("none"), logs));
      for (int run = 1; run <= runs; run++) {
        Path warehouse = scaleDir.resolve("warehouse-run" + run);
        for (PipelineStage stage : PipelineStage.values()) {
          measures.add(step(stage.shortName(), scale, run, city, warehouse, logs));
        }
      }
    }
    double largest = scales.get(scales.size() - 1);
    Path city = root.resolve("scale-" + PipelineReport.scale(largest)).resolve("city");
    for (int run = 1; run <= runs; run++) {
      for (String engine : List.of(PipelineReport.DUCKDB, PipelineReport.SPARK_REFERENCE)) {
        measures.add(step(engine, largest, run, city, root.resolve("none"), logs));
      }
    }
    checkReferenceAgrees(measures);
    return report(root, measures);
  }

  /** Writes pipeline.md and pipeline.csv into {@code root} and prints the tables. */
  private static int report(Path root, List<PipelineReport.Measure> measures) throws IOException {
    PipelineReport report = new PipelineReport(measures);
    String markdown = report.markdown();
    Files.writeString(root.resolve("pipeline.md"), markdown, StandardCharsets.UTF_8);
    Files.writeString(root.resolve("pipeline.csv"), report.csv(), StandardCharsets.UTF_8);
    System.out.println();
    System.out.println(markdown);
    System.out.printf(Locale.ROOT, "written: %s and %s (load average now %.1f)%n", root.resolve("pipeline.md"),
        root.resolve("pipeline.csv"), java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage());
    return 0;
  }

  /**
   * Refuses scales the benchmark cannot compare: fewer than two, not ascending, or not a scale the sample-city
   * generator accepts (its own rule and message); and fewer than one run.
   */
  static void validate(List<Double> scales, int runs) {
    String example = "Pass the scales smallest first, each once, for example --scales 1,2,4,8";
    if (scales == null || scales.size() < 2) {
      throw Errors.invalidInput("--scales needs at least two scales, got " + scales,
          "the benchmark shows how the cost grows from one size of the city to the next", example);
    }
    for (int i = 0; i < scales.size(); i++) {
      double s = scales.get(i);
      try {
        SampleCitySpec.defaults().withScale(s);
      } catch (SampleCityException e) {
        throw Errors.invalidInput("--scales " + s + " is not a scale the sample-city generator accepts",
            e.getMessage(), example);
      }
      if (i > 0 && !(s > scales.get(i - 1))) {
        throw Errors.invalidInput("--scales " + scales + " is not strictly ascending",
            "each scale is compared with the one before it", example);
      }
    }
    if (runs < 1) {
      throw Errors.invalidInput("--runs " + runs + " is not allowed", "the figures are medians of the runs",
          "Pass --runs 1 or more");
    }
  }

  private PipelineReport.Measure step(String step, double scale, int run, Path city, Path warehouse, Path logs)
      throws IOException, InterruptedException {
    String label = String.format(Locale.ROOT, "scale %s, run %d: %s", PipelineReport.scale(scale), run, step);
    System.out.println("== " + label);
    Path log = logs.resolve(String.format(Locale.ROOT, "scale-%s-run%d-%s.log", PipelineReport.scale(scale), run,
        step));
    Map<String, String> values = new ChildJvm(heap, log).run(PipelineWorker.class, PipelineWorker.MARKER,
        List.of(step, city.toString(), warehouse.toString(), sparkOptions.master(),
            Integer.toString(sparkOptions.shufflePartitions()),
            Long.toString(seed), Double.toString(scale)), line -> System.out.println("   " + line));
    PipelineReport.Measure m = PipelineReport.Measure.of(scale, run, step, values);
    System.out.printf(Locale.ROOT, "-- %s: %.1f s wall, %.1f s CPU, %.1f s start, peak RSS %,d MiB%n", label,
        m.seconds(), m.cpu(), m.setup(), m.peakRssMb());
    return m;
  }

  /** DuckDB and Spark ran the same SQL on the same files: a different answer means one of them is wrong. */
  private static void checkReferenceAgrees(List<PipelineReport.Measure> measures) {
    List<Map<String, Long>> answers = measures.stream().filter(m -> m.step().equals(PipelineReport.DUCKDB)
        || m.step().equals(PipelineReport.SPARK_REFERENCE)).map(PipelineReport.Measure::sizes).distinct().toList();
    if (answers.size() != 1) {
      throw new IllegalStateException("DuckDB and Spark disagree on the daily means of the landing sensor files: "
          + answers + "; the reference query (LandingDailyMeans) reads the files differently in the two engines, "
          + "fix it before trusting the figures");
    }
  }

  public static void main(String[] argv) {
    System.exit(new CommandLine(new PipelineBenchmark()).execute(argv));
  }
}
