package org.govpulse.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govpulse.api.ApiServer;
import org.govpulse.api.FixtureWarehouse;
import org.govpulse.api.delta.KernelWarehouse;
import org.govpulse.api.service.Json;
import org.govpulse.api.service.Role;
import org.govpulse.core.config.ConfigLoader;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.Col;
import org.govpulse.core.table.WarningTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code govpulse bench api}: closed-loop load on the warnings feed and the forecasts at several concurrency levels,
 * each next to the trivial /health/live of the same server in the same run (the ratio is what travels between
 * machines), medians of several runs; then how many live-stream (SSE) subscribers the server holds and how long one
 * new warning event takes from its Delta commit to all of them. By default the server runs in this JVM over a
 * fixture warehouse; with {@code --url} and {@code --key} this process is only the client of a server started
 * elsewhere ({@code ./govpulse serve}), so the server's file descriptors, heap and CPU are its own.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
    description = {"Benchmark the API: warnings feed and forecasts against /health/live of the same server,",
        "then concurrent live-stream (SSE) subscribers. Without --url a server over a fixture warehouse runs in",
        "this JVM; with --url URL --key KEY this process is only the client of a running server."})
public final class ApiBenchmark implements Callable<Integer> {
  /** What to measure. */
  enum Mode { all, load, sse }

  @Option(names = "--url", paramLabel = "URL", description = "Base URL of a running GovPulse API (e.g. "
      + "http://127.0.0.1:8080). Default: start one in this JVM over a fixture warehouse.")
  URI url;

  @Option(names = "--key", paramLabel = "KEY", description = "An analyst or admin API key of the server at --url "
      + "(e.g. $(cat data/api-admin.key)).")
  String key;

  @Option(names = "--warehouse", paramLabel = "DIR", description = "With --url: the warehouse that server serves. "
      + "The SSE step then appends one event to its gold.warning_events to time the fan-out (use a copy or a test "
      + "warehouse); without it the fan-out is not timed.")
  Path warehouse;

  @Option(names = "--series", paramLabel = "REGION/INDICATOR", description = "Series whose forecasts are loaded "
      + "(default: JZ01/WAIT_DAYS of the fixture; with --url the first series of GET /api/v1/backtests).")
  String series;

  @Option(names = "--mode", defaultValue = "all", description = "all, load (requests only) or sse (subscribers "
      + "only); default ${DEFAULT-VALUE}.")
  Mode mode;

  @Option(names = "--connections", defaultValue = "1,16,64", split = ",",
      description = "Concurrency levels (default ${DEFAULT-VALUE}).")
  int[] connections;

  @Option(names = "--seconds", defaultValue = "3", description = "Seconds per measurement (default ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--runs", defaultValue = "3", description = "Runs per level; medians reported (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--compressed", description = "Ask for gzip (Accept-Encoding: gzip) as browsers and most HTTP "
      + "libraries do; default: uncompressed answers.")
  boolean compressed;

  @Option(names = "--sse", paramLabel = "N", description = "Live-stream subscribers to open, 0 for none (default "
      + "5000 in this JVM, where client and server share one descriptor limit; 10000 with --url).")
  Integer sse;

  /** One endpoint measured. */
  record Endpoint(String name, String path) {}

  /** The server under load: where it is, the key, and the warehouse it serves if this process may write to it. */
  record Target(URI base, String key, Path warehouse, String series, String where) {}

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Override
  public Integer call() throws Exception {
    if (url == null) {
      if (key != null || warehouse != null) {
        throw Errors.invalidInput("--key and --warehouse need --url", "without --url the benchmark starts its own "
            + "server over a fixture warehouse and makes its own key", "Add --url of the running server, or leave "
            + "--key and --warehouse out");
      }
      return inProcess();
    }
    if (key == null || key.isBlank()) {
      throw Errors.invalidInput("--url needs --key", "the API answers 401 without a key",
          "Pass an analyst or admin key of that server, e.g. --key \"$(cat data/api-admin.key)\"");
    }
    URI base = URI.create(url.toString().replaceAll("/+$", ""));
    Target target = new Target(base, key, warehouse, series != null ? series : firstSeries(base, key),
        "client in this process, server at " + base);
    checkServer(target);
    measure(target, sse != null ? sse : 10_000);
    return 0;
  }

  private int inProcess() throws Exception {
    Path work = Files.createTempDirectory("govpulse-bench-api-");
    try {
      FixtureWarehouse fixture = FixtureWarehouse.create(work.resolve("warehouse"));
      GovPulseConfig config = new ConfigLoader().home(work).environment(Map.of())
          .flag(Setting.WAREHOUSE, fixture.root.toString()).flag(Setting.API_PORT, "0")
          .flag(Setting.API_RATE_LIMIT, "0").flag(Setting.API_REFRESH_SECONDS, "0.5").load();
      try (ApiServer server = ApiServer.start(config)) {
        String k = server.keys().create(Role.ANALYST, "benchmark", 0, "bench").key();
        Target target = new Target(URI.create("http://127.0.0.1:" + server.port()), k, fixture.root,
            series != null ? series : "JZ01/WAIT_DAYS", "client and server in one JVM");
        measure(target, sse != null ? sse : 5_000);
      }
    } finally {
      delete(work);
    }
    return 0;
  }

