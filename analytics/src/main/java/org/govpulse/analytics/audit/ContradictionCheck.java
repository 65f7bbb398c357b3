package org.govpulse.analytics.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.govpulse.core.table.Col.*;

import java.io.Serializable;
import java.time.Instant;
import java.util.Iterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.analytics.catalogue.DerivedValues;
import org.govpulse.analytics.catalogue.Indicator;
import org.govpulse.analytics.sensors.Severity;
import org.govpulse.core.spark.Columns;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.time.Period;

/**
 * Reported values against an independent measurement of the same thing (the catalogue's {@code evidence_indicator}:
 * a department's air quality against the region's stations). Two honest sources rarely agree exactly (validity
 * rules, station faults, rounding), so each difference is judged against the pair's honest disagreement: σ is the
 * 90th percentile of the absolute differences from their median (over every region and month of the pair, divided
 * by 1.645, the normal 90 % point; from {@value #MIN_PAIRS_FOR_SPREAD} pairs on) and never less than the evidence's
 * resolution (one day of the month for a share of days, 1 µg/m³ for a concentration). The median difference itself (a systematic offset between the two
 * definitions) is taken out.
 *
 * <p>A month contradicts when its difference is {@value #MONTH_Z} σ or more away from the median; a finding needs
 * two such months in a run (a month in between may agree, for a share capped at 100 % can hide a falsification), or
 * one month at {@value #SINGLE_Z} σ. High when the run lasts three months or its mean is {@value #SINGLE_Z} σ. A
 * bias that no month shows beyond doubt but that lasts half a year is reported too (medium; see
 * {@link #PERSISTENT_MONTHS}).
 */
public final class ContradictionCheck {
  /** Distance of a contradicting month from the median difference, in σ. */
  public static final double MONTH_Z = 3.0;
  /** Distance for a single month to make a finding on its own. */
  public static final double SINGLE_Z = 5.0;

  /** Consecutive months of a persistent bias. */
  public static final int PERSISTENT_MONTHS = 6;
  /** Share of the resolution a rounded report can fall short of it by and still count as one unit off. */
  private static final double ROUNDED = 0.75;
  /** Least mean distance of a persistent bias, in σ. */
  public static final double PERSISTENT_Z = 2.0;
  /** Fewest pairs to estimate the honest disagreement from the data (below, the evidence's resolution is σ). */
  public static final int MIN_PAIRS_FOR_SPREAD = 20;
  /**
   * Evidence covering less of the period (readings received, valid days) is not used: GB 3095-2012 asks 27 valid
   * daily values for a monthly mean (25 in February), 27 of 31 days being 0.87 of the month. A station silent for a
   * week misses that week's weather, and its month is no yardstick for the department's.
   */
  public static final double MIN_COVERAGE = 0.87;

  private static final String EVIDENCE_VALUE = "_evidence_value";

  private ContradictionCheck() {}

  /**
   * Findings of every reported indicator that names an evidence indicator.
   *
   * @param reports silver.reports
   * @param evidence values of the evidence indicators: region_code, indicator_code, period, value, coverage,
   *     resolution (see {@link DerivedValues})
   */
  public static Dataset<Row> findings(Dataset<Row> reports, Dataset<Row> evidence, Catalogue catalogue,
      Instant detectedAt) {
    List<Indicator> paired = catalogue.all().stream().filter(i -> i.evidenceIndicator() != null
        && !i.evidenceIndicator().isBlank()).toList();
    if (paired.isEmpty()) {
      return reports.sparkSession().createDataFrame(List.of(), GoldTables.QUALITY_FINDINGS.schema());
    }
    Column evidenceOf = lit(null).cast("string");
    for (Indicator i : paired) {
      evidenceOf = org.apache.spark.sql.functions.when(col(INDICATOR_CODE).equalTo(i.code()),
          lit(i.evidenceIndicator())).otherwise(evidenceOf);
    }
    Dataset<Row> reported = reports.select(col(REGION_CODE), col(INDICATOR_CODE), col(PERIOD), col(DEPT_CODE),
        col(VALUE), evidenceOf.as(EVIDENCE_INDICATOR)).filter(col(EVIDENCE_INDICATOR).isNotNull());
    Dataset<Row> measured = evidence.filter(col(DerivedValues.COVERAGE).geq(MIN_COVERAGE))
        .select(col(REGION_CODE), col(INDICATOR_CODE).as(EVIDENCE_INDICATOR), col(PERIOD),
            col(VALUE).as(EVIDENCE_VALUE), col(DerivedValues.RESOLUTION));
    return reported.join(measured, Columns.seq(REGION_CODE, EVIDENCE_INDICATOR, PERIOD))
        .groupByKey((MapFunction<Row, String>) r -> r.getAs(INDICATOR_CODE), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (code, rows) -> check(code, rows, catalogue,
            detectedAt), Encoders.row(GoldTables.QUALITY_FINDINGS.schema()));
  }

