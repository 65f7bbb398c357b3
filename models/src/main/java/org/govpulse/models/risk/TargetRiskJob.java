package org.govpulse.models.risk;

import static org.apache.spark.sql.functions.col;
import static org.govpulse.core.table.Col.*;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.analytics.catalogue.Indicator;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.ForecastTables;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.time.Frequency;
import org.govpulse.core.time.Period;
import org.govpulse.models.pipeline.PanelHistory;
import org.govpulse.models.pipeline.SeriesHistory;

/**
 * Writes gold.target_risk: for every annual target, the probability that it is missed, from the actuals of the year
 * and the forecast distribution of its remaining periods, refined by the target-risk classifier when one is given.
 */
public final class TargetRiskJob {
  /** Correlation of successive forecast errors used for the annual distribution (see docs/models.md). */
  public static final double DEFAULT_RHO = 0.75;

  /** Which probability becomes probability_miss. */
  public enum Mode {
    /** The forecast distribution's (the classifier's, when given, is kept beside it). */
    DISTRIBUTION,
    /** The classifier's. */
    CLASSIFIER,
    /** The mean of both. */
    BLEND;

    /** The mode of a method name chosen by {@link RiskTraining.Outcome#chosen()}. */
    public static Mode ofChosen(String chosen) {
      return switch (chosen) {
        case RiskTraining.CLASSIFIER -> CLASSIFIER;
        case RiskTraining.BLEND -> BLEND;
        default -> DISTRIBUTION;
      };
    }
  }

  private final Warehouse warehouse;
  private final RiskClassifier classifier;
  private final Mode mode;
  private final double rho;

  /**
   * @param classifier the production target-risk classifier, or null to use the forecast distribution alone
   * @param blend true to average the classifier with the distribution, false to use the classifier alone
   * @param rho correlation of successive forecast errors
   */
  public TargetRiskJob(Warehouse warehouse, RiskClassifier classifier, boolean blend, double rho) {
    this(warehouse, classifier, classifier == null ? Mode.DISTRIBUTION : blend ? Mode.BLEND : Mode.CLASSIFIER, rho);
  }

  /**
   * @param classifier the production target-risk classifier (its version is recorded with every row), or null
   * @param mode which probability is used
   * @param rho correlation of successive forecast errors
   */
  public TargetRiskJob(Warehouse warehouse, RiskClassifier classifier, Mode mode, double rho) {
    this.warehouse = warehouse;
    this.classifier = classifier;
    this.mode = classifier == null ? Mode.DISTRIBUTION : mode;
    this.rho = rho;
  }

  /** Targets assessed and skipped (no data for the year), and seconds. */
  public record Result(int assessed, int skipped, double seconds) {}

  public Result execute() {
    Instant start = Instant.now();
    warehouse.spark().sparkContext().setJobDescription("govpulse models forecast: target risk");
    Catalogue catalogue = Catalogue.read(warehouse);
    Map<String, SeriesHistory> histories = PanelHistory.load(warehouse.read(GoldTables.INDICATOR_PANEL), catalogue);
    Map<String, Map<Period, YearOutlook.StepForecast>> forecasts = forecasts();
    List<String> versions = new ArrayList<>(modelVersions());
    if (classifier != null) {
      versions.add(classifier.version());
    }
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    int skipped = 0;
    for (Row t : warehouse.read(GoldTables.TARGETS).filter(col(HORIZON).equalTo("annual")).collectAsList()) {
      Optional<Indicator> indicator = catalogue.find(t.getAs(INDICATOR_CODE));
      if (indicator.isEmpty()) {
        skipped++;
        continue;
      }
      Frequency f = indicator.get().frequency();
      String id = SeriesHistory.id(t.getAs(REGION_CODE), indicator.get().code(), f);
      SeriesHistory history = histories.get(id);
      Optional<TargetOutlook> o = history == null ? Optional.empty()
          : TargetOutlook.assess(t.getAs(REGION_CODE), indicator.get(), Integer.parseInt(t.getAs(PERIOD)),
              t.<Double>getAs(TARGET_VALUE), history, forecasts.getOrDefault(id, Map.of()), rho);
      if (o.isEmpty()) {
        skipped++;
        continue;
      }
      TargetOutlook x = o.get();
      Double byClassifier = classifier == null || x.outlook().remaining().isEmpty() ? null
          : classifier.probabilityMiss(x.features());
      double probability = byClassifier == null || mode == Mode.DISTRIBUTION ? x.probability()
          : mode == Mode.BLEND ? (x.probability() + byClassifier) / 2 : byClassifier;
      double ytd = x.outlook().known().isEmpty() ? Double.NaN : NaiveRule.pace(x.outlook());
      rows.add(RowFactory.create(x.regionCode(), x.indicator().code(), Integer.toString(x.year()), x.target(),
          Double.isNaN(ytd) ? null : ytd, x.outlook().expected(), probability, x.probability(), byClassifier,
          x.naiveMiss(), x.drivers().stream().map(TargetOutlook.Driver::en).toList(),
          x.drivers().stream().map(TargetOutlook.Driver::zh).toList(), versions, now));
    }
    warehouse.overwrite(warehouse.spark().createDataFrame(rows, ForecastTables.TARGET_RISK.schema()),
        ForecastTables.TARGET_RISK);
    return new Result(rows.size(), skipped, Duration.between(start, Instant.now()).toMillis() / 1000.0);
  }

  /** Every forecaster version behind the forecasts (the engine, and each registered global model used). */
  private List<String> modelVersions() {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (Row r : warehouse.read(ForecastTables.FORECASTS).select(MODEL_VERSION).distinct().collectAsList()) {
      for (String part : r.getString(0).split(" \\+ ")) {
        out.add(part);
      }
    }
    return out.isEmpty() ? List.of("none") : List.copyOf(out);
  }

  private Map<String, Map<Period, YearOutlook.StepForecast>> forecasts() {
    Map<String, Map<Period, YearOutlook.StepForecast>> out = new HashMap<>();
    for (Row r : warehouse.read(ForecastTables.FORECASTS).select(col(REGION_CODE), col(INDICATOR_CODE),
        col(FREQUENCY), col(PERIOD), col(POINT), col(LOWER_80), col(UPPER_80)).collectAsList()) {
      String id = SeriesHistory.id(r.getString(0), r.getString(1), Frequency.parse(r.getString(2)).orElseThrow());
      out.computeIfAbsent(id, k -> new HashMap<>()).put(Period.parseCanonical(r.getString(3)),
          new YearOutlook.StepForecast(r.getDouble(4), r.getDouble(5), r.getDouble(6)));
    }
    return out;
  }
}
