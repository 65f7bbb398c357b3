package org.govpulse.app.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.govpulse.api.ApiServer;
import org.govpulse.api.FixtureWarehouse;
import org.govpulse.api.service.Role;
import org.govpulse.core.config.ConfigLoader;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.table.WarningTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code govpulse bench api}: a real API server over a fixture warehouse, loaded by closed-loop clients at several
 * concurrency levels. For each endpoint: throughput and p50/p99 latency, next to the trivial /health/live of the same
 * server in the same run (the ratio is what travels between machines); medians of several runs. Then how many
 * live-stream subscribers the process holds and how fast one new warning event reaches all of them.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
    description = {"Benchmark the API: warnings feed and forecasts against /health/live of the same server,",
        "then concurrent live-stream (SSE) subscribers. Client and server share this machine."})
public final class ApiBenchmark implements Callable<Integer> {
  @Option(names = "--connections", defaultValue = "1,16,64", split = ",",
      description = "Concurrency levels (default ${DEFAULT-VALUE}).")
  int[] connections;

  @Option(names = "--seconds", defaultValue = "3", description = "Seconds per measurement (default ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--runs", defaultValue = "3", description = "Runs per level; medians reported (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--sse", defaultValue = "5000",
      description = "Live-stream subscribers to open, 0 for none (default ${DEFAULT-VALUE}; each takes two file "
          + "descriptors here, client and server)")
  int sse;

  /** One endpoint measured. */
  record Endpoint(String name, String path) {}

  /** One measurement: requests per second and latency percentiles in milliseconds. */
  record Sample(double throughput, double p50, double p99, int errors) {}

  @Override
  public Integer call() throws Exception {
    Path work = Files.createTempDirectory("govpulse-bench-api-");
    FixtureWarehouse warehouse = FixtureWarehouse.create(work.resolve("warehouse"));
    GovPulseConfig config = new ConfigLoader().home(work).environment(Map.of())
        .flag(Setting.WAREHOUSE, warehouse.root.toString()).flag(Setting.API_PORT, "0")
        .flag(Setting.API_RATE_LIMIT, "0").flag(Setting.API_REFRESH_SECONDS, "0.5").load();
    List<Endpoint> endpoints = List.of(new Endpoint("health (reference)", "/health/live"),
        new Endpoint("warnings feed", "/api/v1/warnings?limit=50"),
        new Endpoint("stored forecast", "/api/v1/forecasts/JZ01/WAIT_DAYS"),
        new Endpoint("on-demand forecast", "/api/v1/forecasts/JZ01/WAIT_DAYS/on-demand?horizon=6"));
    try (ApiServer server = ApiServer.start(config)) {
      String base = "http://127.0.0.1:" + server.port();
      String key = server.keys().create(Role.ANALYST, "benchmark", 0, "bench").key();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();
      for (Endpoint e : endpoints) {
        // warm-up: JIT, and the on-demand forecast's cache for this panel version
        measure(http, base + e.path(), key, 8, 2.0);
      }
      System.out.printf(Locale.ROOT, "%d runs of %.1f s per level; client and server in one JVM on %d cores%n%n",
          runs, seconds, Runtime.getRuntime().availableProcessors());
      System.out.printf(Locale.ROOT, "%-20s %5s %10s %9s %9s %9s %7s%n", "endpoint", "conns", "req/s", "p50 ms",
          "p99 ms", "vs health", "errors");
      for (int c : connections) {
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        Map<String, List<Double>> ratio = new LinkedHashMap<>();
        for (int r = 0; r < runs; r++) {
          Sample reference = null;
          for (Endpoint e : endpoints) {
            Sample s = measure(http, base + e.path(), key, c, seconds);
            samples.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(s);
            if (reference == null) {
              reference = s;
            }
            ratio.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(s.throughput() / reference.throughput());
          }
        }
        for (Endpoint e : endpoints) {
          List<Sample> ss = samples.get(e.name());
          System.out.printf(Locale.ROOT, "%-20s %5d %10.0f %9.2f %9.2f %9.2f %7d%n", e.name(), c,
              median(ss.stream().mapToDouble(Sample::throughput).toArray()),
              median(ss.stream().mapToDouble(Sample::p50).toArray()),
              median(ss.stream().mapToDouble(Sample::p99).toArray()),
              median(ratio.get(e.name()).stream().mapToDouble(Double::doubleValue).toArray()),
              ss.stream().mapToInt(Sample::errors).sum());
        }
      }
      if (sse > 0) {
        subscribers(base, key, warehouse);
      }
    } finally {
      delete(work);
    }
    return 0;
  }

