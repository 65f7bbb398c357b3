package org.govpulse.models.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.GoldTables;
import org.govpulse.models.forecast.EngineSettings;
import org.govpulse.models.forecast.ForecastEngine;
import org.govpulse.models.forecast.SeriesClass;
import org.govpulse.models.forecast.TimeSeries;
import org.govpulse.models.forecast.global.ClassModels;
import org.govpulse.models.forecast.global.GlobalModel;
import org.govpulse.models.forecast.method.Methods;
import org.govpulse.models.forecast.metric.ErrorMeasures;
import org.govpulse.models.registry.ModelRegistry;
import org.govpulse.models.registry.Registration;
import org.tribuo.Model;

/**
 * Trains the global forecasters of the panel's frequency classes (the model on the full histories and the models
 * on histories cut 1, 2, ... horizons early that the backtests use) and registers each class as
 * {@code global_forecaster_m<period>_h<horizon>}, with the cut models as companions. The held-out metric is the
 * sMAPE of the cut-1 model (trained on data before the last horizon) over each series' last horizon, next to
 * THETA's from the same origin.
 */
public final class TrainForecastersJob {
  private final Warehouse warehouse;
  private final EngineSettings settings;

  public TrainForecastersJob(Warehouse warehouse, EngineSettings settings) {
    this.warehouse = warehouse;
    this.settings = settings;
  }

  /** One class: its series, the held-out sMAPE of the global model and of THETA, and the registered version. */
  public record Trained(SeriesClass cls, int series, int heldOut, double smapeGlobal, double smapeTheta,
      ModelRegistry.Registered registered) {}

  /** Every class trained, the panel version, and seconds. */
  public record Result(List<Trained> classes, long panelVersion, double seconds) {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "global forecasters (panel version %d, %.1f s):%n", panelVersion, seconds));
      for (Trained t : classes) {
        sb.append(String.format(Locale.ROOT, "  %-28s %5d series, held-out last horizon of %d: sMAPE %.2f "
                + "(THETA %.2f)  %s %s%n", t.registered().model().id(), t.series(), t.heldOut(), t.smapeGlobal(),
            t.smapeTheta(), t.registered().created() ? "registered" : "already registered",
            t.registered().model().stage()));
      }
      if (classes.isEmpty()) {
        sb.append("  no frequency class has enough long series for a global model\n");
      }
      return sb.toString().stripTrailing();
    }
  }

  public Result execute() {
    Instant start = Instant.now();
    warehouse.spark().sparkContext().setJobDescription("govpulse models train: global forecasters");
    long panelVersion = warehouse.version(GoldTables.INDICATOR_PANEL).orElseThrow(() ->
        org.govpulse.core.error.Errors.tableMissing(GoldTables.INDICATOR_PANEL.qualifiedName(),
            warehouse.path(GoldTables.INDICATOR_PANEL), "analyze"));
    Map<String, SeriesHistory> histories = PanelHistory.load(warehouse.spark().read().format("delta")
        .option("versionAsOf", panelVersion).load(warehouse.path(GoldTables.INDICATOR_PANEL)),
        Catalogue.read(warehouse));
    ForecastEngine engine = new ForecastEngine(settings);
    PanelForecast.Selection selection = PanelForecast.select(histories, settings.minimumLength());
    if (selection.segments().isEmpty()) {
      return new Result(List.of(), panelVersion, seconds(start));
    }
    Map<SeriesClass, Map<String, TimeSeries>> classes = engine.classes(selection.series(), PanelForecast.HORIZONS);
    ModelRegistry registry = new ModelRegistry(warehouse);
    List<Trained> out = new ArrayList<>();
    engine.trainGlobal(classes).forEach((cls, models) -> {
      List<TimeSeries> members = new ArrayList<>(classes.get(cls).values());
      double[] holdout = holdout(models, members, cls.horizon());
      Map<String, Model<?>> companions = new LinkedHashMap<>();
      for (int k = 1; k <= models.cuts().size(); k++) {
        GlobalModel cut = models.cuts().get(k - 1);
        if (cut == null) {
          break; // the source reads cuts up to the first gap
        }
        companions.put(ClassModels.cutKey(k), cut.tribuoModel());
      }
      Map<String, Double> metrics = new LinkedHashMap<>();
      metrics.put("holdout_smape", holdout[0]);
      metrics.put("holdout_smape_theta", holdout[1]);
      metrics.put("holdout_series", holdout[2]);
      metrics.put("series", (double) members.size());
      ModelRegistry.Registered registered = registry.register(new Registration(ClassModels.registryName(cls),
          RegisteredForecasters.KIND, models.finalModel().tribuoModel(), companions, metrics,
          evaluation(cls, members.size(), holdout, models), Map.of(GoldTables.INDICATOR_PANEL.qualifiedName(),
              panelVersion), "trained on " + members.size() + " panel series of class " + cls, false));
      out.add(new Trained(cls, members.size(), (int) holdout[2], holdout[0], holdout[1], registered));
    });
    return new Result(out, panelVersion, seconds(start));
  }

  /** sMAPE of the cut-1 model and of THETA on each series' last horizon, and how many series were scored. */
  private static double[] holdout(ClassModels models, List<TimeSeries> series, int h) {
    GlobalModel cut = models.cuts().isEmpty() ? null : models.cuts().get(0);
    double global = 0;
    double theta = 0;
    int n = 0;
    for (TimeSeries s : series) {
      if (cut == null || s.length() <= h) {
        continue;
      }
      TimeSeries head = s.head(s.length() - h);
      if (!cut.supports(head) || !Methods.byName(Methods.THETA).supports(head)) {
        continue;
      }
      double[] actual = java.util.Arrays.copyOfRange(s.values(), s.length() - h, s.length());
      global += ErrorMeasures.smape(actual, cut.fit(head).predict(h));
      theta += ErrorMeasures.smape(actual, Methods.byName(Methods.THETA).fit(head).predict(h));
      n++;
    }
    return n == 0 ? new double[] {Double.NaN, Double.NaN, 0} : new double[] {global / n, theta / n, n};
  }

  private static String evaluation(SeriesClass cls, int series, double[] holdout, ClassModels models) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode o = json.createObjectNode();
    o.put("class", cls.toString()).put("series", series).put("cut_models", models.cuts().size());
    o.putObject("holdout").put("what", "sMAPE over the last horizon of each series, forecast by the model trained "
            + "on histories cut one horizon early, and by THETA from the same origin")
        .put("series", (int) holdout[2]).put("smape_global", holdout[0]).put("smape_theta", holdout[1]);
    o.put("version", models.version());
    return o.toPrettyString();
  }

  private static double seconds(Instant start) {
    return Duration.between(start, Instant.now()).toMillis() / 1000.0;
  }
}
