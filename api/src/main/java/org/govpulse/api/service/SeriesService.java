package org.govpulse.api.service;

import static org.govpulse.core.table.Col.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.govpulse.api.delta.Record;
import org.govpulse.api.snapshot.Derived;
import org.govpulse.api.snapshot.SnapshotStore;
import org.govpulse.api.snapshot.WarehouseSnapshot;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.ForecastTables;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.time.Frequency;
import org.govpulse.core.time.Period;
import org.govpulse.models.forecast.Accuracy;
import org.govpulse.models.forecast.EngineResult;
import org.govpulse.models.forecast.EngineSettings;
import org.govpulse.models.forecast.Forecast;
import org.govpulse.models.forecast.ForecastEngine;
import org.govpulse.models.forecast.ForecastStep;
import org.govpulse.models.forecast.Horizons;
import org.govpulse.models.forecast.TimeSeries;
import org.govpulse.models.pipeline.SeriesHistory;

/**
 * A series' actual values (gold.indicator_panel), its stored forecast (gold.forecasts with gold.backtests), and
 * forecasts on demand for a requested horizon: the forecasting engine's statistical candidates, rule choice and
 * conformal intervals on the series as served, plus the point forecasts of the production global forecasters from
 * the registry that were trained for the series' frequency and at least that horizon. On-demand results are cached
 * per panel and registry version.
 */
public final class SeriesService {
  /** The longest horizon asked for on demand, per frequency: three years. */
  public static final Map<Frequency, Integer> MAX_HORIZON = Map.of(Frequency.MONTHLY, 36, Frequency.QUARTERLY, 12,
      Frequency.ANNUAL, 3);
  private static final int CACHE_SIZE = 512;

  /** Panel rows by series (region|indicator), then frequency, in period order. */
  public static final Derived<Map<String, Map<String, List<Record>>>> PANEL = Derived.of("panel series",
      s -> group(s.rows(GoldTables.INDICATOR_PANEL), Comparator.comparing(r -> r.date(PERIOD_START))),
      GoldTables.INDICATOR_PANEL);
  /** Stored forecast rows by series, then frequency, in step order. */
  public static final Derived<Map<String, Map<String, List<Record>>>> FORECASTS = Derived.of("stored forecasts",
      s -> group(s.rows(ForecastTables.FORECASTS), Comparator.comparing(r -> r.integer(HORIZON_STEP))),
      ForecastTables.FORECASTS);
  /** Backtests by region|indicator|frequency. */
  public static final Derived<Map<String, Record>> BACKTESTS = Derived.of("backtests", s -> {
    Map<String, Record> m = new HashMap<>();
    s.rows(ForecastTables.BACKTESTS).forEach(r ->
        m.put(key(r.str(REGION_CODE), r.str(INDICATOR_CODE)) + "|" + r.str(FREQUENCY), r));
    return Collections.unmodifiableMap(m);
  }, ForecastTables.BACKTESTS);

