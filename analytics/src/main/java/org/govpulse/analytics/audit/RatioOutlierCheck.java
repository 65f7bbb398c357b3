package org.govpulse.analytics.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.govpulse.core.table.Col.*;

import java.io.Serializable;
import java.time.Instant;
import java.util.Iterator;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.govpulse.analytics.catalogue.Aggregation;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.analytics.catalogue.Indicator;
import org.govpulse.analytics.sensors.Severity;
import org.govpulse.core.spark.Columns;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.time.Frequency;

/**
 * Amounts out of proportion to the economy they come from: a region's annual amount (retail sales, fiscal revenue)
 * as a share of its GDP, against the other regions' shares. A level inflated from the first report onwards leaves no
 * trace in its own history, which is why it has to be compared with a related indicator. For every complete year
 * with at least {@value #MIN_REGIONS} regions, each region's log share is scored against that year's median and
 * robust standard deviation (per year, since shares drift apart as regions grow at different rates). A finding needs
 * a share outlying by {@value #MIN_Z} or more, in the same direction, in each of the region's first
 * {@value #MIN_YEARS} complete years: an inflated level is out of line from the start, while honest differences in
 * growth make shares drift apart only later. Regions do differ structurally (a commercial hub sells more per yuan of
 * GDP); such a region looks exactly like an inflated one, so these findings are low or medium severity.
 */
public final class RatioOutlierCheck {
  /** Fewest regions with a complete year to compare it. */
  public static final int MIN_REGIONS = 6;
  /** Robust z of an outlying year. */
  public static final double MIN_Z = 3.5;
  /** First complete years that must all be outlying. */
  public static final int MIN_YEARS = 2;

  /** The reference indicator: amounts are compared with the region's GDP when the catalogue has it. */
  public static final String REFERENCE = "GDP";

  private RatioOutlierCheck() {}

  /**
   * Findings of every reported amount that adds up and shares the reference's unit.
   *
   * @param reports silver.reports
   */
  public static Dataset<Row> findings(Dataset<Row> reports, Catalogue catalogue, Instant detectedAt) {
    Indicator reference = catalogue.find(REFERENCE).filter(r -> r.aggregation() == Aggregation.SUM).orElse(null);
    List<String> amounts = reference == null ? List.of() : catalogue.all().stream()
        .filter(i -> i.aggregation() == Aggregation.SUM && i.unit().equals(reference.unit())
            && !i.code().equals(reference.code()) && "report".equals(i.source()))
        .map(Indicator::code).sorted().toList();
    if (amounts.isEmpty()) {
      return reports.sparkSession().createDataFrame(List.of(), GoldTables.QUALITY_FINDINGS.schema());
    }
    Column expected = when(col(FREQUENCY).equalTo(Frequency.MONTHLY.code()), lit(12))
        .when(col(FREQUENCY).equalTo(Frequency.QUARTERLY.code()), lit(4)).otherwise(lit(1));
    Dataset<Row> complete = reports.withColumn(YEAR, substring(col(PERIOD), 1, 4).cast("int"))
        .groupBy(col(INDICATOR_CODE), col(REGION_CODE), col(DEPT_CODE), col(FREQUENCY), col(YEAR))
        .agg(sum(col(VALUE)).as("_amount"), count(lit(1)).as("_n"))
        .filter(col("_n").equalTo(expected));
    Dataset<Row> gdp = complete.filter(col(INDICATOR_CODE).equalTo(reference.code()))
        .select(col(REGION_CODE), col(YEAR), col("_amount").as("_reference"));
    return complete.filter(col(INDICATOR_CODE).isin(amounts.toArray()))
        .join(gdp, Columns.seq(REGION_CODE, YEAR))
        .groupByKey((MapFunction<Row, String>) r -> r.getAs(INDICATOR_CODE), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (code, rows) -> check(code, reference.code(), rows,
            detectedAt), Encoders.row(GoldTables.QUALITY_FINDINGS.schema()));
  }

