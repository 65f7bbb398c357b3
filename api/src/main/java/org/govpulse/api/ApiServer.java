package org.govpulse.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.govpulse.api.delta.KernelWarehouse;
import org.govpulse.api.feed.WebhookDispatcher;
import org.govpulse.api.http.ApiApp;
import org.govpulse.api.http.Metrics;
import org.govpulse.api.http.SseHub;
import org.govpulse.api.service.KeyService;
import org.govpulse.api.service.ModelService;
import org.govpulse.api.service.PerformanceService;
import org.govpulse.api.service.QualityService;
import org.govpulse.api.service.RateLimiter;
import org.govpulse.api.service.ReferenceService;
import org.govpulse.api.service.SeriesService;
import org.govpulse.api.service.WarningService;
import org.govpulse.api.snapshot.Derived;
import org.govpulse.api.snapshot.SnapshotStore;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.ApiTables;
import org.govpulse.core.table.ForecastTables;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.ModelTables;
import org.govpulse.core.table.TableContract;
import org.govpulse.core.table.WarningTables;

/**
 * A running GovPulse API: the warehouse snapshot and its refresher, the services, the live stream, the webhooks and
 * the HTTP server, wired from the configuration. {@code ApiServer.start(config)} returns once it listens;
 * {@link #close()} stops everything.
 */
public final class ApiServer implements AutoCloseable {
  /** The tables the API serves. */
  public static final List<TableContract> SERVED = List.of(IngestTables.INDICATORS, IngestTables.DEPARTMENTS,
      IngestTables.REGIONS, GoldTables.INDICATOR_PANEL, GoldTables.REGION_TIERS, GoldTables.TARGETS,
      GoldTables.SCORECARD, GoldTables.SCORE_CONTRIBUTIONS, GoldTables.QUALITY_FINDINGS,
      GoldTables.SENTIMENT_MONTHLY, GoldTables.SENSOR_ANOMALIES, ForecastTables.FORECASTS, ForecastTables.BACKTESTS,
      ForecastTables.TARGET_RISK, WarningTables.WARNINGS, WarningTables.WARNING_EVENTS,
      WarningTables.WARNING_ACTIONS, ModelTables.MODELS, ApiTables.API_KEYS);

  /** The indexes built for each snapshot, in build order (the registry's loaded models before its entries). */
  public static final List<Derived<?>> INDEXES = List.of(ReferenceService.INDICATORS, ReferenceService.DEPARTMENTS,
      ReferenceService.REGIONS, SeriesService.PANEL, SeriesService.FORECASTS, SeriesService.BACKTESTS,
      ModelService.GLOBALS, ModelService.ENTRIES, WarningService.VIEW, KeyService.KEYS);

  /**
   * What tests may change; the defaults are what {@link #start(GovPulseConfig)} uses.
   *
   * @param clock the time of actions and keys
   * @param webhookBaseDelay delay before the first webhook retry
   */
  public record Options(Clock clock, Duration webhookBaseDelay) {
    public static Options defaults() {
      return new Options(Clock.systemUTC(), Duration.ofSeconds(1));
    }
  }

  private final SnapshotStore store;
  private final KeyService keys;
  private final SseHub hub;
  private final WebhookDispatcher webhooks;
  private final ApiApp app;
  private final KernelWarehouse warehouse;

