package org.govpulse.analytics.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.govpulse.core.table.Col.*;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.govpulse.analytics.catalogue.ReportingCalendar;
import org.govpulse.analytics.panel.PeriodColumns;
import org.govpulse.analytics.sensors.Severity;
import org.govpulse.core.spark.Columns;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.time.Frequency;

/**
 * Timeliness and completeness per department. A department's report is everything it submitted for one period of
 * one frequency (one file, revisions aside); it is late when its first value arrived after the due date of the
 * reporting calendar (China time).
 *
 * <ul>
 *   <li><b>late_reporting</b>: at least {@value #MIN_LATE_SHARE} of a department's reports late, and more than the
 *       other departments make likely: the binomial probability of that many late reports at the other departments'
 *       late share (at least 1 %) is below {@value #ALPHA}. High when half are late or the median delay is a month.
 *   <li><b>missing_reports</b>: periods whose due date has passed and for which the department has submitted
 *       nothing, from its first report of that frequency on. "Now" is the latest submission in the warehouse (the
 *       audit judges the data it has, not the wall clock, so a re-run over old data finds the same). High when a
 *       report is a month overdue or three are missing, low for a single report less than a fortnight overdue.
 * </ul>
 */
public final class Timeliness {
  /** Least late share for a finding. */
  public static final double MIN_LATE_SHARE = 0.25;
  /** Significance of a department's late share against the others'. */
  public static final double ALPHA = 1e-6;

  private static final String FIRST = "_first";
  private static final String DUE = "_due";
  private static final String DAYS_LATE = "_days_late";

  private Timeliness() {}

  /** One row per department report: dept_code, frequency, period, period_start, _due, _days_late. */
  static Dataset<Row> departmentReports(Dataset<Row> reports) {
    return reports.groupBy(col(DEPT_CODE), col(FREQUENCY), col(PERIOD), col(PERIOD_START))
        .agg(min(col(FIRST_SUBMITTED_AT)).as(FIRST))
        .withColumn(DUE, ReportingCalendar.dueDate(col(FREQUENCY), col(PERIOD_START)))
        .withColumn(DAYS_LATE, datediff(chinaDate(col(FIRST)), col(DUE)));
  }

  private static Column chinaDate(Column utc) {
    return to_date(from_utc_timestamp(utc, ReportingCalendar.CHINA.getId()));
  }

  /**
   * late_reporting findings.
   *
   * @param reports silver.reports
   */
  public static Dataset<Row> late(Dataset<Row> reports, Instant detectedAt) {
    Column isLate = col(DAYS_LATE).gt(0);
    Column lateStart = when(isLate, col(PERIOD_START));
    Dataset<Row> perDept = departmentReports(reports).groupBy(col(DEPT_CODE))
        .agg(count(lit(1)).as("_n"), sum(when(isLate, 1).otherwise(0)).as("_late"),
            percentile_approx(when(isLate, col(DAYS_LATE)), lit(0.5), lit(10000)).as("_median_days"),
            max(col(DAYS_LATE)).as("_max_days"),
            min_by(col(PERIOD), lateStart).as("_from"), max_by(col(PERIOD), lateStart).as("_to"));
    Dataset<Row> totals = perDept.agg(sum(col("_n")).as("_all_n"), sum(col("_late")).as("_all_late"));
    return perDept.crossJoin(totals).flatMap(
(FlatMapFunction<Row, Row>) r -> lateFinding(r, detectedAt),
        Encoders.row(GoldTables.QUALITY_FINDINGS.schema()));
  }

  private static Iterator<Row> lateFinding(Row r, Instant detectedAt) {
    long n = r.getLong(r.fieldIndex("_n"));
    long late = r.getLong(r.fieldIndex("_late"));
    long othersN = r.getLong(r.fieldIndex("_all_n")) - n;
    long othersLate = r.getLong(r.fieldIndex("_all_late")) - late;
    double share = (double) late / n;
    double baseline = Math.max(0.01, othersN == 0 ? 0.0 : (double) othersLate / othersN);
    double p = AuditStatistics.binomialUpperTail((int) n, (int) late, baseline);
    if (share < MIN_LATE_SHARE || p >= ALPHA) {
      return List.<Row>of().iterator();
    }
    int median = r.isNullAt(r.fieldIndex("_median_days")) ? 0 : r.getInt(r.fieldIndex("_median_days"));
    int maxDays = r.getInt(r.fieldIndex("_max_days"));
    Severity severity = share >= 0.5 || median >= 30 ? Severity.HIGH : Severity.MEDIUM;
    String dept = r.getAs(DEPT_CODE);
    String evidence = String.format(Locale.ROOT, "%s submitted %d of its %d reports (%.0f%%) after the due date, "
            + "a median of %d days late (at most %d), while the other departments were late with %.0f%% of theirs "
            + "(binomial p = %.1e)", dept, late, n, 100 * share, median, maxDays, 100 * baseline, p);
    return List.of(new Finding(FindingKind.LATE_REPORTING, severity, dept, null, null, r.getAs("_from"),
        r.getAs("_to"), share, evidence).toRow(detectedAt)).iterator();
  }

