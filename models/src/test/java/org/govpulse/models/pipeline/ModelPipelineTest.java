package org.govpulse.models.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.govpulse.analytics.AnalyzeJob;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.spark.Columns;
import org.govpulse.core.table.Col;
import org.govpulse.core.table.ForecastTables;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.WarningTables;
import org.govpulse.core.testing.TestSpark;
import org.govpulse.ingestion.IngestJob;
import org.govpulse.ingestion.samplecity.SampleCityGenerator;
import org.govpulse.ingestion.samplecity.SampleCityResult;
import org.govpulse.ingestion.samplecity.SampleCitySpec;
import org.govpulse.models.forecast.EngineSettings;
import org.govpulse.models.forecast.ForecastEngine;
import org.govpulse.models.forecast.SeriesClass;
import org.govpulse.models.registry.ModelRegistry;
import org.govpulse.models.risk.EvaluateWarningsJob;
import org.govpulse.models.risk.TargetRiskJob;
import org.govpulse.models.warn.Level;
import org.govpulse.models.warn.WarnJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model stages on the small sample city: forecasts with intervals, target risk, warnings with a lifecycle, and
 * the warnings scored against the planted troubles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelPipelineTest {
  @TempDir
  static Path root;

  private Warehouse warehouse;
  private SampleCityResult city;
  private ForecastJob.Result forecast;
  private TrainForecastersJob.Result trained;
  private WarnJob.Result firstWarn;

  @BeforeAll
  void runThePipeline() {
    city = new SampleCityGenerator(SampleCitySpec.small()).generate(root.resolve("city"));
    GovPulseConfig config = TestSpark.config(root).with(Setting.LANDING, city.landing().toString());
    warehouse = new Warehouse(TestSpark.session(), config.warehouse());
    new IngestJob(warehouse, config).execute();
    new AnalyzeJob(warehouse).execute();
    EngineSettings settings = EngineSettings.defaults().withThreads(2);
    trained = new TrainForecastersJob(warehouse, settings).execute();
    forecast = new ForecastJob(warehouse, new ForecastEngine(settings),
        RegisteredForecasters.load(new ModelRegistry(warehouse))).execute();
    new TargetRiskJob(warehouse, null, false, TargetRiskJob.DEFAULT_RHO).execute();
    firstWarn = new WarnJob(warehouse).execute();
  }

  @Test
  @Order(1)
  void every_long_enough_series_is_forecast_with_nested_intervals() {
    assertThat(forecast.series()).isGreaterThanOrEqualTo(90);
    // The small city reports from 2023: monthly and quarterly series have years of values and must all be
    // forecast; its annual series (three values) and the one month of station data are too short.
    List<String> longSeries = warehouse.read(GoldTables.INDICATOR_PANEL)
        .join(warehouse.read(IngestTables.INDICATORS).select(Col.INDICATOR_CODE, Col.FREQUENCY),
            Columns.seq(Col.INDICATOR_CODE, Col.FREQUENCY))
        .filter(col(Col.FREQUENCY).isin("monthly", "quarterly"))
        .groupBy(Col.REGION_CODE, Col.INDICATOR_CODE, Col.FREQUENCY).count().filter(col("count").geq(12))
        .select(concat_ws("|", col(Col.REGION_CODE), col(Col.INDICATOR_CODE), col(Col.FREQUENCY)))
        .as(Encoders.STRING()).collectAsList();
    List<String> forecastSeries = warehouse.read(ForecastTables.FORECASTS)
        .select(concat_ws("|", col(Col.REGION_CODE), col(Col.INDICATOR_CODE), col(Col.FREQUENCY))).distinct()
        .as(Encoders.STRING()).collectAsList();
    assertThat(longSeries).isNotEmpty();
    assertThat(forecastSeries).as("series with a year or more of values").containsAll(longSeries);
    assertThat(forecast.series()).isEqualTo(forecastSeries.size());
    List<Row> rows = warehouse.read(ForecastTables.FORECASTS).collectAsList();
    assertThat(rows).allSatisfy(r -> {
      double point = r.getAs(Col.POINT);
      assertThat(r.<Double>getAs(Col.LOWER_95)).isLessThanOrEqualTo(r.getAs(Col.LOWER_80));
      assertThat(r.<Double>getAs(Col.LOWER_80)).isLessThanOrEqualTo(point);
      assertThat(r.<Double>getAs(Col.UPPER_80)).isGreaterThanOrEqualTo(point);
      assertThat(r.<Double>getAs(Col.UPPER_95)).isGreaterThanOrEqualTo(r.getAs(Col.UPPER_80));
      assertThat(r.<Long>getAs(Col.TRAINING_DATA_VERSION)).isEqualTo(forecast.panelVersion());
    });
    assertThat(warehouse.read(ForecastTables.FORECASTS).filter(col(Col.FREQUENCY).equalTo("monthly"))
        .select(Col.HORIZON_STEP).distinct().count()).isEqualTo(12);
  }

  @Test
  @Order(1)
  void target_risk_gives_a_probability_and_drivers_for_the_current_year() {
    List<Row> current = warehouse.read(ForecastTables.TARGET_RISK).filter(col(Col.PERIOD).equalTo("2026"))
        .collectAsList();
    assertThat(current).isNotEmpty().allSatisfy(r -> {
      assertThat(r.<Double>getAs(Col.PROBABILITY_MISS)).isBetween(0.0, 1.0);
      assertThat(r.getList(r.fieldIndex(Col.DRIVERS))).isNotEmpty();
      assertThat(r.getList(r.fieldIndex(Col.DRIVERS_ZH))).hasSameSizeAs(r.getList(r.fieldIndex(Col.DRIVERS)));
    });
  }

  @Test
  @Order(1)
  void warnings_are_graded_and_explained_in_both_languages() {
    assertThat(firstWarn.conditions()).isPositive();
    List<Row> warnings = warehouse.read(WarningTables.WARNINGS).collectAsList();
    assertThat(warnings).hasSize(firstWarn.events());
    assertThat(warnings).allSatisfy(w -> {
      assertThat(w.<String>getAs(Col.WARNING_LEVEL)).isIn("blue", "yellow", "orange", "red");
      assertThat(w.<String>getAs(Col.EXPLANATION_ZH)).contains("预警");
      assertThat(w.<String>getAs(Col.EXPLANATION_EN)).contains("warning");
      assertThat(w.<String>getAs(Col.STATUS)).isEqualTo("open");
    });
  }

  @Test
  @Order(2)
  void a_second_run_keeps_one_warning_per_condition_and_folds_in_acknowledgements() {
    Row someWarning = warehouse.read(WarningTables.WARNINGS).orderBy(Col.WARNING_ID).first();
    String id = someWarning.getAs(Col.WARNING_ID);
    warehouse.append(warehouse.spark().createDataFrame(List.of(RowFactory.create("ack-1", id, "acknowledged",
        Timestamp.from(Instant.now()), "key-analyst", "checking with the bureau")),
        WarningTables.WARNING_ACTIONS.schema()), WarningTables.WARNING_ACTIONS);
    long before = warehouse.count(WarningTables.WARNINGS);
    WarnJob.Result second = new WarnJob(warehouse).execute();
    assertThat(warehouse.count(WarningTables.WARNINGS)).isEqualTo(before);
    assertThat(second.events()).isEqualTo(1);
    Row after = warehouse.read(WarningTables.WARNINGS).filter(col(Col.WARNING_ID).equalTo(id)).first();
    assertThat(after.<String>getAs(Col.STATUS)).isEqualTo("acknowledged");
    Row event = warehouse.read(WarningTables.WARNING_EVENTS).filter(col(Col.EVENT_ID).equalTo("ack-1")).first();
    assertThat(event.<String>getAs(Col.COMMENT)).isEqualTo("checking with the bureau");
    assertThat(new WarnJob(warehouse).execute().events()).as("the acknowledgement is folded in once").isZero();
  }

  @Test
  @Order(3)
  void planted_deteriorations_are_warned_about_months_before_the_year_ends() {
    EvaluateWarningsJob.Result r = new EvaluateWarningsJob(warehouse, city.groundTruth(), Level.YELLOW, 0.75)
        .execute();
    System.out.println(r.report());
    long warned = r.detections().stream().filter(d -> d.firstWarned() != null).count();
    assertThat(warned).as(r.report()).isGreaterThanOrEqualTo(3);
    assertThat(r.detections().stream().filter(d -> d.firstWarned() != null)
        .mapToInt(d -> d.monthsBeforeYearEnd()).min().orElse(0)).isGreaterThanOrEqualTo(3);
    assertThat(r.scores()).allSatisfy(s -> assertThat(s.precision()).as(r.report()).isGreaterThan(0.5));
  }

  @Test
  @Order(1)
  void forecasts_risks_and_warnings_record_the_registry_version_of_the_global_forecaster() {
    assertThat(trained.classes()).extracting(t -> t.registered().model().id())
        .contains("global_forecaster_m12_h12:v1");
    TrainForecastersJob.Trained monthly = trained.classes().stream()
        .filter(t -> t.cls().equals(new SeriesClass(12, 12))).findFirst().orElseThrow();
    assertThat(monthly.heldOut()).isPositive();
    assertThat(monthly.registered().model().trainingTables())
        .containsEntry(GoldTables.INDICATOR_PANEL.qualifiedName(), forecast.panelVersion());
    String version = ForecastEngine.VERSION + " + global_forecaster_m12_h12:v1";
    List<String> monthlyVersions = warehouse.read(ForecastTables.FORECASTS).filter(col(Col.FREQUENCY)
        .equalTo("monthly")).select(Col.MODEL_VERSION).distinct().as(Encoders.STRING()).collectAsList();
    assertThat(monthlyVersions).as("monthly series that give the global model weight say which version")
        .contains(version);
    Row risk = warehouse.read(ForecastTables.TARGET_RISK).first();
    assertThat(risk.getList(risk.fieldIndex(Col.MODEL_VERSIONS))).contains("global_forecaster_m12_h12:v1");
    Row warning = warehouse.read(WarningTables.WARNINGS).filter(col(Col.KIND).equalTo("target_risk")).first();
    assertThat(warning.getList(warning.fieldIndex(Col.MODEL_VERSIONS))).contains("global_forecaster_m12_h12:v1");
  }

  @Test
  @Order(4)
  void promote_and_rollback_change_the_forecaster_the_next_run_uses() {
    EngineSettings settings = EngineSettings.defaults().withThreads(2);
    TrainForecastersJob.Result second = new TrainForecastersJob(warehouse,
        settings.withGlobal(settings.global().withSeed(7))).execute();
    assertThat(second.classes()).allSatisfy(t -> assertThat(t.registered().model().stage()).isEqualTo("candidate"));
    assertThat(new TrainForecastersJob(warehouse, settings).execute().classes())
        .as("the same training again registers nothing").noneMatch(t -> t.registered().created());
    ModelRegistry registry = new ModelRegistry(warehouse);
    SeriesClass monthly = new SeriesClass(12, 12);
    registry.promote("global_forecaster_m12_h12", 2, "test");
    assertThat(RegisteredForecasters.load(registry).forClass(monthly, List.of()).version())
        .isEqualTo("global_forecaster_m12_h12:v2");
    registry.rollback("global_forecaster_m12_h12", "test");
    assertThat(RegisteredForecasters.load(registry).forClass(monthly, List.of()).version())
        .isEqualTo("global_forecaster_m12_h12:v1");
    assertThat(RegisteredForecasters.load(registry).forClass(new SeriesClass(12, 6), List.of()))
        .as("no model for a class means no global candidate").isNull();
  }
}
