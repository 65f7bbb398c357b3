package org.govpulse.analytics.bench;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.govpulse.core.table.Col.*;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.govpulse.analytics.AnalyzeJob;
import org.govpulse.analytics.AnalyzeResult;
import org.govpulse.analytics.StageTimer;
import org.govpulse.core.config.ConfigLoader;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.spark.SparkSessions;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.ModelTables;
import org.govpulse.core.table.TableContract;
import org.govpulse.ingestion.IngestJob;
import org.govpulse.ingestion.samplecity.SampleCityGenerator;
import org.govpulse.ingestion.samplecity.SampleCitySpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code govpulse bench analyze}: the whole analytics stage ({@link AnalyzeJob}, every stage) on the sample city at
 * several scales. For each scale the city is generated and ingested once (kept under {@code --dir} for later runs),
 * then {@code analyze} runs {@code --runs} times; the report gives per stage the median wall and CPU seconds, the
 * rows of its main input per second, and the ratio to a reference measured in the same run: the time Spark takes to
 * read and count that input table (a Delta log replay and a Parquet scan), so that a slow stage on a busy machine
 * can be told from a slow machine.
 *
 * <p>The sentiment stage needs gold.scored_posts, which the sentiment classifier writes; when it is missing the
 * benchmark gives every ingested post a deterministic stand-in score (its analyst label, or one from a hash), so
 * that the stage has its input at the city's size. The classifier is not what is timed here.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = {"Time every stage of `analyze` on the sample city at several scales: median seconds per stage,",
        "input rows per second, and the ratio to reading the stage's input, measured in the same run."})
public final class AnalyticsBenchmark implements Callable<Integer> {
  @Option(names = "--scales", split = ",", defaultValue = "1,4",
      description = "Sample-city scales (default: ${DEFAULT-VALUE}).")
  List<Double> scales;

  @Option(names = "--runs", defaultValue = "3", description = "Runs of analyze per scale (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", defaultValue = "42", description = "Sample-city seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--dir", description = "Folder for the cities and warehouses, reused by later runs "
      + "(default: a new temporary folder).")
  Path dir;

  @CommandLine.Mixin
  SparkBenchOptions sparkOptions = new SparkBenchOptions();

  /** The table each stage mostly reads; its rows per second are reported. */
  static final Map<String, TableContract> INPUTS = inputs();

  private static Map<String, TableContract> inputs() {
    Map<String, TableContract> m = new LinkedHashMap<>();
    m.put("air_quality", IngestTables.SENSOR_READINGS);
    m.put("sensor_anomalies", IngestTables.SENSOR_READINGS);
    m.put("satisfaction", IngestTables.SURVEY_RESPONSES);
    m.put("sentiment", ModelTables.SCORED_POSTS);
    m.put("typology", IngestTables.REGIONS);
    m.put("targets", IngestTables.REPORTS);
    m.put("audit", IngestTables.REPORTS);
    m.put("panel", IngestTables.REPORTS);
    m.put("scorecard", GoldTables.INDICATOR_PANEL);
    m.put("budget_outcomes", IngestTables.BUDGETS);
    return m;
  }

  /** One stage of one run, with the reference read of its input just before the run. */
  record Measure(double scale, int run, StageTimer.Stage stage, double referenceSeconds) {}