  /** Closed loop: {@code connections} threads each send the next request when the previous answer arrived. */
  private static Sample measure(HttpClient http, String url, String key, int connections, double seconds)
      throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
        .timeout(Duration.ofSeconds(30)).GET().build();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long[][] latencies = new long[connections][];
    int[] counts = new int[connections];
    AtomicInteger errors = new AtomicInteger();
    Thread[] threads = new Thread[connections];
    for (int t = 0; t < connections; t++) {
      final int i = t;
      threads[t] = new Thread(() -> {
        long[] mine = new long[1 << 14];
        int n = 0;
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          if (n == mine.length) {
            mine = Arrays.copyOf(mine, n * 2);
          }
          mine[n++] = System.nanoTime() - t0;
        }
        latencies[i] = mine;
        counts[i] = n;
      }, "bench-client-" + t);
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < connections; t++) {
      System.arraycopy(latencies[t], 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    return new Sample(total / seconds, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6, errors.get());
  }

  /** Opens the subscribers, then appends one warning event and times its arrival at every one of them. */
  private void subscribers(String base, String key, FixtureWarehouse warehouse)
      throws Exception {
    HttpClient streams = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(30)).build();
    CountDownLatch open = new CountDownLatch(sse);
    CountDownLatch delivered = new CountDownLatch(sse);
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>();
    List<Flow.Subscription> subscriptions = java.util.Collections.synchronizedList(new ArrayList<>());
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/warnings/stream?last_event_id=8"))
        .header("Accept", "text/event-stream").header("Authorization", "Bearer " + key).build();
    long t0 = System.nanoTime();
    for (int i = 0; i < sse; i++) {
      CompletableFuture<HttpResponse<Void>> f = streams.sendAsync(request,
          HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
              subscriptions.add(s);
              open.countDown();
              s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
              if (line.equals("id: 9") || line.equals("id:9")) {
                delivered.countDown();
              }
            }

            @Override
            public void onError(Throwable e) {}

            @Override
            public void onComplete() {}
          }));
      f.whenComplete((r, e) -> {
        if (e != null || r.statusCode() != 200) {
          failed.incrementAndGet();
          open.countDown();
          delivered.countDown();
        }
      });
      responses.add(f);
    }
    boolean allOpen = open.await(120, TimeUnit.SECONDS);
    double openSeconds = (System.nanoTime() - t0) / 1e9;
    long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
    // one new event, written as the warn job writes it; the server sees the new version and fans it out
    long t1 = System.nanoTime();
    warehouse.append(WarningTables.WARNING_EVENTS, FixtureWarehouse.event(9, "w-2", "escalated", "red", "open",
        FixtureWarehouse.T0.plusSeconds(60), "system", null));
    boolean all = delivered.await(120, TimeUnit.SECONDS);
    double fanOut = (System.nanoTime() - t1) / 1e9;
    System.out.printf(Locale.ROOT, "%nlive stream: %d of %d subscribers open in %.1f s%s, heap in use %d MiB; one new "
            + "event reached %s of them %.2f s after its Delta commit (refresh every 0.5 s)%n",
        sse - failed.get(), sse, openSeconds, allOpen ? "" : " (timed out)", heapMb,
        all ? "all" : String.valueOf(sse - delivered.getCount()), fanOut);
    subscriptions.forEach(Flow.Subscription::cancel);
    responses.forEach(f -> f.cancel(true));
  }

  private static double percentile(long[] sorted, double q) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static void delete(Path p) throws java.io.IOException {
    try (var s = Files.walk(p)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
