package org.govpulse.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.govpulse.core.delta.RunLog;

/** Runs the stages of a job one after the other, timing each and recording it in meta.runs. */
public final class StageTimer {
  /**
   * One stage's outcome.
   *
   * @param name stage name
   * @param seconds wall time
   * @param cpuSeconds CPU time of the whole process meanwhile (all threads; steadier than wall time on a shared
   *     machine)
   * @param rows rows the stage wrote
   * @param note output table, or why it was skipped
   */
  public record Stage(String name, double seconds, double cpuSeconds, long rows, String note) {}

  private final String runId;
  private final String job;
  private final List<Stage> stages = new ArrayList<>();
  private final List<RunLog.Entry> entries = new ArrayList<>();

  StageTimer(String runId, String job) {
    this.runId = runId;
    this.job = job;
  }

  /** Runs a stage that returns the number of rows it wrote. */
  long run(String name, String output, Supplier<Long> stage) {
    Instant start = Instant.now();
    double cpu = cpuSeconds();
    long rows = stage.get();
    Instant end = Instant.now();
    stages.add(new Stage(name, Duration.between(start, end).toMillis() / 1000.0, cpuSeconds() - cpu, rows, output));
    entries.add(new RunLog.Entry(runId, job, name, null, start, end, "succeeded", 0, rows, 0, 0, Map.of(),
        List.of(), Map.of(), output));
    return rows;
  }

  /** Records a stage that was skipped, with why. */
  void skip(String name, String why) {
    stages.add(new Stage(name, 0, 0, 0, "skipped: " + why));
    entries.add(RunLog.Entry.note(runId, job, name, Instant.now(), "skipped", why));
  }

  /** CPU time of this process so far, seconds. */
  static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  List<Stage> stages() {
    return List.copyOf(stages);
  }

  List<RunLog.Entry> entries() {
    return List.copyOf(entries);
  }
}
