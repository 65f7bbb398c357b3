package org.govpulse.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.Col;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.testing.TestSpark;
import org.govpulse.ingestion.reference.ReferenceLoader;
import org.govpulse.ingestion.stream.BatchIngestion;
import org.govpulse.ingestion.stream.BatchSummary;
import org.govpulse.ingestion.stream.SourceResult;
import org.govpulse.ingestion.stream.SourceSpec;
import org.govpulse.ingestion.validate.ReferenceData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingestion end to end on a hand-written landing area, in the order an operator meets it: a first run over messy
 * files, a re-run with nothing new, then a run with a revision and new readings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestJobTest {
  @TempDir
  static Path root;

  private Warehouse warehouse;
  private GovPulseConfig config;
  private TestLanding landing;
  private IngestResult first;

  @BeforeAll
  void firstRun() {
    SparkSession spark = TestSpark.session();
    config = TestSpark.config(root);
    warehouse = new Warehouse(spark, config.warehouse());
    landing = new TestLanding(root.resolve("landing"));
    landing.write("reports/HRSS/HRSS_2024-01_v1.csv", """
        department,region,indicator,period,value,unit,submitted_at
        HRSS,JZ01,URBAN_UNEMPLOYMENT,2023-12,5.1,%,2024-01-14 10:00
        HRSS,江城区,URBAN_UNEMPLOYMENT,2024-01,5.3,%,2024-02-14
        HRSS,LJ,失业率,2024年1月,0.048,fraction,2024-02-15 09:30
        HRSS,JZ01,URBAN_UNEMPLOYMENT,2024-01,5.3,%,2024-02-14
        HRSS,JZ99,URBAN_UNEMPLOYMENT,2024-01,5.0,%,2024-02-14
        HRSS,JZ01,NO_SUCH_INDICATOR,2024-01,5.0,%,2024-02-14
        XYZ,JZ01,URBAN_UNEMPLOYMENT,2023-11,5.0,%,2024-02-14
        HRSS,JZ01,URBAN_UNEMPLOYMENT,2024-13,5.0,%,2024-02-14
        HRSS,JZ01,URBAN_UNEMPLOYMENT,2024Q1,5.0,%,2024-05-14
        HRSS,JZ01,URBAN_UNEMPLOYMENT,2024-06,5.0,%,2024-02-14
        HRSS,JZ01,URBAN_UNEMPLOYMENT,2023-10,N/A,%,2024-02-14
        HRSS,JZ01,URBAN_UNEMPLOYMENT,2023-09,5.0,furlongs,2024-02-14
        HRSS,JZ01,URBAN_UNEMPLOYMENT,2023-08,5.0,万元,2024-02-14
        HRSS,JZ01,URBAN_UNEMPLOYMENT,2023-07,150,%,2024-02-14
        HRSS,JZ01,URBAN_UNEMPLOYMENT,2023-06,5.0,%,yesterday
        HRSS,JZ01,URBAN_UNEMPLOYMENT,2023-05,,%,2024-02-14
        HRSS,JZ01,URBAN_UNEMPLOYMENT,2023-04,5.0,%,2024-02-14,extra
        HRSS,JZ01,URBAN_UNEMPLOYMENT,2024-01,5.4,%,2024-02-14
        """, StandardCharsets.UTF_8);
    landing.write("reports/HC/HC_2023.csv", """
        部门,地区,指标,期间,数值,单位,报送时间
        卫生健康委员会,江城区,婴儿死亡率,2023年,0.31,%,2024/3/28
        卫生健康委员会,临江县,婴儿死亡率,2023年度,4.2,‰,2024年3月30日
        """, TestLanding.GB18030);
    landing.write("reports/STATS/STATS_2024Q1.csv", """
        region,indicator,value,submitted_at
        JZ01,GDP,"1,234,500",2024-04-20
        JZ02,GDP,"654,300",2024-04-20
        """, StandardCharsets.UTF_8);
    landing.write("reports/STATS/STATS_2024Q1_v1.csv", """
        department,region,indicator,period,value,unit,submitted_at
        STATS,JZ01,GDP,2024Q1,"1,234,500",万元,2024-04-20T10:00:00+08:00
        """, StandardCharsets.UTF_8);
    landing.write("sensors/2024-03/readings-2024-03-01.csv", """
        sensor_id,ts,metric,value
        AQ01,2024-03-01T08:00:00+08:00,pm25,35.5
        AQ01,2024-03-01 09:00:00,pm25,36
        AQ01,2024-03-01T02:00:00Z,pm25,37
        AQ01,2024-03-01T08:00:00+08:00,pm25,35.5
        AQ01,2024-03-01T08:00:00+08:00,pm25,99
        AQ99,2024-03-01T08:00:00+08:00,pm25,20
        AQ01,2024-03-01T08:00:00+08:00,no2,20
        AQ01,not-a-time,pm25,20
        AQ01,2099-01-01T00:00:00Z,pm25,20
        AQ01,2024-03-01T11:00:00+08:00,pm25,abc
        AQ01,2024-03-01T12:00:00+08:00,pm25,5000
        AQ01,2024-03-01T23:30:00Z,co,1.2
        """, StandardCharsets.UTF_8);
    landing.write("posts/2024-03/posts-weibo.csv", """
        post_id,channel,posted_at,region,topic,text,label
        p1,weibo,2024-03-01 10:00,江城区,transport,公交太慢了，等了四十分钟,negative
        p2,weibo,2024-03-01 11:00,,health,"Great service at the clinic,
        very quick",positive
        p3,weibo,2024-03-01 12:00,JZ01,,,
        p4,weibo,2024-03-02 09:00,LJ,政务服务,办事很方便,好评
        p1,weibo,2024-03-01 10:00,江城区,transport,公交太慢了，等了四十分钟,negative
        """, StandardCharsets.UTF_8);
    landing.write("surveys/2024/survey-2024-Q1.csv", """
        response_id,region,service_area,score,surveyed_on,channel
        r1,JZ01,education,4,2024-03-01,phone
        r2,临江县,医疗卫生,5,2024/3/2,online
        r3,JZ01,education,6,2024-03-01,phone
        r4,JZ01,space_travel,3,2024-03-01,phone
        """, StandardCharsets.UTF_8);
    first = new IngestJob(warehouse, config).execute();
    System.out.println(first);
    System.out.println("TIMING end");
  }

  private Map<Long, String> quarantineReasons(String fileSuffix) {
    return warehouse.read(IngestTables.QUARANTINE).filter(col(Col.SOURCE_FILE).endsWith(fileSuffix))
        .collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<Long>getAs(Col.LINE_NO), r -> r.<String>getAs(Col.REASON)));
  }

  @Test
  @Order(1)
  void every_kind_of_bad_report_lands_in_quarantine_with_its_reason() {
    assertThat(quarantineReasons("HRSS_2024-01_v1.csv")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry(6L, "region_unknown"),
        Map.entry(7L, "indicator_unknown"),
        Map.entry(8L, "department_unknown"),
        Map.entry(9L, "period_invalid"),
        Map.entry(10L, "period_frequency_mismatch"),
        Map.entry(11L, "period_in_future"),
        Map.entry(12L, "value_not_numeric"),
        Map.entry(13L, "unit_unknown"),
        Map.entry(14L, "unit_incompatible"),
        Map.entry(15L, "value_out_of_range"),
        Map.entry(16L, "timestamp_invalid"),
        Map.entry(17L, "missing_value"),
        Map.entry(18L, "malformed_record"),
        Map.entry(19L, "conflicting_duplicate")));
    assertThat(quarantineReasons("STATS_2024Q1.csv")).containsOnlyKeys(2L, 3L).containsValue("missing_column");
  }

  @Test
  @Order(1)
  void quarantine_keeps_the_raw_record_and_a_readable_detail() {
    Row row = warehouse.read(IngestTables.QUARANTINE)
        .filter(col(Col.SOURCE_FILE).endsWith("HRSS_2024-01_v1.csv").and(col(Col.LINE_NO).equalTo(12L))).first();
    assertThat(row.<String>getAs(Col.RAW_RECORD)).isEqualTo("HRSS,JZ01,URBAN_UNEMPLOYMENT,2023-10,N/A,%,2024-02-14");
    assertThat(row.<String>getAs(Col.DETAIL)).contains("'N/A' is not a number");
    assertThat(row.<String>getAs(Col.SOURCE)).isEqualTo("reports");
  }

  @Test
  @Order(1)
  void every_record_read_is_accepted_dropped_as_duplicate_or_quarantined() {
    for (SourceResult s : first.sources()) {
      assertThat(s.read()).as(s.source()).isEqualTo(s.accepted() + s.duplicates() + s.quarantined());
    }
    SourceResult reports = first.source("reports");
    assertThat(reports.read()).isEqualTo(18 + 2 + 2 + 1);
    assertThat(reports.accepted()).isEqualTo(3 + 2 + 1);
    assertThat(reports.duplicates()).isEqualTo(1);
    assertThat(warehouse.read(IngestTables.BRONZE_REPORTS).count()).isEqualTo(reports.read());
    assertThat(warehouse.read(IngestTables.REPORT_REVISIONS).count()).isEqualTo(reports.accepted());
    List<Row> runs = warehouse.read(IngestTables.RUNS).filter(col(Col.RUN_ID).equalTo(first.runId())
        .and(col(Col.SOURCE).equalTo("reports"))).collectAsList();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).<Long>getAs(Col.RECORDS_QUARANTINED)).isEqualTo(reports.quarantined());
    assertThat(runs.get(0).<scala.collection.Map<String, Long>>getAs(Col.REASONS).get("missing_column").get())
        .isEqualTo(2L);
  }

  @Test
  @Order(1)
  void gb18030_reports_with_chinese_headers_are_read_and_units_harmonised() {
    Map<String, Double> infant = warehouse.read(IngestTables.REPORTS)
        .filter(col(Col.INDICATOR_CODE).equalTo("INFANT_MORTALITY")).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs(Col.REGION_CODE), r -> r.<Double>getAs(Col.VALUE)));
    assertThat(infant).hasSize(2);
    assertThat(infant.get("JZ01")).isCloseTo(3.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(infant.get("JZ02")).isCloseTo(4.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(warehouse.read(IngestTables.BRONZE_REPORTS).filter(col(Col.SOURCE_FILE).endsWith("HC_2023.csv"))
        .select(Col.ENCODING).distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
        .containsExactly("GB18030");
    Row gdp = warehouse.read(IngestTables.REPORTS).filter(col(Col.INDICATOR_CODE).equalTo("GDP")).first();
    assertThat(gdp.<Double>getAs(Col.VALUE)).isCloseTo(123.45, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(gdp.<String>getAs(Col.PERIOD)).isEqualTo("2024-Q1");
  }

  @Test
  @Order(1)
  void a_definition_change_stamps_each_period_with_the_definition_in_force() {
    Map<String, Integer> versions = warehouse.read(IngestTables.REPORTS)
        .filter(col(Col.INDICATOR_CODE).equalTo("URBAN_UNEMPLOYMENT").and(col(Col.REGION_CODE).equalTo("JZ01")))
        .collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs(Col.PERIOD), r -> r.<Integer>getAs(Col.DEFINITION_VERSION)));
    assertThat(versions).containsEntry("2023-12", 1).containsEntry("2024-01", 2);
    Row lj = warehouse.read(IngestTables.REPORTS).filter(col(Col.REGION_CODE).equalTo("JZ02")
        .and(col(Col.INDICATOR_CODE).equalTo("URBAN_UNEMPLOYMENT"))).first();
    assertThat(lj.<Double>getAs(Col.VALUE)).isCloseTo(4.8, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  @Order(1)
  void sensor_readings_are_validated_deduplicated_and_stored_in_utc() {
    assertThat(quarantineReasons("readings-2024-03-01.csv")).containsExactlyInAnyOrderEntriesOf(Map.of(
        6L, "conflicting_duplicate", 7L, "sensor_unknown", 8L, "metric_unknown", 9L, "timestamp_invalid",
        10L, "timestamp_in_future", 11L, "value_not_numeric", 12L, "value_out_of_range"));
    SourceResult sensors = first.source("sensors");
    assertThat(sensors.accepted()).isEqualTo(4);
    assertThat(sensors.duplicates()).isEqualTo(1);
    Row co = warehouse.read(IngestTables.SENSOR_READINGS).filter(col(Col.METRIC).equalTo("co")).first();
    assertThat(co.<java.sql.Date>getAs(Col.LOCAL_DATE).toString()).isEqualTo("2024-03-02");
    assertThat(co.<java.sql.Timestamp>getAs(Col.TS_UTC).toInstant().toString()).isEqualTo("2024-03-01T23:30:00Z");
  }

  @Test
  @Order(1)
  void posts_and_surveys_keep_multi_line_text_and_reject_bad_labels_and_scores() {
    assertThat(quarantineReasons("posts-weibo.csv")).containsExactlyInAnyOrderEntriesOf(Map.of(
        5L, "text_empty", 6L, "label_unknown"));
    Row p2 = warehouse.read(IngestTables.POSTS).filter(col(Col.POST_ID).equalTo("p2")).first();
    assertThat(p2.<String>getAs(Col.TEXT)).isEqualTo("Great service at the clinic,\nvery quick");
    assertThat(p2.<String>getAs(Col.LANGUAGE)).isEqualTo("en");
    assertThat(first.source("posts").duplicates()).isEqualTo(1);
    assertThat(quarantineReasons("survey-2024-Q1.csv")).containsExactlyInAnyOrderEntriesOf(Map.of(
        4L, "score_out_of_range", 5L, "service_area_unknown"));
    assertThat(warehouse.read(IngestTables.SURVEY_RESPONSES).filter(col(Col.SERVICE_AREA).equalTo("health")).count())
        .isEqualTo(1);
  }

  @Test
  @Order(2)
  void a_rerun_over_the_same_files_adds_nothing() {
    long bronze = warehouse.count(IngestTables.BRONZE_REPORTS);
    long sensors = warehouse.count(IngestTables.SENSOR_READINGS);
    long quarantine = warehouse.count(IngestTables.QUARANTINE);
    long regions = warehouse.version(IngestTables.REGIONS).orElseThrow();
    IngestResult again = new IngestJob(warehouse, config).execute();
    assertThat(again.sources()).allSatisfy(s -> assertThat(s.read()).isZero());
    assertThat(again.reference()).allSatisfy(f -> assertThat(f.status()).isIn("unchanged", "missing"));
    assertThat(warehouse.count(IngestTables.BRONZE_REPORTS)).isEqualTo(bronze);
    assertThat(warehouse.count(IngestTables.SENSOR_READINGS)).isEqualTo(sensors);
    assertThat(warehouse.count(IngestTables.QUARANTINE)).isEqualTo(quarantine);
    assertThat(warehouse.version(IngestTables.REGIONS)).contains(regions);
  }

  @Test
  @Order(2)
  void a_batch_executed_again_after_its_writes_committed_writes_nothing_twice_and_counts_the_same() {
    // What a restart finds when the job died after committing a batch's tables but before its checkpoint.
    Row lineage = warehouse.read(IngestTables.BRONZE_SENSORS).select(Col.STREAM_ID, Col.BATCH_ID).first();
    long bronze = warehouse.count(IngestTables.BRONZE_SENSORS);
    long sensors = warehouse.count(IngestTables.SENSOR_READINGS);
    long quarantine = warehouse.count(IngestTables.QUARANTINE);
    SparkSession spark = warehouse.spark();
    Broadcast<ReferenceData> reference = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(new ReferenceLoader(warehouse, config.landing()).execute().reference());
    Dataset<Row> files = spark.read().format("binaryFile").option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.csv").load(config.landing() + "/sensors");

    BatchSummary again = new BatchIngestion(warehouse, SourceSpec.SENSORS, reference, "replayed")
        .process(files, lineage.getLong(1), lineage.getString(0));

    BatchSummary original = first.source("sensors").batches().get(0);
    assertThat(again).isEqualTo(original);
    assertThat(warehouse.count(IngestTables.BRONZE_SENSORS)).isEqualTo(bronze);
    assertThat(warehouse.count(IngestTables.SENSOR_READINGS)).isEqualTo(sensors);
    assertThat(warehouse.count(IngestTables.QUARANTINE)).isEqualTo(quarantine);
  }

  @Test
  @Order(3)
  void a_new_file_adds_only_its_rows_and_a_revision_wins_with_its_history_kept() {
    long sensorsBefore = warehouse.count(IngestTables.SENSOR_READINGS);
    landing.write("reports/HRSS/HRSS_2024-01_v2.csv", """
        department,region,indicator,period,value,unit,submitted_at
        HRSS,JZ01,URBAN_UNEMPLOYMENT,2024-01,5.2,%,2024-02-20
        """, StandardCharsets.UTF_8);
    landing.write("sensors/2024-03/readings-2024-03-02.csv", """
        sensor_id,ts,metric,value
        AQ01,2024-03-02T08:00:00+08:00,pm25,41
        AQ01,2024-03-01T08:00:00+08:00,pm25,35.5
        AQ01,2024-03-01T09:00:00+08:00,pm25,40
        """, StandardCharsets.UTF_8);
    IngestResult third = new IngestJob(warehouse, config).execute();
    assertThat(third.source("reports").read()).isEqualTo(1);
    assertThat(third.source("posts").read()).isZero();
    SourceResult sensors = third.source("sensors");
    assertThat(sensors.accepted()).isEqualTo(1);
    assertThat(sensors.duplicates()).isEqualTo(1);
    assertThat(sensors.reasons()).containsExactly(Map.entry("conflicting_duplicate", 1L));
    assertThat(warehouse.count(IngestTables.SENSOR_READINGS)).isEqualTo(sensorsBefore + 1);

    Row current = warehouse.read(IngestTables.REPORTS).filter(col(Col.REGION_CODE).equalTo("JZ01")
        .and(col(Col.INDICATOR_CODE).equalTo("URBAN_UNEMPLOYMENT")).and(col(Col.PERIOD).equalTo("2024-01"))).first();
    assertThat(current.<Double>getAs(Col.VALUE)).isEqualTo(5.2);
    assertThat(current.<Integer>getAs(Col.REVISION_COUNT)).isEqualTo(2);
    assertThat(current.<java.sql.Timestamp>getAs(Col.FIRST_SUBMITTED_AT).toInstant().toString())
        .isEqualTo("2024-02-13T16:00:00Z");
    assertThat(warehouse.read(IngestTables.REPORT_REVISIONS).filter(col(Col.REGION_CODE).equalTo("JZ01")
        .and(col(Col.PERIOD).equalTo("2024-01"))).count()).isEqualTo(2);
  }
}