  @Override
  public Integer call() throws Exception {
    if (runs < 1 || scales.isEmpty() || scales.stream().anyMatch(x -> !(x > 0))) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--runs must be at least 1 and every --scales value positive (got runs " + runs + ", scales " + scales
              + "); for example --scales 1,4 --runs 3");
    }
    Path root = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("govpulse-bench-analyze-");
    List<Measure> measures = new ArrayList<>();
    Map<Double, Map<String, Long>> inputRows = new LinkedHashMap<>();
    Map<Double, Double> loads = new LinkedHashMap<>();
    Map<Double, List<DailyMeansReference.Timing>> dailyMeans = new LinkedHashMap<>();
    for (double scale : scales) {
      Path cityDir = root.resolve(String.format(Locale.ROOT, "city-seed%d-scale%s", seed, scale));
      GovPulseConfig config = sparkOptions.applyTo(new ConfigLoader().environment(Map.of()))
          .flag(Setting.WAREHOUSE, cityDir.resolve("warehouse").toString())
          .flag(Setting.LANDING, cityDir.resolve("landing").toString())
          .load();
      if (!Files.isDirectory(cityDir.resolve("landing"))) {
        System.out.printf(Locale.ROOT, "scale %s: generating the sample city in %s%n", scale, cityDir);
        new SampleCityGenerator(SampleCitySpec.defaults().withSeed(seed).withScale(scale)).generate(cityDir);
      }
      SparkSession spark = SparkSessions.create(config, "govpulse-bench-analyze");
      try {
        Warehouse warehouse = new Warehouse(spark, config.warehouse());
        if (!warehouse.exists(IngestTables.REPORTS)) {
          System.out.printf(Locale.ROOT, "scale %s: ingesting%n", scale);
          new IngestJob(warehouse, config).execute();
        }
        if (!warehouse.exists(ModelTables.SCORED_POSTS)) {
          warehouse.overwrite(standInScores(warehouse.read(IngestTables.POSTS)), ModelTables.SCORED_POSTS);
        }
        for (int run = 1; run <= runs; run++) {
          Map<String, Double> reference = new LinkedHashMap<>();
          for (TableContract t : INPUTS.values().stream().distinct().toList()) {
            if (warehouse.exists(t)) {
              long t0 = System.nanoTime();
              warehouse.read(t).count();
              reference.put(t.qualifiedName(), (System.nanoTime() - t0) / 1e9);
            }
          }
          DailyMeansReference.Timing daily = new DailyMeansReference(warehouse).execute();
          dailyMeans.computeIfAbsent(scale, k -> new ArrayList<>()).add(daily);
          AnalyzeResult result = new AnalyzeJob(warehouse).execute();
          System.out.printf(Locale.ROOT, "scale %s, run %d of %d:%n%s%n", scale, run, runs, result);
          for (StageTimer.Stage s : result.stages()) {
            TableContract input = INPUTS.get(s.name());
            measures.add(new Measure(scale, run, s,
                input == null ? Double.NaN : reference.getOrDefault(input.qualifiedName(), Double.NaN)));
          }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        INPUTS.forEach((stage, t) -> rows.put(stage, warehouse.count(t)));
        inputRows.put(scale, rows);
        loads.put(scale, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      } finally {
        spark.stop();
      }
    }
    System.out.println();
    System.out.println(report(measures, inputRows, loads, runs));
    System.out.println();
    System.out.println(referenceReport(dailyMeans, measures));
    return 0;
  }

  /** The table of medians per scale and stage. */
  static String report(List<Measure> measures, Map<Double, Map<String, Long>> inputRows, Map<Double, Double> loads,
      int runs) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "medians of %d runs per scale (wall s, process CPU s); ref = seconds to read and count the stage's input%n",
        runs));
    sb.append(String.format(Locale.ROOT, "%6s %-17s %11s %8s %8s %8s %12s %7s %8s%n", "scale", "stage", "input rows",
        "wall s", "cpu s", "ref s", "rows/s", "x ref", "written"));
    for (double scale : inputRows.keySet()) {
      double total = 0;
      for (String stage : INPUTS.keySet()) {
        List<Measure> m = measures.stream().filter(x -> x.scale() == scale && x.stage().name().equals(stage)).toList();
        if (m.isEmpty() || m.get(0).stage().note().startsWith("skipped")) {
          continue;
        }
        double wall = median(m.stream().mapToDouble(x -> x.stage().seconds()).toArray());
        double cpu = median(m.stream().mapToDouble(x -> x.stage().cpuSeconds()).toArray());
        double ref = median(m.stream().mapToDouble(Measure::referenceSeconds).toArray());
        long rows = inputRows.get(scale).getOrDefault(stage, 0L);
        total += wall;
        sb.append(String.format(Locale.ROOT, "%6s %-17s %,11d %8.1f %8.1f %8.2f %,12.0f %7.1f %,8d%n", scale, stage,
            rows, wall, cpu, ref, rows / wall, wall / ref, m.get(m.size() - 1).stage().rows()));
      }
      sb.append(String.format(Locale.ROOT, "%6s %-17s %11s %8.1f   (load average at the end: %.1f)%n", scale,
          "all stages", "", total, loads.get(scale)));
    }
    return sb.toString().stripTrailing();
  }

  /** The DuckDB and Spark reference per scale, and the air quality stage against DuckDB. */
  static String referenceReport(Map<Double, List<DailyMeansReference.Timing>> dailyMeans, List<Measure> measures) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "reference: daily mean and count per station, "
        + "metric and day over silver.sensor_readings (same Parquet files), medians%n"));
    sb.append(String.format(Locale.ROOT, "%6s %12s %10s %9s %13s %16s%n", "scale", "groups", "duckdb s", "spark s",
        "spark/duckdb", "air_quality/duckdb"));
    dailyMeans.forEach((scale, list) -> {
      double duck = median(list.stream().mapToDouble(DailyMeansReference.Timing::duckdbSeconds).toArray());
      double spark = median(list.stream().mapToDouble(DailyMeansReference.Timing::sparkSeconds).toArray());
      double air = median(measures.stream().filter(m -> m.scale() == scale
          && m.stage().name().equals("air_quality")).mapToDouble(m -> m.stage().seconds()).toArray());
      sb.append(String.format(Locale.ROOT, "%6s %,12d %10.2f %9.2f %13.1f %16.1f%n", scale, list.get(0).groups(),
          duck, spark, spark / duck, air / duck));
    });
    return sb.toString().stripTrailing();
  }

  /**
   * A deterministic stand-in for the classifier's output: the analyst's label where there is one, otherwise a label
   * drawn from a hash of the post (35 % negative, 40 % neutral, 25 % positive), in the schema of gold.scored_posts.
   */
  static Dataset<Row> standInScores(Dataset<Row> posts) {
    Column draw = pmod(xxhash64(col(CHANNEL), col(POST_ID)), lit(100));
    Column label = coalesce(col(LABEL), when(draw.lt(35), lit("negative")).when(draw.lt(75), lit("neutral"))
        .otherwise(lit("positive")));
    Column negative = when(label.equalTo("negative"), lit(0.8)).otherwise(lit(0.1));
    Column positive = when(label.equalTo("positive"), lit(0.8)).otherwise(lit(0.1));
    return posts.withColumn(PREDICTED_LABEL, label)
        .withColumn(PROBABILITIES, map(lit("negative"), negative, lit("neutral"),
            lit(1.0).minus(negative).minus(positive), lit("positive"), positive))
        .withColumn(SENTIMENT, positive.minus(negative))
        .withColumn(MODEL_VERSION, lit("bench:stand-in"))
        .withColumn(SCORED_AT, current_timestamp());
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    int n = s.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  public static void main(String[] argv) {
    System.exit(new CommandLine(new AnalyticsBenchmark()).execute(argv));
  }
}
