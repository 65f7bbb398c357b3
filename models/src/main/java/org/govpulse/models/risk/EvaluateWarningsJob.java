package org.govpulse.models.risk;

import static org.apache.spark.sql.functions.col;
import static org.govpulse.core.table.Col.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.time.Period;
import org.govpulse.models.forecast.EngineSettings;
import org.govpulse.models.forecast.ForecastEngine;
import org.govpulse.models.pipeline.PanelForecast;
import org.govpulse.models.pipeline.PanelHistory;
import org.govpulse.models.pipeline.SeriesHistory;
import org.govpulse.models.warn.Conditions;
import org.govpulse.models.warn.Level;

/**
 * Scores the target-risk warnings of a warehouse built from the sample city against its ground truth
 * (ground_truth/planted.csv): when each planted deterioration was first warned about in the current year, and the
 * false alarms and caught misses of the last completed year replayed at the end of June and September.
 */
public final class EvaluateWarningsJob {
  private final Warehouse warehouse;
  private final Path groundTruth;
  private final Level minimum;
  private final double rho;

  public EvaluateWarningsJob(Warehouse warehouse, Path groundTruth, Level minimum, double rho) {
    this.warehouse = warehouse;
    this.groundTruth = groundTruth;
    this.minimum = minimum;
    this.rho = rho;
  }

  /** The report, and its parts for tests. */
  public record Result(List<WarningEvaluation.Detection> detections, List<WarningEvaluation.YearScore> scores,
      String report) {}

  public Result execute() {
    warehouse.spark().sparkContext().setJobDescription("govpulse models evaluate-warnings");
    Catalogue catalogue = Catalogue.read(warehouse);
    Map<String, SeriesHistory> histories = PanelHistory.load(warehouse.read(GoldTables.INDICATOR_PANEL), catalogue);
    Period latest = histories.values().stream().map(h -> h.last().orElseThrow()).max(Period::compareTo).orElseThrow();
    Map<String, Double> targets = new HashMap<>();
    for (Row r : warehouse.read(GoldTables.TARGETS).filter(col(HORIZON).equalTo("annual")).collectAsList()) {
      targets.put(RiskBacktest.key(r.getAs(REGION_CODE), r.getAs(INDICATOR_CODE), Integer.parseInt(r.getAs(PERIOD))),
          r.getAs(TARGET_VALUE));
    }
    Map<String, Conditions.Names> regions = new HashMap<>();
    for (Row r : warehouse.read(IngestTables.REGIONS).collectAsList()) {
      regions.put(r.getAs(REGION_CODE), new Conditions.Names(r.getAs(NAME_ZH), r.getAs(NAME_EN)));
    }
    WarningEvaluation evaluation = new WarningEvaluation(
        new PanelForecast(new ForecastEngine(EngineSettings.statisticalOnly())), catalogue,
        new Conditions(catalogue, regions), rho, minimum);
    int year = latest.year();
    List<WarningEvaluation.Detection> detections = evaluation.detect(histories, targets, year, latest.index(),
        troubles(year));
    List<WarningEvaluation.YearScore> scores = evaluation.score(histories, targets, year - 1, List.of(6, 9));
    return new Result(detections, scores, WarningEvaluation.report(detections, scores, minimum));
  }

  /** Planted target misses of the year (their series and onset). */
  private List<WarningEvaluation.Trouble> troubles(int year) {
    Path planted = groundTruth.resolve("planted.csv");
    if (!Files.exists(planted)) {
      throw Errors.invalidInput("No ground truth at " + planted, "the evaluation compares warnings with it",
          "Pass the ground_truth folder written by `./govpulse generate` with --ground-truth");
    }
    List<WarningEvaluation.Trouble> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(planted, StandardCharsets.UTF_8)) {
        String[] f = line.split(",", -1);
        if (f.length > 7 && f[1].equals("target_miss") && f[6].startsWith(Integer.toString(year))) {
          out.add(new WarningEvaluation.Trouble(f[2], f[3], Period.parseCanonical(f[6])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
