package org.govpulse.jobs.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.transform;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.govpulse.analytics.AnalyzeJob;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.run.JobRun;
import org.govpulse.core.table.Col;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.TableContract;
import org.govpulse.core.testing.TestSpark;
import org.govpulse.ingestion.IngestJob;
import org.govpulse.ingestion.samplecity.SampleCityGenerator;
import org.govpulse.ingestion.samplecity.SampleCityResult;
import org.govpulse.ingestion.samplecity.SampleCitySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's path on a real cluster: a Spark standalone Master and Worker started as their own JVMs from the
 * build's Spark jars, the ingestion and analytics jobs submitted with spark-submit (client mode) as the job jar plus
 * --jars, the config file read from a Hadoop URI, and the resulting silver and gold tables compared row for row with
 * what the same jobs write in local mode from the same landing files.
 *
 * <p>By default the job jar is assembled from the project's classes (the shaded jar is built in {@code package},
 * after the tests). {@code -Dgovpulse.jobJar=jobs/target/govpulse-jobs-<v>-job.jar} submits the shaded jar itself.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneClusterTest {
  /** Columns that record when or in which run a row was written, not what it says. */
  private static final Set<String> RUN_TIME_COLUMNS = Set.of(Col.INGESTED_AT, Col.RUN_ID, Col.BATCH_ID,
      Col.STREAM_ID, Col.DETECTED_AT, Col.LOADED_AT);
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(15);

  @TempDir
  static Path root;

  private StandaloneCluster cluster;
  private Warehouse local;
  private Warehouse onCluster;
  private final Map<String, StandaloneCluster.Submission> submissions = new TreeMap<>();
  private SampleCityResult city;
  private Map<String, Long> countsAfterFirstRun;
  private Map<String, Long> countsAfterRerun;

  @BeforeAll
  void runBothWays() throws IOException {
    city = new SampleCityGenerator(SampleCitySpec.small()).generate(root.resolve("city"));
    String landing = city.landing().toString();

    GovPulseConfig localConfig = TestSpark.config(root.resolve("local")).with(Setting.LANDING, landing);
    local = new Warehouse(TestSpark.session(), localConfig.warehouse());
    // Local mode runs in this JVM while the cluster works in its own JVMs: the two runs share nothing but the
    // landing files, and overlapping them keeps the test within a few minutes.
    CompletableFuture<Void> localRun = CompletableFuture.runAsync(() -> {
      new IngestJob(local, localConfig).execute();
      new AnalyzeJob(local).execute();
    });

    Path clusterWarehouse = root.resolve("cluster-warehouse");
    Path conf = Files.createDirectories(root.resolve("conf"));
    Files.writeString(conf.resolve("govpulse.properties"), "govpulse.warehouse=" + clusterWarehouse + "\n"
        + "govpulse.landing=" + landing + "\n" + "govpulse.spark.shuffle-partitions=2\n");
    cluster = StandaloneCluster.start(root.resolve("cluster"), jars("spark"), 2, "2g");
    List<String> shipped = jobJarAndJars();
    submit(IngestJob.class.getName(), "ingest", conf, shipped);
    submit(AnalyzeJob.class.getName(), "analyze", conf, shipped);
    onCluster = new Warehouse(TestSpark.session(), clusterWarehouse.toString());
    countsAfterFirstRun = rowCounts(onCluster);
    // The scheduler's retry of a night whose files were all taken already: it must find nothing new.
    submit(IngestJob.class.getName(), "ingest-again", conf, shipped);
    countsAfterRerun = rowCounts(onCluster);
    localRun.join();
  }

  private void submit(String job, String name, Path conf, List<String> shipped) throws IOException {
    List<String> args = new ArrayList<>(List.of("--class", job, "--name", "govpulse-" + name,
        "--executor-memory", "768m", "--total-executor-cores", "2",
        "--conf", "spark.ui.enabled=false",
        // The config file lives behind a Hadoop URI, as on HDFS or S3: viewfs maps it onto a local folder, and
        // the mapping reaches the job the way S3 credentials would, as spark.hadoop.* settings.
        "--conf", "spark.hadoop.fs.viewfs.mounttable.ops.link./conf=" + conf.toUri()));
    args.addAll(shipped);
    args.addAll(List.of("--config", "viewfs://ops/conf/govpulse.properties"));
    StandaloneCluster.Submission s = cluster.submit(name, args, JOB_TIMEOUT);
    submissions.put(name, s);
    assertThat(s.exitCode()).as(job + " on the cluster; log " + s.log().file() + ":\n" + s.log().tailText())
        .isZero();
  }

  /** Rows of every data table that exists (meta tables aside: the run log grows with every run by design). */
  private static Map<String, Long> rowCounts(Warehouse w) {
    Map<String, Long> out = new TreeMap<>();
    Stream.concat(IngestTables.all().stream(), GoldTables.all().stream())
        .filter(t -> !t.layer().equals("meta")).filter(w::exists)
        .forEach(t -> out.put(t.qualifiedName(), w.read(t).count()));
    return out;
  }

  @AfterAll
  void stopTheCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void the_jobs_ran_their_tasks_on_the_workers_executors() throws IOException {
    List<Path> executorLogs;
    try (Stream<Path> files = Files.walk(root.resolve("cluster").resolve("work"))) {
      executorLogs = files.filter(f -> f.getFileName().toString().equals("stderr")).toList();
    }
    assertThat(executorLogs).as("one executor per submitted application").hasSize(3);
    for (Path f : executorLogs) {
      assertThat(Files.readString(f)).as(f.toString()).contains("Finished task");
    }
  }

  @Test
  void bronze_holds_every_record_the_city_wrote_once() {
    Map<String, TableContract> bronze = Map.of("reports", IngestTables.BRONZE_REPORTS,
        "sensors", IngestTables.BRONZE_SENSORS, "posts", IngestTables.BRONZE_POSTS,
        "surveys", IngestTables.BRONZE_SURVEYS);
    bronze.forEach((source, table) -> assertThat(countsAfterRerun.get(table.qualifiedName()))
        .as(table.qualifiedName() + " rows vs records written to landing/" + source)
        .isEqualTo(city.recordsBySource().get(source)));
  }

  @Test
  void a_rerun_of_ingestion_over_the_same_landing_files_adds_nothing() {
    assertThat(countsAfterFirstRun).containsKeys("silver.reports", "silver.sensor_readings", "quarantine.records",
        "gold.indicator_panel", "gold.scorecard");
    assertThat(countsAfterFirstRun.values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(countsAfterRerun).isEqualTo(countsAfterFirstRun);
  }

  @Test
  void silver_and_gold_tables_on_the_cluster_equal_those_of_local_mode() {
    List<TableContract> tables = Stream.concat(IngestTables.all().stream(), GoldTables.all().stream())
        .filter(t -> t.layer().equals("silver") || t.layer().equals("gold") || t.layer().equals("quarantine"))
        .filter(local::exists).toList();
    assertThat(tables).extracting(TableContract::qualifiedName)
        .contains("silver.reports", "silver.sensor_readings", "gold.indicator_panel", "gold.scorecard");
    for (TableContract t : tables) {
      assertThat(onCluster.exists(t)).as(t.qualifiedName() + " written on the cluster").isTrue();
      List<String> expected = canonicalRows(local.read(t));
      List<String> actual = canonicalRows(onCluster.read(t));
      assertThat(expected).as(t.qualifiedName() + " is not empty").isNotEmpty();
      assertThat(actual).as(t.qualifiedName() + ": rows on the cluster vs local mode").isEqualTo(expected);
    }
  }

  @Test
  void each_submitted_run_is_logged_as_succeeded_with_the_versions_it_wrote() {
    List<Row> runs = onCluster.read(IngestTables.RUNS).filter(col(Col.SOURCE).equalTo(JobRun.SOURCE))
        .orderBy(Col.STARTED_AT).collectAsList();
    assertThat(runs).extracting(r -> r.<String>getAs(Col.JOB))
        .containsExactly(IngestJob.NAME, AnalyzeJob.NAME, IngestJob.NAME);
    assertThat(runs).allSatisfy(r -> assertThat(r.<String>getAs(Col.OUTCOME)).isEqualTo("succeeded"));
    Map<String, Long> ingestOutputs = runs.get(0).getJavaMap(runs.get(0).fieldIndex(Col.OUTPUTS));
    assertThat(ingestOutputs).containsKeys("silver.reports", "bronze.sensor_readings");
    assertThat(runs.get(1).getList(runs.get(1).fieldIndex(Col.INPUTS)))
        .contains("silver.reports@" + ingestOutputs.get("silver.reports"));
  }

  /**
   * The rows of a table as sorted JSON lines without run-time columns; maps become sorted entry lists and doubles
   * are rounded to 9 decimals, so that only differences in content remain.
   */
  private static List<String> canonicalRows(Dataset<Row> df) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      if (!RUN_TIME_COLUMNS.contains(f.name())) {
        cols.add(canonical(col(f.name()), f.dataType()).as(f.name()));
      }
    }
    return df.select(to_json(struct(cols.toArray(Column[]::new)))).as(Encoders.STRING()).collectAsList().stream()
        .sorted().collect(Collectors.toList());
  }

  private static Column canonical(Column c, DataType type) {
    if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)) {
      return round(c, 9);
    }
    if (type instanceof MapType m) {
      return array_sort(map_entries(org.apache.spark.sql.functions.transform_values(c,
          (k, v) -> canonical(v, m.valueType()))));
    }
    if (type instanceof ArrayType a && !(a.elementType() instanceof MapType)) {
      return transform(c, x -> canonical(x, a.elementType()));
    }
    return c;
  }

  /** The job jar and --jars: the shaded jar when given, else a thin jar of the project's classes plus --jars. */
  private List<String> jobJarAndJars() throws IOException {
    String shaded = System.getProperty("govpulse.jobJar");
    if (shaded != null && !shaded.isBlank()) {
      return List.of(Path.of(shaded).toAbsolutePath().toString());
    }
    List<Path> project = new ArrayList<>(List.of(Path.of("target", "classes")));
    List<String> thirdParty = new ArrayList<>();
    for (Path p : jars("job")) {
      if (Files.isDirectory(p) || p.getFileName().toString().startsWith("govpulse-")) {
        project.add(p);
      } else {
        thirdParty.add(p.toAbsolutePath().toString());
      }
    }
    Path jar = StandaloneCluster.thinJar(root.resolve("govpulse-job-thin.jar"), project);
    return List.of("--jars", String.join(",", thirdParty), jar.toString());
  }

  /** A classpath list the build wrote before the tests: target/classpath/job.txt or spark.txt. */
  private static List<Path> jars(String list) throws IOException {
    String text = Files.readString(Path.of("target", "classpath", list + ".txt")).trim();
    return Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).toList();
  }
}