  private static Iterator<Row> check(String code, Iterator<Row> rows, Catalogue catalogue, Instant detectedAt) {
    List<Pair> pairs = new ArrayList<>();
    String evidenceCode = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      evidenceCode = r.getAs(EVIDENCE_INDICATOR);
      pairs.add(new Pair(r.getAs(REGION_CODE), r.getAs(DEPT_CODE), Period.parseCanonical(r.getAs(PERIOD)),
          r.<Double>getAs(VALUE), r.<Double>getAs(EVIDENCE_VALUE), r.<Double>getAs(DerivedValues.RESOLUTION)));
    }
    String source = catalogue.find(evidenceCode).map(Indicator::source).orElse("");
    FindingKind kind = "sensors".equals(source) ? FindingKind.SENSOR_CONTRADICTION
        : FindingKind.CROSS_SOURCE_CONTRADICTION;
    return check(kind, code, evidenceCode, pairs).stream().map(f -> f.toRow(detectedAt)).iterator();
  }

  /**
   * One month of a region: the reported value and the evidence.
   *
   * @param regionCode region
   * @param deptCode reporting department
   * @param period month (or other period)
   * @param reported reported value
   * @param evidence independent value
   * @param resolution smallest meaningful difference of the evidence
   */
  public record Pair(String regionCode, String deptCode, Period period, double reported, double evidence,
      double resolution) implements Serializable {
    double difference() {
      return reported - evidence;
    }
  }

  /**
   * Findings of one indicator against its evidence.
   *
   * @param kind sensor_contradiction or cross_source_contradiction
   */
  public static List<Finding> check(FindingKind kind, String indicator, String evidenceIndicator, List<Pair> pairs) {
    if (pairs.isEmpty()) {
      return List.of();
    }
    double[] d = pairs.stream().mapToDouble(Pair::difference).toArray();
    double center = AuditStatistics.median(d);
    double[] dev = pairs.stream().mapToDouble(p -> Math.abs(p.difference() - center)).sorted().toArray();
    // with few pairs a falsified month would be its own yardstick; the resolution alone then sets σ
    double spread = dev.length < MIN_PAIRS_FOR_SPREAD ? 0.0 : dev[(int) Math.ceil(0.9 * (dev.length - 1))] / 1.645;
    Map<String, List<Pair>> byRegion = new TreeMap<>();
    for (Pair p : pairs) {
      byRegion.computeIfAbsent(p.regionCode(), r -> new ArrayList<>()).add(p);
    }
    List<Finding> out = new ArrayList<>();
    for (List<Pair> region : byRegion.values()) {
      region.sort(Comparator.comparing(Pair::period));
      List<Pair> run = new ArrayList<>();
      List<Double> zs = new ArrayList<>();
      for (Pair p : region) {
        double z = (p.difference() - center) / Math.max(spread, p.resolution());
        if (Math.abs(z) < MONTH_Z) {
          continue;
        }
        // a run allows one agreeing (or missing) month between two contradicting ones, in the same direction
        boolean continues = !run.isEmpty() && p.period().minus(run.get(run.size() - 1).period()) <= 2
            && Math.signum(z) == Math.signum(zs.get(0));
        if (!continues) {
          emit(kind, indicator, evidenceIndicator, run, zs, center, spread, out);
          run.clear();
          zs.clear();
        }
        run.add(p);
        zs.add(z);
      }
      emit(kind, indicator, evidenceIndicator, run, zs, center, spread, out);
      persistent(kind, indicator, evidenceIndicator, region, center, spread, out);
    }
    return out;
  }

  /**
   * A bias that no single month shows beyond doubt but that persists: {@value #PERSISTENT_MONTHS} or more
   * consecutive months, each off by about the evidence's resolution or more (three quarters of it: reports are
   * rounded) in the same direction, averaging at least
   * {@value #PERSISTENT_Z} σ. (A share of good days reported at its cap of 100 % month after month, while the
   * stations count a few bad days each month.) Months already in a finding are not reported twice.
   */
  private static void persistent(FindingKind kind, String indicator, String evidenceIndicator, List<Pair> region,
      double center, double spread, List<Finding> out) {
    List<Pair> run = new ArrayList<>();
    for (int i = 0; i <= region.size(); i++) {
      Pair p = i < region.size() ? region.get(i) : null;
      double offset = p == null ? 0 : p.difference() - center;
      boolean continues = p != null && Math.abs(offset) >= ROUNDED * p.resolution() && (run.isEmpty()
          || (p.period().minus(run.get(run.size() - 1).period()) == 1
              && Math.signum(offset) == Math.signum(run.get(0).difference() - center)));
      if (continues) {
        run.add(p);
        continue;
      }
      if (run.size() >= PERSISTENT_MONTHS) {
        List<Double> zs = run.stream().map(x -> (x.difference() - center) / Math.max(spread, x.resolution()))
            .toList();
        double meanZ = zs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Period from = run.get(0).period();
        Period to = run.get(run.size() - 1).period();
        boolean reported = out.stream().anyMatch(f -> run.get(0).regionCode().equals(f.regionCode())
            && indicator.equals(f.indicatorCode()) && Period.parseCanonical(f.periodFrom()).compareTo(to) <= 0
            && from.compareTo(Period.parseCanonical(f.periodTo())) <= 0);
        if (Math.abs(meanZ) >= PERSISTENT_Z && !reported) {
          emit(kind, indicator, evidenceIndicator, new ArrayList<>(run), zs, center, spread, out, true);
        }
      }
      run.clear();
      if (p != null && Math.abs(offset) >= ROUNDED * p.resolution()) {
        run.add(p);
      }
    }
  }

  private static void emit(FindingKind kind, String indicator, String evidenceIndicator, List<Pair> run,
      List<Double> zs, double center, double spread, List<Finding> out) {
    emit(kind, indicator, evidenceIndicator, run, zs, center, spread, out, false);
  }

  private static void emit(FindingKind kind, String indicator, String evidenceIndicator, List<Pair> run,
      List<Double> zs, double center, double spread, List<Finding> out, boolean persistent) {
    if (run.isEmpty()) {
      return;
    }
    double meanZ = zs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    if (!persistent && run.size() < 2 && Math.abs(meanZ) < SINGLE_Z) {
      return;
    }
    Pair first = run.get(0);
    Pair last = run.get(run.size() - 1);
    int months = last.period().minus(first.period()) + 1;
    double meanDiff = run.stream().mapToDouble(Pair::difference).average().orElse(0);
    double minDiff = run.stream().mapToDouble(Pair::difference).min().orElse(0);
    double maxDiff = run.stream().mapToDouble(Pair::difference).max().orElse(0);
    Severity severity = persistent ? Severity.MEDIUM
        : months >= 3 || Math.abs(meanZ) >= SINGLE_Z ? Severity.HIGH : Severity.MEDIUM;
    String evidence = String.format(Locale.ROOT, "%s reported %s for %s %s than %s in %d of %d periods from %s to %s "
            + "(differences %+.3g to %+.3g, mean %+.3g; honest disagreement of the pair: median %+.3g, σ %.3g)%s",
        first.deptCode(), indicator, first.regionCode(), meanDiff > 0 ? "higher" : "lower", evidenceIndicator,
        run.size(), months, first.period(), last.period(), minDiff, maxDiff, meanDiff, center,
        Math.max(spread, first.resolution()), persistent ? "; every month off in the same direction" : "");
    out.add(new Finding(kind, severity, first.deptCode(), first.regionCode(), indicator, first.period().toString(),
        last.period().toString(), meanZ, evidence));
  }
}