  private ApiServer(GovPulseConfig config, Options options) {
    warehouse = new KernelWarehouse(config.warehouse());
    store = new SnapshotStore(warehouse, SERVED, INDEXES, options.clock());
    Duration refresh = Duration.ofMillis(Math.round(positive(config, Setting.API_REFRESH_SECONDS) * 1000));
    store.start(refresh);
    Metrics metrics = new Metrics().withProcessGauges();
    metrics.gauge("govpulse_api_table_version", "Delta version served, by table.", () -> {
      Map<String, Number> m = new TreeMap<>();
      store.current().versions().forEach((t, v) -> m.put(Metrics.labels("table", t), v));
      return m;
    });
    metrics.gauge("govpulse_api_refresh_seconds", "Seconds between looks for new table versions.",
        () -> Map.of("", refresh.toMillis() / 1000.0));
    metrics.gauge("govpulse_api_snapshot_refreshes", "Refreshes of the served snapshot since start.",
        () -> Map.of("", store.refreshes()));
    keys = new KeyService(warehouse, store, options.clock());
    WarningService warnings = new WarningService(store, warehouse, options.clock());
    hub = new SseHub(warnings, store,
        Duration.ofMillis(Math.round(positive(config, Setting.API_SSE_HEARTBEAT_SECONDS) * 1000)), metrics);
    webhooks = new WebhookDispatcher(urls(config.get(Setting.API_WEBHOOK_URLS)),
        config.get(Setting.API_WEBHOOK_SECRET),
        new WebhookDispatcher.Policy(config.getInt(Setting.API_WEBHOOK_MAX_ATTEMPTS), options.webhookBaseDelay(),
            Duration.ofMinutes(5)),
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), options.clock(), store);
    metrics.gauge("govpulse_api_webhook_deliveries", "Webhook events delivered, failed and pending, by receiver.",
        () -> {
          Map<String, Number> m = new TreeMap<>();
          webhooks.status().forEach(s -> {
            m.put(Metrics.labels("url", s.url(), "outcome", "delivered"), s.delivered());
            m.put(Metrics.labels("url", s.url(), "outcome", "failed"), s.failed());
            m.put(Metrics.labels("url", s.url(), "outcome", "pending"), s.pending());
          });
          return m;
        });
    RateLimiter limiter = new RateLimiter(config.getInt(Setting.API_RATE_LIMIT),
        config.getInt(Setting.API_RATE_LIMIT_BURST), System::nanoTime);
    ApiApp.Services services = new ApiApp.Services(new ReferenceService(store), new SeriesService(store),
        new PerformanceService(store), new QualityService(store), new ModelService(store), warnings, keys);
    int threads = config.getInt(Setting.API_THREADS);
    if (threads < 8) {
      throw Errors.configValueInvalid(Setting.API_THREADS.key(), config.get(Setting.API_THREADS),
          "a number of threads of 8 or more (the server's acceptor and selector need some of them)");
    }
    app = new ApiApp(services, store, limiter, metrics, hub, webhooks, list(config.get(Setting.API_CORS_ORIGINS)),
        threads);
  }

  /** Starts the API on the configured host and port (port 0: any free one). */
  public static ApiServer start(GovPulseConfig config) {
    return start(config, Options.defaults());
  }

  public static ApiServer start(GovPulseConfig config, Options options) {
    ApiServer server = new ApiServer(config, options);
    try {
      server.app.start(config.get(Setting.API_HOST), config.getInt(Setting.API_PORT));
    } catch (RuntimeException e) {
      server.close();
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof java.net.BindException) {
          throw Errors.invalidInput("The API cannot listen on " + config.get(Setting.API_HOST) + ":"
              + config.get(Setting.API_PORT), String.valueOf(c.getMessage()),
              "Pick another port with --port (or GOVPULSE_API_PORT), or stop what holds it");
        }
      }
      throw e;
    }
    return server;
  }

  public int port() {
    return app.port();
  }

  /** http://host:port of the server. */
  public String url(GovPulseConfig config) {
    String host = config.get(Setting.API_HOST);
    return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + port();
  }

  public ApiApp app() {
    return app;
  }

  public SnapshotStore store() {
    return store;
  }

  public KeyService keys() {
    return keys;
  }

  public KernelWarehouse warehouse() {
    return warehouse;
  }

  @Override
  public void close() {
    try {
      if (app != null) {
        app.stop();
      }
    } finally {
      if (hub != null) {
        hub.close();
      }
      if (webhooks != null) {
        webhooks.close();
      }
      store.close();
    }
  }

  private static double positive(GovPulseConfig config, Setting s) {
    double v = config.getDouble(s);
    if (!(v > 0)) {
      throw Errors.configValueInvalid(s.key(), config.get(s), "a positive number of seconds");
    }
    return v;
  }

  private static List<String> list(String csv) {
    return csv == null || csv.isBlank() ? List.of()
        : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static List<URI> urls(String csv) {
    List<URI> out = new ArrayList<>();
    for (String s : list(csv)) {
      URI u;
      try {
        u = URI.create(s);
      } catch (IllegalArgumentException e) {
        throw Errors.configValueInvalid(Setting.API_WEBHOOK_URLS.key(), s, "http:// or https:// URLs");
      }
      if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
        throw Errors.configValueInvalid(Setting.API_WEBHOOK_URLS.key(), s, "http:// or https:// URLs");
      }
      out.add(u);
    }
    return out;
  }
}