  private static Iterator<Row> check(String code, String reference, Iterator<Row> rows, Instant detectedAt) {
    List<Annual> annual = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      annual.add(new Annual(r.getAs(REGION_CODE), r.getAs(DEPT_CODE), r.<Integer>getAs(YEAR),
          r.<Double>getAs("_amount"), r.<Double>getAs("_reference")));
    }
    return check(code, reference, annual).stream().map(f -> f.toRow(detectedAt)).iterator();
  }

  /**
   * One complete year of a region.
   *
   * @param regionCode region
   * @param deptCode department reporting the amount
   * @param year year
   * @param amount annual amount (sum of the year's periods)
   * @param reference annual value of the reference indicator (GDP) in the same unit
   */
  public record Annual(String regionCode, String deptCode, int year, double amount, double reference)
      implements Serializable {}

  /** Findings of one indicator against the reference. */
  public static List<Finding> check(String indicator, String referenceIndicator, List<Annual> rows) {
    Map<Integer, List<Annual>> byYear = new TreeMap<>();
    for (Annual a : rows) {
      if (a.amount() > 0 && a.reference() > 0) {
        byYear.computeIfAbsent(a.year(), y -> new ArrayList<>()).add(a);
      }
    }
    // per region and year: z, share, median share
    Map<String, Map<Integer, double[]>> scored = new TreeMap<>();
    Map<String, String> depts = new HashMap<>();
    byYear.forEach((year, list) -> {
      if (list.size() < MIN_REGIONS) {
        return;
      }
      double[] logs = list.stream().mapToDouble(a -> Math.log(a.amount() / a.reference())).toArray();
      double center = AuditStatistics.median(logs);
      double scale = AuditStatistics.robustSd(logs);
      if (!(scale > 0)) {
        return;
      }
      for (int i = 0; i < logs.length; i++) {
        Annual a = list.get(i);
        scored.computeIfAbsent(a.regionCode(), r -> new TreeMap<>()).put(year,
            new double[] {(logs[i] - center) / scale, a.amount() / a.reference(), Math.exp(center)});
        depts.put(a.regionCode(), a.deptCode());
      }
    });
    List<Finding> out = new ArrayList<>();
    scored.forEach((region, years) -> {
      List<Integer> tested = new ArrayList<>(years.keySet());
      if (tested.size() < MIN_YEARS) {
        return;
      }
      double firstZ = years.get(tested.get(0))[0];
      boolean fromTheStart = tested.subList(0, MIN_YEARS).stream().allMatch(y -> Math.abs(years.get(y)[0]) >= MIN_Z
          && Math.signum(years.get(y)[0]) == Math.signum(firstZ));
      if (!fromTheStart) {
        return;
      }
      List<Integer> outlying = tested.stream().filter(y -> Math.abs(years.get(y)[0]) >= MIN_Z
          && Math.signum(years.get(y)[0]) == Math.signum(firstZ)).toList();
      double medianZ = AuditStatistics.median(outlying.stream().mapToDouble(y -> years.get(y)[0]).toArray());
      List<String> detail = new ArrayList<>();
      for (int y : tested) {
        double[] r = years.get(y);
        detail.add(String.format(Locale.ROOT, "%d: %.3g against a median of %.3g (z %.1f)", y, r[1], r[2], r[0]));
      }
      String evidence = String.format(Locale.ROOT, "%s in %s is %s relative to %s than in the other regions from its "
              + "first complete year, outlying in %d of %d complete years (share of %s, then the median region's): "
              + "%s. A region can differ structurally; an inflated level looks the same", indicator, region,
          firstZ > 0 ? "higher" : "lower", referenceIndicator, outlying.size(), tested.size(), referenceIndicator,
          String.join("; ", detail));
      out.add(new Finding(FindingKind.RATIO_OUTLIER, Math.abs(medianZ) >= 5 ? Severity.MEDIUM : Severity.LOW,
          depts.get(region), region, indicator, Integer.toString(outlying.get(0)),
          Integer.toString(outlying.get(outlying.size() - 1)), medianZ, evidence));
    });
    return out;
  }
}
