package org.govpulse.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.govpulse.core.delta.RunLog;

/** Runs the stages of a job one after the other, timing each and recording it in meta.runs. */
final class StageTimer {
  /** One stage's outcome. */
  record Stage(String name, double seconds, long rows, String note) {}

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
    long rows = stage.get();
    Instant end = Instant.now();
    stages.add(new Stage(name, Duration.between(start, end).toMillis() / 1000.0, rows, output));
    entries.add(new RunLog.Entry(runId, job, name, null, start, end, "succeeded", 0, rows, 0, 0, Map.of(),
        List.of(), Map.of(), output));
    return rows;
  }

  /** Records a stage that was skipped, with why. */
  void skip(String name, String why) {
    stages.add(new Stage(name, 0, 0, "skipped: " + why));
    entries.add(RunLog.Entry.note(runId, job, name, Instant.now(), "skipped", why));
  }

  List<Stage> stages() {
    return List.copyOf(stages);
  }

  List<RunLog.Entry> entries() {
    return List.copyOf(entries);
  }
}