  private final SnapshotStore store;
  private final ForecastEngine engine;
  private final Map<String, Map<String, Object>> cache = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
          return size() > CACHE_SIZE;
        }
      });

  public SeriesService(SnapshotStore store) {
    this(store, new ForecastEngine(EngineSettings.statisticalOnly().withThreads(1)));
  }

  public SeriesService(SnapshotStore store, ForecastEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  /** The actual values of a series at a frequency (default: the indicator's own). */
  public Map<String, Object> actuals(String region, String indicator, String frequency) {
    WarehouseSnapshot s = store.current();
    Frequency f = frequency(s, region, indicator, frequency);
    List<Record> points = s.get(PANEL).getOrDefault(key(region, indicator), Map.of()).get(f.code());
    if (points == null) {
      throw Errors.notFound("Series " + region + "/" + indicator + " has no " + f.code() + " values",
          "gold.indicator_panel (version " + s.version(GoldTables.INDICATOR_PANEL) + ") holds none",
          "Ask for another frequency with ?frequency=, or check the codes with GET /api/v1/indicators");
    }
    return series(s, region, indicator, f, "points", points,
        "panel_version", s.version(GoldTables.INDICATOR_PANEL));
  }

  /** The stored forecast of a series with the backtest behind it. */
  public Map<String, Object> stored(String region, String indicator, String frequency) {
    WarehouseSnapshot s = store.current();
    Frequency f = frequency(s, region, indicator, frequency);
    List<Record> steps = s.get(FORECASTS).getOrDefault(key(region, indicator), Map.of()).get(f.code());
    if (steps == null || steps.isEmpty()) {
      throw Errors.notFound("No forecast is stored for " + region + "/" + indicator + " (" + f.code() + ")",
          "gold.forecasts (version " + s.version(ForecastTables.FORECASTS) + ") has none: the series may be too "
              + "short, or `models forecast` has not run since it appeared",
          "Ask for one on demand at GET /api/v1/forecasts/" + region + "/" + indicator + "/on-demand?horizon=N");
    }
    Record first = steps.get(0);
    return series(s, region, indicator, f, "steps", steps,
        ORIGIN_PERIOD, first.str(ORIGIN_PERIOD), METHOD, first.str(METHOD), MODEL_VERSION, first.str(MODEL_VERSION),
        TRAINING_DATA_VERSION, first.lng(TRAINING_DATA_VERSION), CREATED_AT, Record.json(first.instant(CREATED_AT)),
        "backtest", s.get(BACKTESTS).get(key(region, indicator) + "|" + f.code()),
        "forecasts_version", s.version(ForecastTables.FORECASTS));
  }

  /** The frequency codes a request may name: monthly, quarterly, annual. */
  public static final List<String> FREQUENCIES =
      Arrays.stream(Frequency.values()).map(Frequency::code).toList();

  /**
   * The backtest of every stored forecast, optionally of one frequency, region or indicator, in series order: what
   * a model report aggregates into accuracy and interval coverage per frequency.
   */
  public Map<String, Object> backtests(String frequency, String region, String indicator) {
    WarehouseSnapshot s = store.current();
    List<Record> out = s.rows(ForecastTables.BACKTESTS).stream()
        .filter(r -> frequency == null || frequency.equals(r.str(FREQUENCY)))
        .filter(r -> region == null || region.equals(r.str(REGION_CODE)))
        .filter(r -> indicator == null || indicator.equals(r.str(INDICATOR_CODE)))
        .sorted(Comparator.comparing((Record r) -> r.str(REGION_CODE)).thenComparing(r -> r.str(INDICATOR_CODE))
            .thenComparing(r -> r.str(FREQUENCY)))
        .toList();
    return Envelope.of(out, "version", s.version(ForecastTables.BACKTESTS));
  }

  /** A forecast made now for {@code horizon} steps of the series at its indicator's frequency. */
  public Map<String, Object> onDemand(String region, String indicator, int horizon) {
    WarehouseSnapshot s = store.current();
    Frequency f = frequency(s, region, indicator, null);
    int max = MAX_HORIZON.get(f);
    if (horizon < 1 || horizon > max) {
      throw Errors.invalidInput("Horizon " + horizon + " is invalid for a " + f.code() + " series",
          "on-demand forecasts go 1 to " + max + " steps ahead (three years)", "Ask for a horizon from 1 to " + max);
    }
    String cacheKey = s.version(GoldTables.INDICATOR_PANEL) + "/" + s.version(org.govpulse.core.table.ModelTables.MODELS)
        + "/" + key(region, indicator) + "/" + horizon;
    Map<String, Object> cached = cache.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    Map<String, Object> made = Collections.unmodifiableMap(compute(s, region, indicator, f, horizon));
    cache.put(cacheKey, made);
    return made;
  }

  private Map<String, Object> compute(WarehouseSnapshot s, String region, String indicator, Frequency f,
      int horizon) {
    List<Record> points = s.get(PANEL).getOrDefault(key(region, indicator), Map.of()).get(f.code());
    SeriesHistory history = new SeriesHistory(region, indicator, f);
    if (points != null) {
      points.forEach(p -> history.add(Period.parseCanonical(p.str(PERIOD)), p.dbl(VALUE),
          p.integer(DEFINITION_VERSION)));
    }
    int minimum = engine.settings().minimumLength();
    Optional<SeriesHistory.Segment> segment = history.forecastable(minimum);
    if (segment.isEmpty()) {
      throw Errors.conflict("Series " + region + "/" + indicator + " is too short to forecast",
          "it has " + history.points().size() + " " + f.code() + " values but the last unbroken run under one "
              + "definition must have at least " + minimum,
          "Ingest more history and run `./govpulse analyze`");
    }
    TimeSeries ts = segment.get().series();
    String id = history.id();
    EngineResult result = engine.forecast(Map.of(id, ts), Horizons.of(Map.of(f, horizon)));
    Forecast forecast = result.forecasts().get(id);
    List<Map<String, Object>> steps = new ArrayList<>();
    for (ForecastStep step : forecast.steps()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(HORIZON_STEP, step.step());
      m.put(PERIOD, step.period().map(Period::toString).orElse(null));
      m.put(POINT, Record.json(step.point()));
      m.put(LOWER_80, Record.json(step.lower80()));
      m.put(UPPER_80, Record.json(step.upper80()));
      m.put(LOWER_95, Record.json(step.lower95()));
      m.put(UPPER_95, Record.json(step.upper95()));
      steps.add(m);
    }
    Accuracy a = result.accuracy().get(id);
    Map<String, Object> accuracy = new LinkedHashMap<>();
    accuracy.put(SMAPE, a != null && a.isAvailable() ? Record.json(a.smape()) : null);
    accuracy.put(MASE, a != null && a.isAvailable() ? Record.json(a.mase()) : null);
    accuracy.put(COVERAGE_80, a != null && a.isAvailable() ? Record.json(a.coverage80()) : null);
    accuracy.put(COVERAGE_95, a != null && a.isAvailable() ? Record.json(a.coverage95()) : null);
    accuracy.put(ORIGINS, a == null ? 0 : a.origin());
    Period origin = ts.periodAt(ts.length() - 1).orElseThrow();
    return series(s, region, indicator, f, "steps", steps,
        "horizon", horizon, ORIGIN_PERIOD, origin.toString(), "history_length", ts.length(),
        "joins_definitions", segment.get().joinsDefinitions(), METHOD, forecast.method(),
        "weights", forecast.weights(), "description", forecast.description(), "accuracy", accuracy,
        MODEL_VERSIONS, result.modelVersions(), "panel_version", s.version(GoldTables.INDICATOR_PANEL),
        "registered_models", registered(s, ts, horizon));
  }

  /** Point forecasts of the production global forecasters that fit the series and the horizon. */
  private static List<Map<String, Object>> registered(WarehouseSnapshot s, TimeSeries ts, int horizon) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ModelService.Registered r : ModelService.globals(s)) {
      if (r.model().horizon() < horizon || !r.model().supports(ts)) {
        continue;
      }
      double[] points = r.model().fit(ts).predict(horizon);
      List<Map<String, Object>> steps = new ArrayList<>();
      for (int i = 0; i < horizon; i++) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(HORIZON_STEP, i + 1);
        m.put(PERIOD, ts.periodAt(ts.length() + i).map(Period::toString).orElse(null));
        m.put(POINT, Record.json(points[i]));
        steps.add(m);
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(MODEL_VERSION, r.version());
      m.put(METHOD, r.model().name());
      m.put("description", r.model().version());
      m.put("steps", steps);
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> series(WarehouseSnapshot s, String region, String indicator, Frequency f,
      String listName, List<?> list, Object... more) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(REGION_CODE, region);
    m.put(INDICATOR_CODE, indicator);
    m.put(FREQUENCY, f.code());
    m.put(UNIT, ReferenceService.indicatorOf(s, indicator).map(r -> r.str(UNIT)).orElse(null));
    for (int i = 0; i + 1 < more.length; i += 2) {
      m.put((String) more[i], more[i + 1]);
    }
    m.put(listName, list);
    return m;
  }

  /** The frequency asked for, or the indicator's own; 404 for an unknown region or indicator. */
  private static Frequency frequency(WarehouseSnapshot s, String region, String indicator, String asked) {
    Record ind = Lookup.found(ReferenceService.indicatorOf(s, indicator), "Indicator " + indicator,
        "silver.indicators", "GET /api/v1/indicators");
    if (!ReferenceService.regionExists(s, region)) {
      throw Lookup.notFound("Region " + region, "silver.regions", "GET /api/v1/regions");
    }
    if (asked == null) {
      return Frequency.parse(ind.str(FREQUENCY)).orElse(Frequency.ANNUAL);
    }
    return Frequency.parse(asked).orElseThrow(() -> Errors.invalidInput("Query parameter frequency=" + asked
        + " is invalid", "it must be monthly, quarterly or annual", "Use one of those or leave it out for the "
        + "indicator's own frequency"));
  }

  static String key(String region, String indicator) {
    return region + "|" + indicator;
  }

  private static Map<String, Map<String, List<Record>>> group(List<Record> rows, Comparator<Record> order) {
    Map<String, Map<String, List<Record>>> m = new HashMap<>();
    for (Record r : rows) {
      m.computeIfAbsent(key(r.str(REGION_CODE), r.str(INDICATOR_CODE)), k -> new TreeMap<>())
          .computeIfAbsent(r.str(FREQUENCY), k -> new ArrayList<>()).add(r);
    }
    m.values().forEach(byFrequency -> byFrequency.replaceAll((k, v) -> {
      v.sort(order);
      return List.copyOf(v);
    }));
    return Collections.unmodifiableMap(m);
  }
}
