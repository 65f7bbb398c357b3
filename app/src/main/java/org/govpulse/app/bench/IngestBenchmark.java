package org.govpulse.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code govpulse bench ingest}: ingests N generated sensor readings with GovPulse's Spark job and does the same
 * parse-validate-dedupe-write with DuckDB on the same files, each in its own JVM, several times; prints medians,
 * rows per second, peak memory and the Spark/DuckDB ratio.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Benchmark sensor ingestion (Spark job vs DuckDB on the same files).")
public final class IngestBenchmark implements Callable<Integer> {
  @Option(names = "--readings", defaultValue = "1000000", description = "Sensor readings to generate (default ${DEFAULT-VALUE}).")
  long readings;

  @Option(names = "--runs", defaultValue = "3", description = "Runs per engine; medians are reported (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--spark-heap", defaultValue = "3g", description = "Heap of the Spark JVM (default ${DEFAULT-VALUE}).")
  String sparkHeap;

  @Option(names = "--dir", description = "Work folder (default: a temporary folder, deleted afterwards).")
  Path dir;

  /** The counts both engines must agree on. */
  private static final List<String> COUNTS = List.of("read", "accepted", "quarantined", "duplicates");

  @Override
  public Integer call() throws Exception {
    Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("govpulse-bench-");
    try {
      Path landing = work.resolve("landing");
      long g0 = System.nanoTime();
      SensorBenchData.Written data = SensorBenchData.write(landing, readings, 7L);
      System.out.printf(Locale.ROOT, "generated %,d lines (%,d bad, %,d exact duplicates, %,d conflicting) from %d "
              + "sensors, %.0f MB, in %.1f s%n", data.lines(), data.bad(), data.exactDuplicates(), data.conflicts(),
          data.sensors(), data.bytes() / 1e6, (System.nanoTime() - g0) / 1e9);
      Map<String, List<Map<String, String>>> results = new HashMap<>();
      for (int r = 0; r < runs; r++) {
        for (String engine : List.of("duckdb", "spark")) {
          // A run starts from an empty output folder: a warehouse left by an earlier run would hold the checkpoint
          // that marks every file as ingested.
          Path out = work.resolve(engine + "-" + r);
          if (Files.exists(out)) {
            delete(out);
          }
          Map<String, String> m = runWorker(engine, landing, out);
          System.out.println("  run " + (r + 1) + " " + engine + ": " + m);
          results.computeIfAbsent(engine, k -> new ArrayList<>()).add(m);
        }
        String disagreement = disagreement(results.get("duckdb").get(r), results.get("spark").get(r));
        if (disagreement != null) {
          System.err.println("govpulse bench ingest: the engines classified the readings differently in run "
              + (r + 1) + ": " + disagreement + ". Both must count the same records before their times compare.");
          return 1;
        }
      }
      double spark = median(results.get("spark"), "seconds");
      double duck = median(results.get("duckdb"), "seconds");
      System.out.println();
      System.out.printf(Locale.ROOT, "%-8s %10s %12s %10s %14s %10s%n", "engine", "seconds", "rows/s", "setup s",
          "peak RSS MiB", "accepted");
      for (String engine : List.of("duckdb", "spark")) {
        List<Map<String, String>> rs = results.get(engine);
        double s = median(rs, "seconds");
        System.out.printf(Locale.ROOT, "%-8s %10.2f %12.0f %10.2f %14.0f %10s%n", engine, s, data.lines() / s,
            median(rs, "setup"), median(rs, "peak_rss_mb"), rs.get(0).get("accepted"));
      }
      System.out.printf(Locale.ROOT, "spark / duckdb = %.2fx (median of %d runs, %,d readings, 2 cores)%n",
          spark / duck, runs, data.lines());
      return 0;
    } finally {
      if (dir == null) {
        delete(work);
      }
    }
  }

  private Map<String, String> runWorker(String engine, Path landing, Path out) throws IOException, InterruptedException {
    return new ChildJvm(engine.equals("spark") ? sparkHeap : "3g", null)
        .run(BenchWorker.class, engine, List.of(engine, landing.toString(), out.toString()), line -> { });
  }

  /** Which of the counts two runs disagree on, or null when they agree. */
  static String disagreement(Map<String, String> duckdb, Map<String, String> spark) {
    List<String> differing = new ArrayList<>();
    for (String count : COUNTS) {
      if (!duckdb.get(count).equals(spark.get(count))) {
        differing.add(count + " " + duckdb.get(count) + " (duckdb) vs " + spark.get(count) + " (spark)");
      }
    }
    return differing.isEmpty() ? null : String.join(", ", differing);
  }

  private static double median(List<Map<String, String>> runs, String key) {
    double[] v = runs.stream().mapToDouble(m -> Double.parseDouble(m.get(key))).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  static void delete(Path p) {
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
