package org.govpulse.analytics;

import static org.apache.spark.sql.functions.col;
import static org.govpulse.core.table.Col.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.govpulse.analytics.air.AirQualityJob;
import org.govpulse.analytics.audit.AuditJob;
import org.govpulse.analytics.budget.BudgetOutcomes;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.analytics.catalogue.DerivedIndicators;
import org.govpulse.analytics.catalogue.DerivedValues;
import org.govpulse.analytics.catalogue.Indicator;
import org.govpulse.analytics.citizens.SatisfactionIndex;
import org.govpulse.analytics.citizens.SentimentMonthly;
import org.govpulse.analytics.panel.PanelBase;
import org.govpulse.analytics.panel.PanelProgress;
import org.govpulse.analytics.scorecard.ScorecardJob;
import org.govpulse.analytics.sensors.SensorAnomalyJob;
import org.govpulse.analytics.targets.TargetResolution;
import org.govpulse.analytics.typology.TypologyJob;
import org.govpulse.core.cli.JobMain;
import org.govpulse.core.delta.RunLog;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.ModelTables;
import org.govpulse.core.time.Frequency;

/**
 * The analytics job: turns the silver tables into the gold tables, stage by stage (air quality and sensor faults
 * from the stations, sentiment from the scored posts, satisfaction, typology, targets, the data-quality audit, the
 * indicator panel, scorecards, budget outcomes). Every stage recomputes its table from its inputs and replaces it in
 * one Delta commit, so a re-run is idempotent and readers never see a half-written table.
 */
public final class AnalyzeJob {
  /** The job's name in meta.runs and its lock. */
  public static final String NAME = "analyze";

  private final Warehouse warehouse;
  private final String runId;

  public AnalyzeJob(Warehouse warehouse) {
    this(warehouse, UUID.randomUUID().toString());
  }

  /** An analysis whose meta.runs rows carry the given run id (that of its {@code JobRun}). */
  public AnalyzeJob(Warehouse warehouse, String runId) {
    this.warehouse = warehouse;
    this.runId = runId;
  }

