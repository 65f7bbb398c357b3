package org.govpulse.api.http;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counters and latency histograms of the API in Prometheus' text exposition format (version 0.0.4), written by
 * hand: requests by route and status, request duration buckets by route, and gauges registered by components
 * (table versions, stream subscribers, webhook deliveries).
 */
public final class Metrics {
  /** Upper bounds of the latency buckets, seconds. */
  static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, Histogram> durations = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<String, Supplier<Map<String, Number>>> gauges = new ConcurrentHashMap<>();
  private final Map<String, String> help = new ConcurrentHashMap<>();

  /** Records one answered request. */
  public void request(String method, String route, int status, long nanos) {
    requests.computeIfAbsent(labels("method", method, "route", route, "status", Integer.toString(status)),
        k -> new LongAdder()).increment();
    durations.computeIfAbsent(labels("method", method, "route", route), k -> new Histogram()).observe(nanos / 1e9);
  }

  /** Adds to a counter (name, then label pairs). */
  public void count(String name, String helpText, String... labelPairs) {
    help.putIfAbsent(name, helpText);
    counters.computeIfAbsent(name + "{" + labels(labelPairs) + "}", k -> new LongAdder()).increment();
  }

  /** A gauge whose values, by label set, are read at each scrape. */
  public void gauge(String name, String helpText, Supplier<Map<String, Number>> values) {
    help.put(name, helpText);
    gauges.put(name, values);
  }

  /**
   * Registers the process gauges: resident memory (from /proc/self/status where there is one), JVM heap and
   * non-heap memory in use, and live threads.
   */
  public Metrics withProcessGauges() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    gauge("process_resident_memory_bytes", "Resident memory of the process (Linux only).", Metrics::residentBytes);
    gauge("jvm_memory_used_bytes", "JVM memory in use, by area.", () -> Map.of(
        labels("area", "heap"), memory.getHeapMemoryUsage().getUsed(),
        labels("area", "nonheap"), memory.getNonHeapMemoryUsage().getUsed()));
    gauge("jvm_threads_live", "Live threads of the JVM.",
        () -> Map.of("", ManagementFactory.getThreadMXBean().getThreadCount()));
    return this;
  }

  private static Map<String, Number> residentBytes() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return Map.of();
    }
    try {
      for (String l : Files.readAllLines(status)) {
        if (l.startsWith("VmRSS:")) {
          return Map.of("", Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // a scrape without this gauge is better than a failed scrape
    }
    return Map.of();
  }

  /** The text of all metrics. */
  public String scrape() {
    StringBuilder sb = new StringBuilder();
    sb.append("# HELP govpulse_api_requests_total Requests answered, by method, route and status.\n")
        .append("# TYPE govpulse_api_requests_total counter\n");
    new TreeMap<>(requests).forEach((l, v) -> sb.append("govpulse_api_requests_total{").append(l).append("} ")
        .append(v.sum()).append('\n'));
    sb.append("# HELP govpulse_api_request_duration_seconds Time to answer, by method and route.\n")
        .append("# TYPE govpulse_api_request_duration_seconds histogram\n");
    new TreeMap<>(durations).forEach((l, h) -> h.write(sb, "govpulse_api_request_duration_seconds", l));
    Map<String, Map<String, Long>> byName = new TreeMap<>();
    counters.forEach((k, v) -> byName.computeIfAbsent(k.substring(0, k.indexOf('{')), x -> new TreeMap<>())
        .put(k.substring(k.indexOf('{')), v.sum()));
    byName.forEach((name, series) -> {
      sb.append("# HELP ").append(name).append(' ').append(help.getOrDefault(name, name)).append('\n')
          .append("# TYPE ").append(name).append(" counter\n");
      series.forEach((l, v) -> sb.append(name).append(l).append(' ').append(v).append('\n'));
    });
    new TreeMap<>(gauges).forEach((name, supplier) -> {
      sb.append("# HELP ").append(name).append(' ').append(help.get(name)).append('\n')
          .append("# TYPE ").append(name).append(" gauge\n");
      new TreeMap<>(supplier.get()).forEach((l, v) -> sb.append(name).append(l.isEmpty() ? "" : "{" + l + "}")
          .append(' ').append(v).append('\n'));
    });
    return sb.toString();
  }

  /** Label text: k1="v1",k2="v2" with values escaped. */
  public static String labels(String... pairs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(pairs[i]).append("=\"").append(pairs[i + 1].replace("\\", "\\\\").replace("\"", "\\\"")
          .replace("\n", "\\n")).append('"');
    }
    return sb.toString();
  }

  private static final class Histogram {
    private final LongAdder[] counts = new LongAdder[BUCKETS.length];
    private final LongAdder total = new LongAdder();
    private final java.util.concurrent.atomic.DoubleAdder sum = new java.util.concurrent.atomic.DoubleAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }

    void observe(double seconds) {
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          counts[i].increment();
          break;
        }
      }
      total.increment();
      sum.add(seconds);
    }

    void write(StringBuilder sb, String name, String labels) {
      long cumulative = 0;
      for (int i = 0; i < BUCKETS.length; i++) {
        cumulative += counts[i].sum();
        sb.append(name).append("_bucket{").append(labels).append(",le=\"")
            .append(String.format(Locale.ROOT, "%s", BUCKETS[i])).append("\"} ").append(cumulative).append('\n');
      }
      sb.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ").append(total.sum()).append('\n');
      sb.append(name).append("_sum{").append(labels).append("} ").append(sum.sum()).append('\n');
      sb.append(name).append("_count{").append(labels).append("} ").append(total.sum()).append('\n');
    }
  }
}
