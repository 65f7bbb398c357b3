package org.govpulse.analytics.audit;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.govpulse.core.table.Col.*;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.govpulse.analytics.catalogue.ReportingCalendar;
import org.govpulse.analytics.sensors.Severity;
import org.govpulse.core.spark.Columns;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.time.Frequency;
import org.govpulse.core.time.Period;

/**
 * Revisions that game a target: an annual value first reported as missing its target (annual, or the last year of a
 * long-term goal; a value written exactly at the target counts as missing it, since its true value may lie below by
 * less than the precision) and revised, before the deadline of the annual figures, to meet it with little to spare: at most
 * {@value #MAX_MARGIN_SHARE} of the revision, or {@value #MAX_MARGIN_STEPS} steps of the precision the value is
 * written with, beyond the target. Honest corrections also move values across targets
 * now and then, but they land anywhere; a revision that stops just past the line, in the days before the figures
 * are taken, is the pattern of a figure adjusted to the target. High when the revision came in the last
 * {@value #LAST_DAYS} days before the deadline. Revisions after the deadline, when the year's assessment is made, are
 * not judged here. Pure transform.
 */
public final class SuspiciousRevisions {
  /** Largest margin past the target, as a share of the revision... */
  public static final double MAX_MARGIN_SHARE = 0.25;
  /** ...or in steps of the precision the value was written with, whichever is larger. */
  public static final int MAX_MARGIN_STEPS = 3;
  /** A revision this close to the deadline is high severity. */
  public static final int LAST_DAYS = 7;

  private SuspiciousRevisions() {}

  /**
   * @param revisions silver.report_revisions
   * @param targets gold.targets
   * @param indicators silver.indicators
   */
  public static Dataset<Row> findings(Dataset<Row> revisions, Dataset<Row> targets, Dataset<Row> indicators,
      Instant detectedAt) {
    Dataset<Row> revised = revisions.filter(col(FREQUENCY).equalTo(Frequency.ANNUAL.code()))
        .groupBy(col(REGION_CODE), col(INDICATOR_CODE), col(PERIOD), col(DEPT_CODE))
        .agg(count(lit(1)).as("_n"), min_by(col(VALUE), col(SUBMITTED_AT)).as("_first"),
            max_by(col(VALUE), col(SUBMITTED_AT)).as("_last"),
            min_by(col(REPORTED_VALUE), col(SUBMITTED_AT)).as("_first_written"),
            max_by(col(REPORTED_VALUE), col(SUBMITTED_AT)).as("_last_written"), min(col(SUBMITTED_AT)).as("_first_at"),
            max(col(SUBMITTED_AT)).as("_last_at"))
        .filter(col("_n").geq(2));
    Dataset<Row> goals = targets.select(col(REGION_CODE), col(INDICATOR_CODE), col(HORIZON),
        element_at(split(col(PERIOD), "-"), -1).as(PERIOD), col(PERIOD).as("_target_period"), col(TARGET_VALUE))
        // one goal per year: the annual target when there is one ("annual" sorts before "long_term")
        .withColumn("_rank", row_number().over(Window.partitionBy(col(REGION_CODE), col(INDICATOR_CODE),
            col(PERIOD)).orderBy(col(HORIZON), col("_target_period"))))
        .filter(col("_rank").equalTo(1));
    Dataset<Row> polarity = broadcast(indicators.select(col(INDICATOR_CODE),
        col(POLARITY).equalTo("higher_better").as("_higher")));
    return revised.join(goals, Columns.seq(REGION_CODE, INDICATOR_CODE, PERIOD)).join(polarity, INDICATOR_CODE)
        .flatMap((FlatMapFunction<Row, Row>) r -> judge(r, detectedAt),
            Encoders.row(GoldTables.QUALITY_FINDINGS.schema()));
  }

  private static Iterator<Row> judge(Row r, Instant detectedAt) {
    double first = r.getAs("_first");
    double last = r.getAs("_last");
    double target = r.getAs(TARGET_VALUE);
    boolean higher = r.getAs("_higher");
    double step = step(first, r.getAs("_first_written"));
    // a first value written exactly at the target, its true value below it by less than the precision, has not
    // met it beyond doubt: it counts as missing
    boolean metFirst = (higher ? first - target : target - first) > step / 2;
    boolean metLast = higher ? last >= target : last <= target;
    double margin = Math.abs(last - target);
    Period period = Period.parseCanonical(r.getAs(PERIOD));
    LocalDate deadline = ReportingCalendar.dueDate(period);
    LocalDate revisedOn = r.<Timestamp>getAs("_last_at").toInstant().atOffset(ReportingCalendar.CHINA).toLocalDate();
    LocalDate firstOn = r.<Timestamp>getAs("_first_at").toInstant().atOffset(ReportingCalendar.CHINA).toLocalDate();
    long before = ChronoUnit.DAYS.between(revisedOn, deadline);
    double allowed = Math.max(MAX_MARGIN_SHARE * Math.abs(last - first), MAX_MARGIN_STEPS * step(last,
        r.getAs("_last_written")));
    if (metFirst || !metLast || margin > allowed || before < 0) {
      return List.<Row>of().iterator();
    }
    String region = r.getAs(REGION_CODE);
    String indicator = r.getAs(INDICATOR_CODE);
    String horizon = r.getAs(HORIZON);
    String evidence = String.format(Locale.ROOT, "%s %s of %s first reported %s on %s (missing the %s target %s of %s), "
            + "revised to %s on %s, %d days before the deadline %s: %s past the target after a revision of %+.4g",
        indicator, period, region, num(first), firstOn, horizon.replace('_', '-'), num(target),
        r.getAs("_target_period"), num(last), revisedOn, before, deadline, num(margin), last - first);
    Severity severity = before <= LAST_DAYS ? Severity.HIGH : Severity.MEDIUM;
    return List.of(new Finding(FindingKind.SUSPICIOUS_REVISION, severity, r.getAs(DEPT_CODE), region, indicator,
        period.toString(), period.toString(), margin / Math.abs(last - first), evidence).toRow(detectedAt))
        .iterator();
  }

  /**
   * The smallest step of the value as the department wrote it, in the canonical unit (a share written as a
   * fraction with three decimals steps by 0.1 percentage points); 0 when the text cannot be read.
   */
  static double step(double canonical, String written) {
    return DigitChecks.parse(written).map(w -> {
      double number = Double.parseDouble(w.digits()) / Math.pow(10, w.decimals());
      return number == 0 ? 0.0 : Math.abs(canonical / number) * Math.pow(10, -w.decimals());
    }).orElse(0.0);
  }

  private static String num(double v) {
    return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
