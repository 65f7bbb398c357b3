package org.govpulse.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one measured piece of work in a JVM of its own, so that its peak memory and its JIT, GC and Spark start are
 * its own. The child prints any lines it likes and, last, one line {@code <marker> key=value key=value ...}, which
 * is returned as a map.
 */
final class ChildJvm {
  private final String heap;
  private final Path log;

  /**
   * @param heap the child's {@code -Xmx}, e.g. {@code 3g}
   * @param log file for the child's standard error, or null to discard it
   */
  ChildJvm(String heap, Path log) {
    this.heap = heap;
    this.log = log;
  }

  /**
   * Starts {@code main} with {@code args}, passes every output line but the last to {@code lines}, and returns the
   * key-value pairs of the last line, which must start with {@code marker}.
   */
  Map<String, String> run(Class<?> main, String marker, List<String> args, Consumer<String> lines)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-XX:+UseParallelGC"));
    cmd.addAll(jvmOpens());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log == null ? ProcessBuilder.Redirect.DISCARD
        : ProcessBuilder.Redirect.to(log.toFile()));
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    String last = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        if (last != null) {
          lines.accept(last);
        }
        last = l;
      }
    }
    int exit = p.waitFor();
    if (exit != 0 || last == null || !last.startsWith(marker + " ")) {
      throw new IllegalStateException(marker + " " + String.join(" ", args) + " failed in its JVM (exit " + exit
          + ", last line: " + last + "); "
          + (log == null ? "run it again with a log to see why" : "its standard error is in " + log));
    }
    return parse(last.substring(marker.length() + 1));
  }

  /** {@code a=1 b=x} as a map, in order. */
  static Map<String, String> parse(String pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String kv : pairs.trim().split(" +")) {
      String[] p = kv.split("=", 2);
      if (p.length != 2) {
        throw new IllegalArgumentException("not a key=value pair: '" + kv + "' in '" + pairs + "'");
      }
      m.put(p[0], p[1]);
    }
    return m;
  }

  /** The JVM module openings this JVM was started with (Spark needs them in the child too). */
  private static List<String> jvmOpens() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")).toList();
  }
}
