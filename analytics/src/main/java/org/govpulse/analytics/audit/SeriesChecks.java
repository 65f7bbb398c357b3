package org.govpulse.analytics.audit;

import static org.apache.spark.sql.functions.col;
import static org.govpulse.core.table.Col.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.govpulse.analytics.catalogue.Aggregation;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.analytics.catalogue.Indicator;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.time.Period;

/**
 * The tests that read whole series and compare them with the same indicator elsewhere: last digits and Benford
 * ({@link DigitChecks}), smoothness ({@link SmoothSeriesCheck}) and year-end spikes ({@link PeriodEndSpikeCheck}). The
 * reports are grouped by indicator (a few dozen groups of at most a few hundred thousand values) and each group is
 * tested in plain Java. Pure transform.
 */
public final class SeriesChecks {
  private SeriesChecks() {}

  /**
   * @param reports silver.reports
   * @param catalogue the indicator catalogue
   */
  public static Dataset<Row> findings(Dataset<Row> reports, Catalogue catalogue, Instant detectedAt) {
    return reports.select(col(INDICATOR_CODE), col(REGION_CODE), col(DEPT_CODE), col(PERIOD), col(VALUE),
            col(REPORTED_VALUE))
        .groupByKey((MapFunction<Row, String>) r -> r.getAs(INDICATOR_CODE), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (code, rows) -> test(code, rows, catalogue,
            detectedAt), Encoders.row(GoldTables.QUALITY_FINDINGS.schema()));
  }

  private static Iterator<Row> test(String code, Iterator<Row> rows, Catalogue catalogue, Instant detectedAt) {
    Indicator indicator = catalogue.find(code).orElse(null);
    if (indicator == null) {
      return List.<Row>of().iterator();
    }
    Map<String, List<Series.Point>> points = new LinkedHashMap<>();
    Map<String, String> depts = new LinkedHashMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      String region = r.getAs(REGION_CODE);
      points.computeIfAbsent(region, k -> new ArrayList<>()).add(new Series.Point(
          Period.parseCanonical(r.getAs(PERIOD)), r.<Double>getAs(VALUE), r.getAs(REPORTED_VALUE)));
      depts.put(region, r.getAs(DEPT_CODE));
    }
    List<Series> series = new ArrayList<>();
    points.keySet().stream().sorted().forEach(region -> series.add(new Series(region, depts.get(region),
        points.get(region))));
    return test(indicator, series).stream().map(f -> f.toRow(detectedAt)).iterator();
  }

  /** Every series test on the series of one indicator. */
  public static List<Finding> test(Indicator indicator, List<Series> series) {
    boolean additive = indicator.aggregation() == Aggregation.SUM;
    List<Finding> out = new ArrayList<>();
    for (Series s : series) {
      DigitChecks.lastDigit(indicator.code(), s).ifPresent(out::add);
    }
    DigitChecks.benford(indicator.code(), indicator.deptCode(), additive, series).ifPresent(out::add);
    out.addAll(SmoothSeriesCheck.check(indicator.code(), indicator.frequency(), additive, series));
    out.addAll(PeriodEndSpikeCheck.check(indicator.code(), indicator.frequency(), additive,
        indicator.polaritySign(), series));
    return out;
  }
}
