package org.govpulse.api.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import io.javalin.validation.ValidationException;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.govpulse.api.feed.WebhookDispatcher;
import org.govpulse.api.service.ApiKey;
import org.govpulse.api.service.Json;
import org.govpulse.api.service.KeyService;
import org.govpulse.api.service.ModelService;
import org.govpulse.api.service.PerformanceService;
import org.govpulse.api.service.QualityService;
import org.govpulse.api.service.RateLimiter;
import org.govpulse.api.service.ReferenceService;
import org.govpulse.api.service.SeriesService;
import org.govpulse.api.service.WarningService;
import org.govpulse.api.snapshot.SnapshotStore;
import org.govpulse.core.error.GovPulseException;

/**
 * The HTTP application: Javalin configured with the route table, API-key authentication with roles, per-key rate
 * limits, CORS, problem details for every error, metrics, the dashboard and the API page. It takes everything it
 * needs in its constructor and holds no static state; tests start it on port 0.
 */
public final class ApiApp {
  /**
   * The services behind the routes.
   *
   * @param reference catalogue and regions
   * @param series actuals and forecasts
   * @param performance risk, scorecards, rankings
   * @param quality findings, sentiment, sensor faults
   * @param models the registry
   * @param warnings warnings and their actions
   * @param keys API keys
   */
  public record Services(ReferenceService reference, SeriesService series, PerformanceService performance,
      QualityService quality, ModelService models, WarningService warnings, KeyService keys) {}

  private static final String STARTED = "govpulse.started";

  private final Services services;
  private final RateLimiter limiter;
  private final Metrics metrics;
  private final List<Route> routes;
  private final List<String> registered = new CopyOnWriteArrayList<>();
  private final Javalin javalin;

  public ApiApp(Services services, SnapshotStore store, RateLimiter limiter, Metrics metrics, SseHub hub,
      WebhookDispatcher webhooks, List<String> corsOrigins, int threads) {
    this.services = services;
    this.limiter = limiter;
    this.metrics = metrics;
    DataHandlers data = new DataHandlers(services.reference(), services.series(), services.performance(),
        services.quality(), services.models());
    WarningHandlers warningHandlers = new WarningHandlers(services.warnings(), hub, store);
    SystemHandlers system = new SystemHandlers(store, services.keys(), metrics, webhooks, this::openApi);
    this.routes = Routes.table(data, warningHandlers, system);
    this.javalin = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.jetty.threadPool = new QueuedThreadPool(threads, Math.min(8, threads), 60_000);
      cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
      cfg.http.prefer405over404 = true;
      cfg.router.ignoreTrailingSlashes = true;
      cfg.staticFiles.add(files -> {
        files.hostedPath = "/dashboard";
        files.directory = "/org/govpulse/api/web/dashboard";
        files.location = Location.CLASSPATH;
      });
      cfg.events.handlerAdded(h -> registered.add(h.getHttpMethod() + " " + h.getPath()));
      if (!corsOrigins.isEmpty()) {
        cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
          corsOrigins.forEach(o -> rule.allowHost(o));
          rule.exposeHeader("Retry-After");
          rule.exposeHeader("RateLimit-Limit");
          rule.exposeHeader("RateLimit-Remaining");
        }));
      }
    });
    javalin.before(ctx -> {
      ctx.attribute(STARTED, System.nanoTime());
      ctx.header("X-Content-Type-Options", "nosniff");
    });
    javalin.beforeMatched(this::authorise);
    javalin.after(this::measure);
    javalin.exception(GovPulseException.class, Problems::govpulse);
    javalin.exception(ApiException.class, Problems::api);
    javalin.exception(ValidationException.class, Problems::validation);
    javalin.exception(HttpResponseException.class, Problems::http);
    javalin.exception(Exception.class, Problems::unexpected);
    ResponseCache cache = new ResponseCache(store, metrics);
    for (Route r : routes) {
      javalin.addHttpHandler(r.method(), r.path(), r.isCached() ? cache.wrap(r.handler()) : r.handler(), r.access());
    }
  }

  /** The Javalin instance (tests use it to start on a free port). */
  public Javalin javalin() {
    return javalin;
  }

  /** The route table. */
  public List<Route> routes() {
    return routes;
  }

  /** What Javalin registered, as "METHOD path", in registration order. */
  public List<String> registered() {
    return List.copyOf(registered);
  }

  /** The OpenAPI description of the routes. */
  public Map<String, Object> openApi() {
    return OpenApi.document(routes);
  }

  public ApiApp start(String host, int port) {
    javalin.start(host, port);
    return this;
  }

  /** The port listened on. */
  public int port() {
    return javalin.port();
  }

  public void stop() {
    javalin.stop();
  }

  private void authorise(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    Access access = roles.isEmpty() ? Access.PUBLIC : (Access) roles.iterator().next();
    if (access == Access.PUBLIC) {
      return;
    }
    String presented = presentedKey(ctx);
    if (presented == null) {
      throw ApiException.unauthorized("missing-key", "No API key was sent. Send it as Authorization: Bearer <key> "
          + "or X-API-Key: <key> (api_key=<key> in the query on GET); create one with `./govpulse keys create "
          + "--role viewer`");
    }
    ApiKey key = services.keys().authenticate(presented).orElseThrow(() -> ApiException.unauthorized("invalid-key",
        "The API key is not valid: it is malformed, unknown or revoked. Check that it was copied whole "
            + "(gp_<id>_<secret>) or ask an admin for a new one"));
    if (!key.role().includes(access.role())) {
      throw ApiException.forbidden("This key has the role " + key.role().code() + "; " + ctx.method() + " "
          + ctx.endpointHandlerPath() + " needs " + access.role().code() + " or above. Use a key with that role");
    }
    RateLimiter.Decision d = limiter.acquire(key);
    if (!d.allowed()) {
      metrics.count("govpulse_api_rate_limited_total", "Requests refused by the rate limit.", "key_id", key.id());
      throw ApiException.tooManyRequests("Key " + key.id() + " is over its limit of " + d.limit() + " requests per "
          + "minute. Retry after " + d.retryAfterSeconds() + " s, or ask an admin for a key with a higher limit",
          d.retryAfterSeconds(), d.limit());
    }
    if (d.limit() > 0) {
      ctx.header("RateLimit-Limit", Integer.toString(d.limit()));
      ctx.header("RateLimit-Remaining", Long.toString(d.remaining()));
    }
    ctx.attribute(Params.KEY, key);
  }

  private static String presentedKey(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.substring(7).trim();
    }
    String header = ctx.header("X-API-Key");
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    // EventSource and feed readers cannot send headers
    return "GET".equals(ctx.method().name()) ? ctx.queryParam("api_key") : null;
  }

  private void measure(Context ctx) {
    Long started = ctx.attribute(STARTED);
    String type = ctx.res().getContentType();
    if (started == null || type != null && type.startsWith("text/event-stream")) {
      return;
    }
    String route = ctx.endpointHandlerPath();
    if (route == null || route.isEmpty() || "*".equals(route)) {
      route = ctx.path().startsWith("/dashboard") ? "/dashboard/*" : "unmatched";
    }
    metrics.request(ctx.method().name(), route, ctx.statusCode(), System.nanoTime() - started);
  }
}