  /**
   * missing_reports findings.
   *
   * @param reports silver.reports
   * @param revisions silver.report_revisions (for the latest submission: the audit's "now")
   */
  public static Dataset<Row> missing(Dataset<Row> reports, Dataset<Row> revisions, Instant detectedAt) {
    Dataset<Row> now = revisions.agg(chinaDate(max(col(SUBMITTED_AT))).as("_now"));
    Dataset<Row> present = departmentReports(reports).select(col(DEPT_CODE), col(FREQUENCY), col(PERIOD_START));
    Column step = when(col(FREQUENCY).equalTo(Frequency.MONTHLY.code()), lit(1))
        .when(col(FREQUENCY).equalTo(Frequency.QUARTERLY.code()), lit(3)).otherwise(lit(12));
    Dataset<Row> expected = present.groupBy(col(DEPT_CODE), col(FREQUENCY)).agg(min(col(PERIOD_START)).as("_start"))
        .crossJoin(now)
        .withColumn("_step", step)
        .withColumn(PERIOD_START, explode(expr("sequence(_start, _now, make_interval(0, _step))")))
        .withColumn(DUE, ReportingCalendar.dueDate(col(FREQUENCY), col(PERIOD_START)))
        .filter(col(DUE).lt(col("_now")));
    Dataset<Row> missing = expected.join(present, Columns.seq(DEPT_CODE, FREQUENCY, PERIOD_START), "left_anti")
        .withColumn("_overdue", datediff(col("_now"), col(DUE)))
        .withColumn(PERIOD, when(col(FREQUENCY).equalTo(Frequency.MONTHLY.code()),
                PeriodColumns.periodOf(col(PERIOD_START), Frequency.MONTHLY))
            .when(col(FREQUENCY).equalTo(Frequency.QUARTERLY.code()),
                PeriodColumns.periodOf(col(PERIOD_START), Frequency.QUARTERLY))
            .otherwise(PeriodColumns.periodOf(col(PERIOD_START), Frequency.ANNUAL)));
    Dataset<Row> perDept = missing.groupBy(col(DEPT_CODE))
        .agg(count(lit(1)).as("_n"), max(col("_overdue")).as("_max_overdue"),
            min_by(col(PERIOD), col(PERIOD_START)).as("_from"), max_by(col(PERIOD), col(PERIOD_START)).as("_to"),
            sort_array(collect_list(col(PERIOD))).as("_periods"),
            max(col("_now")).as("_now"));
    return perDept.flatMap((FlatMapFunction<Row, Row>) r -> missingFinding(r, detectedAt),
        Encoders.row(GoldTables.QUALITY_FINDINGS.schema()));
  }

  private static Iterator<Row> missingFinding(Row r, Instant detectedAt) {
    long n = r.getLong(r.fieldIndex("_n"));
    int overdue = r.getInt(r.fieldIndex("_max_overdue"));
    Severity severity = overdue >= 30 || n >= 3 ? Severity.HIGH
        : n == 1 && overdue < 15 ? Severity.LOW : Severity.MEDIUM;
    String dept = r.getAs(DEPT_CODE);
    List<String> periods = r.getList(r.fieldIndex("_periods"));
    String listed = periods.size() <= 6 ? String.join(", ", periods)
        : String.join(", ", periods.subList(0, 3)) + ", ... " + periods.get(periods.size() - 1);
    String evidence = String.format(Locale.ROOT, "%s has submitted nothing for %d report%s past the due date as of "
            + "%s (the latest submission received), the oldest %d days overdue: %s", dept, n, n == 1 ? "" : "s",
        r.getAs("_now"), overdue, listed);
    return List.of(new Finding(FindingKind.MISSING_REPORTS, severity, dept, null, null, r.getAs("_from"),
        r.getAs("_to"), (double) n, evidence).toRow(detectedAt)).iterator();
  }
}