  private void measure(Target target, int subscribers) throws Exception {
    if (mode != Mode.sse) {
      load(target);
    }
    if (mode != Mode.load && subscribers > 0) {
      subscribers(target, subscribers);
    }
  }

  /** Every endpoint at every concurrency level, {@code runs} times, health first in each run. */
  private void load(Target target) throws Exception {
    List<Endpoint> endpoints = List.of(new Endpoint("health (reference)", "/health/live"),
        new Endpoint("warnings feed", "/api/v1/warnings?limit=50"),
        new Endpoint("stored forecast", "/api/v1/forecasts/" + target.series()),
        new Endpoint("on-demand forecast", "/api/v1/forecasts/" + target.series() + "/on-demand?horizon=6"));
    Map<String, HttpLoad> loads = new LinkedHashMap<>();
    for (Endpoint e : endpoints) {
      HttpLoad load = new HttpLoad(target.base(), e.path(), target.key(), compressed);
      // warm-up: JIT, and the on-demand forecast's cache for this panel version
      HttpLoad.Sample warm = load.run(8, 2.0);
      if (warm.errors() > 0) {
        HttpResponse<String> r = send(target, e.path());
        throw Errors.invalidInput("GET " + e.path() + " failed " + warm.errors() + " times during the warm-up",
            "the server answered " + r.statusCode() + ": " + r.body(), r.statusCode() == 429
                ? "Use a key without a rate limit: ./govpulse keys create --role analyst --rate-limit 0"
                : "Check it with curl and the same key; pick another series with --series REGION/INDICATOR");
      }
      loads.put(e.name(), load);
    }
    System.out.printf(Locale.ROOT, "%d runs of %.1f s per level; %s; %d cores here; %s answers%n%n", runs,
        seconds, target.where(), Runtime.getRuntime().availableProcessors(), compressed ? "gzip" : "uncompressed");
    System.out.printf(Locale.ROOT, "%-20s %5s %10s %9s %9s %9s %8s %7s%n", "endpoint", "conns", "req/s", "p50 ms",
        "p99 ms", "vs health", "bytes", "errors");
    for (int c : connections) {
      Map<String, List<HttpLoad.Sample>> samples = new LinkedHashMap<>();
      Map<String, List<Double>> ratio = new LinkedHashMap<>();
      for (int r = 0; r < runs; r++) {
        HttpLoad.Sample reference = null;
        for (Endpoint e : endpoints) {
          HttpLoad.Sample s = loads.get(e.name()).run(c, seconds);
          samples.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(s);
          if (reference == null) {
            reference = s;
          }
          ratio.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(s.throughput() / reference.throughput());
        }
      }
      for (Endpoint e : endpoints) {
        List<HttpLoad.Sample> ss = samples.get(e.name());
        System.out.printf(Locale.ROOT, "%-20s %5d %10.0f %9.2f %9.2f %9.2f %8d %7d%n", e.name(), c,
            median(ss.stream().mapToDouble(HttpLoad.Sample::throughput).toArray()),
            median(ss.stream().mapToDouble(HttpLoad.Sample::p50).toArray()),
            median(ss.stream().mapToDouble(HttpLoad.Sample::p99).toArray()),
            median(ratio.get(e.name()).stream().mapToDouble(Double::doubleValue).toArray()),
            ss.get(0).bytes(), ss.stream().mapToInt(HttpLoad.Sample::errors).sum());
      }
    }
  }

