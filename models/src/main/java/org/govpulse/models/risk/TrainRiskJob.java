package org.govpulse.models.risk;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.govpulse.core.table.Col.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.analytics.targets.TargetResolution;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.spark.Columns;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.time.Period;
import org.govpulse.models.forecast.EngineSettings;
import org.govpulse.models.forecast.ForecastEngine;
import org.govpulse.models.pipeline.PanelForecast;
import org.govpulse.models.pipeline.PanelHistory;
import org.govpulse.models.pipeline.SeriesHistory;

/**
 * Trains the target-risk classifier. Past years get the targets today's annual rules would have set for them
 * (absolute levels, improvements over the year before, tier percentiles), are replayed as they looked at the end of
 * March, June and September, and labelled with what actually happened. The replays use the statistical methods of
 * the forecasting engine (without its global model) so that a training run stays within minutes.
 */
public final class TrainRiskJob {
  /** Months after which past years are assessed. */
  public static final List<Integer> CUT_MONTHS = List.of(3, 6, 9);

  private final Warehouse warehouse;
  private final long seed;

  public TrainRiskJob(Warehouse warehouse, long seed) {
    this.warehouse = warehouse;
    this.seed = seed;
  }

  /** The evaluation and trained classifier, the examples behind them and the panel version used. */
  public record Result(RiskTraining.Outcome outcome, int examples, long panelVersion, double seconds) {}

  public Result execute() {
    Instant start = Instant.now();
    warehouse.spark().sparkContext().setJobDescription("govpulse models train: target-risk replays");
    long panelVersion = warehouse.version(GoldTables.INDICATOR_PANEL).orElseThrow(() ->
        org.govpulse.core.error.Errors.tableMissing(GoldTables.INDICATOR_PANEL.qualifiedName(),
            warehouse.path(GoldTables.INDICATOR_PANEL), "analyze"));
    Catalogue catalogue = Catalogue.read(warehouse);
    Dataset<Row> panel = warehouse.read(GoldTables.INDICATOR_PANEL);
    Map<String, SeriesHistory> histories = PanelHistory.load(panel, catalogue);
    List<Integer> years = replayYears(histories);
    Map<String, Double> targets = retrospectiveTargets(panel, years);
    ForecastEngine engine = new ForecastEngine(EngineSettings.statisticalOnly());
    List<RiskBacktest.Example> examples = new RiskBacktest(new PanelForecast(engine), catalogue,
        TargetRiskJob.DEFAULT_RHO).replay(histories, targets, years, CUT_MONTHS);
    RiskTraining.Outcome outcome = new RiskTraining(seed).train(examples);
    return new Result(outcome, examples.size(), panelVersion,
        Duration.between(start, Instant.now()).toMillis() / 1000.0);
  }

  /** Every complete year that has a year before it in the panel. */
  static List<Integer> replayYears(Map<String, SeriesHistory> histories) {
    Period latest = histories.values().stream().map(h -> h.last().orElseThrow()).max(Period::compareTo).orElseThrow();
    int first = histories.values().stream().mapToInt(h -> h.points().get(0).period().year()).min().orElseThrow();
    int lastComplete = latest.end().getMonthValue() == 12 ? latest.year() : latest.year() - 1;
    List<Integer> years = new ArrayList<>();
    for (int y = first + 1; y <= lastComplete; y++) {
      years.add(y);
    }
    return years;
  }

  /** The targets the latest annual rules would have set for each year, by region|indicator|year. */
  private Map<String, Double> retrospectiveTargets(Dataset<Row> panel, List<Integer> years) {
    Dataset<Row> rules = warehouse.read(IngestTables.TARGET_RULES).filter(col(HORIZON).equalTo("annual"));
    Dataset<Row> latest = rules.groupBy(col(TIER), col(INDICATOR_CODE)).agg(max(col(PERIOD)).as("_latest"));
    Dataset<Row> current = rules.join(latest, Columns.seq(TIER, INDICATOR_CODE))
        .filter(col(PERIOD).equalTo(col("_latest"))).drop("_latest");
    Dataset<Row> perYear = null;
    for (int y : years) {
      Dataset<Row> r = current.withColumn(PERIOD, lit(Integer.toString(y)));
      perYear = perYear == null ? r : perYear.unionByName(r);
    }
    Map<String, Double> out = new HashMap<>();
    if (perYear == null) {
      return out;
    }
    Dataset<Row> resolved = TargetResolution.resolve(perYear, warehouse.readOrEmpty(IngestTables.TARGET_OVERRIDES)
            .limit(0), warehouse.read(GoldTables.REGION_TIERS),
        panel.filter(col(FREQUENCY).equalTo("annual")), warehouse.read(IngestTables.INDICATORS));
    for (Row r : resolved.select(col(REGION_CODE), col(INDICATOR_CODE), col(PERIOD), col(TARGET_VALUE))
        .collectAsList()) {
      out.put(RiskBacktest.key(r.getString(0), r.getString(1), Integer.parseInt(r.getString(2))), r.getDouble(3));
    }
    return out;
  }
}