  public AnalyzeResult execute() {
    Instant started = Instant.now();
    StageTimer stages = new StageTimer(runId, NAME);
    Catalogue catalogue = Catalogue.read(warehouse);
    Dataset<Row> indicators = warehouse.read(IngestTables.INDICATORS);
    Dataset<Row> regions = warehouse.read(IngestTables.REGIONS);

    if (warehouse.exists(IngestTables.SENSOR_READINGS)) {
      stages.run("air_quality", GoldTables.AIR_QUALITY_MONTHLY.qualifiedName(),
          () -> new AirQualityJob(warehouse).execute().regionMonths());
      stages.run("sensor_anomalies", GoldTables.SENSOR_ANOMALIES.qualifiedName(),
          () -> new SensorAnomalyJob(warehouse).execute().perKind().values().stream().mapToLong(Long::longValue).sum());
    } else {
      stages.skip("air_quality", "no sensor readings ingested");
    }
    if (warehouse.exists(IngestTables.SURVEY_RESPONSES)) {
      stages.run("satisfaction", GoldTables.SATISFACTION.qualifiedName(), () -> write(
          SatisfactionIndex.compute(warehouse.read(IngestTables.SURVEY_RESPONSES)), GoldTables.SATISFACTION));
    } else {
      stages.skip("satisfaction", "no survey responses ingested");
    }
    if (warehouse.exists(ModelTables.SCORED_POSTS)) {
      stages.run("sentiment", GoldTables.SENTIMENT_MONTHLY.qualifiedName(), () -> write(
          SentimentMonthly.compute(warehouse.read(ModelTables.SCORED_POSTS), regions), GoldTables.SENTIMENT_MONTHLY));
    } else {
      stages.skip("sentiment", "no scored posts yet (gold.scored_posts is written by the sentiment classifier)");
    }
    stages.run("typology", GoldTables.REGION_TIERS.qualifiedName(),
        () -> (long) new TypologyJob(warehouse).execute().size());
    Dataset<Row> tiers = warehouse.read(GoldTables.REGION_TIERS);

    Dataset<Row> base = PanelBase.build(warehouse.read(IngestTables.REPORTS), derived(catalogue), indicators,
        regions).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> annual = base.filter(col(FREQUENCY).equalTo(Frequency.ANNUAL.code()));
      stages.run("targets", GoldTables.TARGETS.qualifiedName(), () -> write(TargetResolution.resolve(
          warehouse.readOrEmpty(IngestTables.TARGET_RULES), warehouse.readOrEmpty(IngestTables.TARGET_OVERRIDES),
          tiers, annual, indicators), GoldTables.TARGETS));
      // the audit reads the targets (suspicious revisions) and the panel reads its findings (quality flags)
      stages.run("audit", GoldTables.QUALITY_FINDINGS.qualifiedName(),
          () -> new AuditJob(warehouse).execute().findings());
      stages.run("panel", GoldTables.INDICATOR_PANEL.qualifiedName(), () -> write(PanelProgress.complete(base,
          warehouse.read(GoldTables.TARGETS), indicators, warehouse.readOrEmpty(GoldTables.QUALITY_FINDINGS)),
          GoldTables.INDICATOR_PANEL));
    } finally {
      base.unpersist();
    }
    Dataset<Row> panel = warehouse.read(GoldTables.INDICATOR_PANEL);
    stages.run("scorecard", GoldTables.SCORECARD.qualifiedName(),
        () -> new ScorecardJob(warehouse).execute(panel, tiers, indicators).scores());
    if (warehouse.exists(IngestTables.BUDGETS)) {
      stages.run("budget_outcomes", GoldTables.BUDGET_OUTCOMES.qualifiedName(), () -> write(
          BudgetOutcomes.compute(warehouse.read(IngestTables.BUDGETS),
              panel.filter(col(FREQUENCY).equalTo(Frequency.ANNUAL.code())), indicators, regions),
          GoldTables.BUDGET_OUTCOMES));
    } else {
      stages.skip("budget_outcomes", "no budgets ingested");
    }
    RunLog.append(warehouse, stages.entries());
    return new AnalyzeResult(runId, stages.stages(), Duration.between(started, Instant.now()).toMillis() / 1000.0);
  }

  /** Values derived from evidence, for the catalogue's derived indicators that have been computed. */
  private Dataset<Row> derived(Catalogue catalogue) {
    Dataset<Row> out = PanelBase.derivedRow(warehouse.spark().createDataFrame(java.util.List.of(),
        new org.apache.spark.sql.types.StructType().add(REGION_CODE, "string").add(PERIOD, "string")
            .add(VALUE, "double")), "none", "none", "none", Frequency.MONTHLY);
    for (String code : List.of(DerivedIndicators.GOOD_AIR_DAYS, DerivedIndicators.PM25, DerivedIndicators.SENTIMENT,
        DerivedIndicators.SATISFACTION)) {
      Optional<Dataset<Row>> values = DerivedValues.of(warehouse, code);
      if (values.isPresent()) {
        out = add(out, catalogue, code, values.get().select(col(REGION_CODE), col(PERIOD), col(VALUE)));
      }
    }
    return out;
  }

  private static Dataset<Row> add(Dataset<Row> rows, Catalogue catalogue, String code, Dataset<Row> values) {
    return catalogue.find(code).map((Indicator i) -> rows.unionByName(
        PanelBase.derivedRow(values, i.code(), i.unit(), i.source(), i.frequency()))).orElse(rows);
  }

  private long write(Dataset<Row> rows, org.govpulse.core.table.TableContract table) {
    warehouse.overwrite(rows, table);
    return warehouse.read(table).count();
  }

  /** Entry point for spark-submit: {@code --class org.govpulse.analytics.AnalyzeJob}. */
  public static void main(String[] argv) {
    JobMain.main(NAME, "Compute the gold tables: derived indicators, tiers, targets, panel, scorecards, budget outcomes.",
        argv, c -> java.util.List.of(), (c, spark, runId) -> new AnalyzeJob(new Warehouse(spark, c.warehouse()), runId)
            .execute());
  }
}