  /**
   * Opens the subscribers, reads the server's own count and memory from /metrics, then (when this process may
   * write to the warehouse) commits one new warning event and times its arrival at every subscriber.
   */
  private void subscribers(Target target, int n) throws Exception {
    JsonNode latest = getJson(target, "/api/v1/warnings?limit=1");
    long last = latest.get("last_sequence").asLong();
    String query = "/api/v1/warnings/stream?last_event_id=" + last;
    System.out.printf(Locale.ROOT, "%nlive stream (%s): opening %d subscribers%n", target.where(), n);
    try (SseSubscribers subs = new SseSubscribers(target.base(), query, target.key(), n, last + 1)) {
      boolean settled = subs.awaitSettled(Duration.ofMinutes(5));
      Map<String, Double> server = serverGauges(target);
      System.out.printf(Locale.ROOT, "  connected %d of %d in %.1f s%s%s%n", subs.open(), n, subs.secondsToConnect(),
          settled ? "" : " (timed out after 5 min)",
          subs.failed() == 0 ? "" : "; " + subs.failed() + " failed, first because: " + subs.firstFailure());
      System.out.printf(Locale.ROOT, "  server: %.0f subscribers by its own count, heap in use %.0f MiB, resident "
              + "memory %.0f MiB, %.0f threads%n", server.getOrDefault("govpulse_api_sse_subscribers", Double.NaN),
          server.getOrDefault("jvm_memory_used_bytes{area=\"heap\"}", Double.NaN) / (1 << 20),
          server.getOrDefault("process_resident_memory_bytes", Double.NaN) / (1 << 20),
          server.getOrDefault("jvm_threads_live", Double.NaN));
      if (target.warehouse() == null) {
        System.out.println("  fan-out not timed: give --warehouse DIR of the served warehouse to commit one event");
        return;
      }
      JsonNode w = latest.get("items").get(0);
      Object[] event = FixtureWarehouse.row(WarningTables.WARNING_EVENTS, Col.EVENT_ID, "e-bench-" + (last + 1),
          Col.SEQUENCE, last + 1, Col.WARNING_ID, w.get(Col.WARNING_ID).asText(), Col.EVENT_TYPE, "escalated",
          Col.WARNING_LEVEL, w.get(Col.WARNING_LEVEL).asText(), Col.STATUS, w.get(Col.STATUS).asText(),
          Col.AT, Instant.now(), Col.ACTOR, "bench", Col.COMMENT, "govpulse bench api: timing the live stream");
      // the first Delta write of a JVM loads its classes for seconds: make it on a scratch table first
      Path scratch = Files.createTempDirectory("govpulse-bench-commit-");
      try {
        new KernelWarehouse(scratch.toString()).append(WarningTables.WARNING_EVENTS, List.<Object[]>of(event));
      } finally {
        delete(scratch);
      }
      long t0 = System.nanoTime();
      new KernelWarehouse(target.warehouse().toString()).append(WarningTables.WARNING_EVENTS,
          List.<Object[]>of(event));
      long committed = System.nanoTime();
      boolean all = subs.awaitDelivered(Duration.ofMinutes(2));
      System.out.printf(Locale.ROOT, "  one new event (sequence %d, its Delta commit took %.2f s) reached %s of %d "
              + "open subscribers %.2f s after the commit began; first to last subscriber %.2f s%n", last + 1,
          (committed - t0) / 1e9, all ? "all" : String.valueOf(subs.deliveredCount()), subs.open(),
          (subs.lastDelivery() - t0) / 1e9,
          subs.firstDelivery() == 0 ? Double.NaN : (subs.lastDelivery() - subs.firstDelivery()) / 1e9);
      System.out.printf(Locale.ROOT, "  (the server looks for new table versions every %.1f s: "
          + "govpulse.api.refresh-seconds)%n", server.getOrDefault("govpulse_api_refresh_seconds", Double.NaN));
    }
  }

  /** The unlabelled and labelled samples of the server's /metrics, by series name. */
  private Map<String, Double> serverGauges(Target target) throws IOException, InterruptedException {
    String text = send(target, "/metrics").body();
    Map<String, Double> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^([a-z_]+(?:\\{[^}]*\\})?) ([-0-9.eE+]+)$").matcher(text);
    while (m.find()) {
      out.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return out;
  }

  /** The server answers, is ready, and the key may ask for on-demand forecasts. */
  private void checkServer(Target target) throws IOException, InterruptedException {
    HttpResponse<String> ready;
    try {
      ready = send(target, "/health/ready");
    } catch (IOException e) {
      throw Errors.invalidInput("No GovPulse API answers at " + target.base(), String.valueOf(e.getMessage()),
          "Start one with ./govpulse serve --port N, or fix --url");
    }
    if (ready.statusCode() != 200) {
      throw Errors.invalidInput("The API at " + target.base() + " is not ready (" + ready.statusCode() + ")",
          ready.body(), "Wait for /health/ready to answer 200, or serve a warehouse that has the gold tables");
    }
    JsonNode me = getJson(target, "/api/v1/me");
    Role role = Role.parse(me.get("role").asText()).orElse(Role.VIEWER);
    if (!role.includes(Role.ANALYST)) {
      throw Errors.invalidInput("The key has the role " + role.code(), "on-demand forecasts need analyst or admin",
          "Pass an analyst or admin key (./govpulse keys create --role analyst)");
    }
  }

  /** The first series with a stored backtest, as REGION/INDICATOR. */
  private String firstSeries(URI base, String k) throws IOException, InterruptedException {
    JsonNode backtests = getJson(new Target(base, k, null, null, ""), "/api/v1/backtests");
    if (backtests.get("count").asInt() == 0) {
      throw Errors.invalidInput("The server has no stored forecast to load", "GET /api/v1/backtests is empty",
          "Run ./govpulse models forecast on its warehouse, or name a series with --series REGION/INDICATOR");
    }
    JsonNode b = backtests.get("items").get(0);
    return b.get(Col.REGION_CODE).asText() + "/" + b.get(Col.INDICATOR_CODE).asText();
  }

  private JsonNode getJson(Target target, String path) throws IOException, InterruptedException {
    HttpResponse<String> r = send(target, path);
    if (r.statusCode() != 200) {
      throw Errors.invalidInput("GET " + path + " answered " + r.statusCode(), r.body(),
          "Check the key (--key) and that the server serves this warehouse");
    }
    return Json.MAPPER.readTree(r.body());
  }

  private HttpResponse<String> send(Target target, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(target.base() + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + target.key()).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static void delete(Path p) throws IOException {
    try (var s = Files.walk(p)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
