package org.govpulse.analytics.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.govpulse.core.table.Col.INDICATOR_CODE;
import static org.govpulse.core.table.Col.KIND;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.analytics.catalogue.DerivedValues;
import org.govpulse.analytics.catalogue.Indicator;
import org.govpulse.core.cli.JobMain;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;

/**
 * The data-quality audit: replaces gold.quality_findings with the findings of every test (timeliness and
 * completeness, contradictions with independent evidence, digit tests, smooth series, year-end spikes, amounts out
 * of proportion to GDP, suspicious revisions). The table is recomputed from the reports on every run and written in
 * one commit; ids depend only on what a finding is about, so a re-run over the same data writes the same ids and
 * a finding that no longer holds disappears. Run after the air quality (the stations' evidence) and the targets
 * (suspicious revisions), and before the panel, whose quality flags read the findings.
 */
public final class AuditJob {
  private final Warehouse warehouse;

  public AuditJob(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /**
   * What a run found.
   *
   * @param perKind findings per kind code
   * @param seconds wall time
   */
  public record Result(Map<String, Long> perKind, double seconds) {
    /** All findings. */
    public long findings() {
      return perKind.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "audit: %d findings in %.1f s %s", findings(), seconds, perKind);
    }
  }

  public Result execute() {
    Instant started = Instant.now();
    warehouse.spark().sparkContext().setJobDescription("govpulse analyze: data-quality audit");
    Catalogue catalogue = Catalogue.read(warehouse);
    Dataset<Row> reports = warehouse.read(IngestTables.REPORTS).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> findings = findings(reports, warehouse.readOrEmpty(IngestTables.REPORT_REVISIONS),
          warehouse.read(IngestTables.INDICATORS), warehouse.readOrEmpty(GoldTables.TARGETS),
          evidence(warehouse, catalogue), catalogue, started);
      warehouse.overwrite(findings, GoldTables.QUALITY_FINDINGS);
    } finally {
      reports.unpersist();
    }
    Map<String, Long> perKind = new TreeMap<>();
    for (Row r : warehouse.read(GoldTables.QUALITY_FINDINGS).groupBy(col(KIND)).count().collectAsList()) {
      perKind.put(r.getString(0), r.getLong(1));
    }
    warehouse.spark().sparkContext().setJobDescription(null);
    return new Result(perKind, Duration.between(started, Instant.now()).toMillis() / 1000.0);
  }

  /**
   * Every finding, in the schema of gold.quality_findings. Pure transform.
   *
   * @param reports silver.reports
   * @param revisions silver.report_revisions
   * @param indicators silver.indicators
   * @param targets gold.targets (may be empty: then no revision is judged)
   * @param evidence values of the catalogue's evidence indicators (see {@link #evidence})
   * @param detectedAt the run's time, stored with every finding
   */
  public static Dataset<Row> findings(Dataset<Row> reports, Dataset<Row> revisions, Dataset<Row> indicators,
      Dataset<Row> targets, Dataset<Row> evidence, Catalogue catalogue, Instant detectedAt) {
    return Timeliness.late(reports, detectedAt)
        .unionByName(Timeliness.missing(reports, revisions, detectedAt))
        .unionByName(ContradictionCheck.findings(reports, evidence, catalogue, detectedAt))
        .unionByName(SeriesChecks.findings(reports, catalogue, detectedAt))
        .unionByName(RatioOutlierCheck.findings(reports, catalogue, detectedAt))
        .unionByName(SuspiciousRevisions.findings(revisions, targets, indicators, detectedAt));
  }

  /**
   * The values of every indicator the catalogue names as evidence of a reported one, with the indicator code:
   * region_code, indicator_code, period, value, coverage, resolution. Empty when none has been computed.
   */
  public static Dataset<Row> evidence(Warehouse warehouse, Catalogue catalogue) {
    Dataset<Row> out = warehouse.spark().createDataFrame(List.of(), new org.apache.spark.sql.types.StructType()
        .add(org.govpulse.core.table.Col.REGION_CODE, "string").add(INDICATOR_CODE, "string")
        .add(org.govpulse.core.table.Col.PERIOD, "string").add(org.govpulse.core.table.Col.VALUE, "double")
        .add(DerivedValues.COVERAGE, "double").add(DerivedValues.RESOLUTION, "double"));
    for (String code : catalogue.all().stream().map(Indicator::evidenceIndicator)
        .filter(e -> e != null && !e.isBlank()).distinct().sorted().toList()) {
      Optional<Dataset<Row>> values = DerivedValues.of(warehouse, code);
      if (values.isPresent()) {
        out = out.unionByName(values.get().withColumn(INDICATOR_CODE, lit(code)));
      }
    }
    return out;
  }

  /** Entry point for spark-submit: {@code --class org.govpulse.analytics.audit.AuditJob}. */
  public static void main(String[] argv) {
    JobMain.main("audit", "Audit the reports: timeliness, contradictions, digit tests, smooth series, spikes, "
        + "revisions.", argv, (c, spark) -> new AuditJob(new Warehouse(spark, c.warehouse())).execute());
  }
}
