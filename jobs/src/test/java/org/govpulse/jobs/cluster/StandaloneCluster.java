package org.govpulse.jobs.cluster;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on 127.0.0.1 for tests, started the way an operator starts one from a Spark
 * distribution: a SPARK_HOME whose jars/ holds Spark's jars (links to the build's provided-scope jars), a Master
 * and a Worker as separate JVMs, and jobs submitted with {@code org.apache.spark.deploy.SparkSubmit} in a third
 * JVM whose classpath is SPARK_HOME/jars, like bin/spark-submit. Ports are free ones, every wait is on a log line,
 * and {@link #close()} stops every process it started (executors included) by its own handle.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Duration START = Duration.ofMinutes(2);

  private final Path dir;
  private final Path sparkHome;
  private final List<Process> processes = new ArrayList<>();
  private String masterUrl;

  private StandaloneCluster(Path dir, Path sparkHome) {
    this.dir = dir;
    this.sparkHome = sparkHome;
  }

  /** Creates SPARK_HOME/jars from the given Spark jars and starts a Master and a Worker with {@code cores}. */
  static StandaloneCluster start(Path dir, List<Path> sparkJars, int cores, String workerMemory) throws IOException {
    Path home = Files.createDirectories(dir.resolve("spark-home"));
    Path jars = Files.createDirectories(home.resolve("jars"));
    Set<String> names = new HashSet<>();
    for (Path jar : sparkJars) {
      if (names.add(jar.getFileName().toString())) {
        Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
      }
    }
    StandaloneCluster cluster = new StandaloneCluster(dir, home);
    try {
      cluster.startDaemons(cores, workerMemory);
    } catch (RuntimeException | IOException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private void startDaemons(int cores, String workerMemory) throws IOException {
    int masterPort = freePort();
    ProcessLog master = launch("master", List.of("-Xmx256m"), "org.apache.spark.deploy.master.Master",
        List.of("--host", "127.0.0.1", "--port", Integer.toString(masterPort), "--webui-port",
            Integer.toString(freePort())));
    master.await("I have been elected leader", START);
    masterUrl = "spark://127.0.0.1:" + masterPort;
    ProcessLog worker = launch("worker", List.of("-Xmx256m"), "org.apache.spark.deploy.worker.Worker",
        List.of(masterUrl, "--host", "127.0.0.1", "--webui-port", Integer.toString(freePort()), "--cores",
            Integer.toString(cores), "--memory", workerMemory, "--work-dir",
            Files.createDirectories(dir.resolve("work")).toString()));
    worker.await("Successfully registered with master " + java.util.regex.Pattern.quote(masterUrl), START);
  }

  String masterUrl() {
    return masterUrl;
  }

  /**
   * Runs spark-submit to completion and returns its log; {@code submitArgs} are spark-submit's own options, then
   * the application jar and its arguments.
   */
  Submission submit(String name, List<String> submitArgs, Duration timeout) throws IOException {
    List<String> args = new ArrayList<>(List.of("--master", masterUrl, "--deploy-mode", "client"));
    args.addAll(submitArgs);
    List<String> jvm = new ArrayList<>(List.of("-Xmx1g"));
    jvm.addAll(moduleOpenings());
    ProcessLog log = launch(name, jvm, "org.apache.spark.deploy.SparkSubmit", args);
    int exit = log.awaitExit(timeout);
    return new Submission(exit, log);
  }

  /** The outcome of one spark-submit. */
  record Submission(int exitCode, ProcessLog log) {}

  private ProcessLog launch(String name, List<String> jvmOptions, String mainClass, List<String> args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*", mainClass));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.remove("SPARK_CONF_DIR");
    Process p = pb.start();
    synchronized (processes) {
      processes.add(p);
    }
    return new ProcessLog(name, p, dir.resolve(name + ".log"));
  }

  /** Stops every process started, newest first, with the children they started (executors). */
  @Override
  public void close() {
    List<Process> all;
    synchronized (processes) {
      all = new ArrayList<>(processes);
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      Process p = all.get(i);
      List<ProcessHandle> children = p.toHandle().descendants().toList();
      stop(p.toHandle());
      children.forEach(StandaloneCluster::stop);
    }
  }

  private static void stop(ProcessHandle h) {
    if (!h.isAlive()) {
      return;
    }
    h.destroy();
    try {
      h.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      h.destroyForcibly();
    }
  }

  /** The --add-opens this JVM runs with, which Spark's launcher also gives its drivers on Java 17. */
  static List<String> moduleOpenings() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")).toList();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * A thin application jar: the given class folders and GovPulse jars merged into one jar, the way the job jar
   * holds them; third-party jars travel with --jars.
   */
  static Path thinJar(Path out, List<Path> projectEntries) throws IOException {
    Set<String> seen = new HashSet<>();
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out))) {
      for (Path entry : projectEntries) {
        if (Files.isDirectory(entry)) {
          try (Stream<Path> files = Files.walk(entry)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
              String name = entry.relativize(f).toString().replace('\\', '/');
              if (seen.add(name)) {
                jar.putNextEntry(new JarEntry(name));
                Files.copy(f, jar);
                jar.closeEntry();
              }
            }
          }
        } else {
          try (JarFile in = new JarFile(entry.toFile())) {
            for (JarEntry e : java.util.Collections.list(in.entries())) {
              if (!e.isDirectory() && !e.getName().equals("META-INF/MANIFEST.MF") && seen.add(e.getName())) {
                jar.putNextEntry(new JarEntry(e.getName()));
                in.getInputStream(e).transferTo(jar);
                jar.closeEntry();
              }
            }
          }
        }
      }
    }
    return out;
  }
}
