package org.govpulse.analytics;

import java.util.List;

/**
 * The outcome of an analytics run: seconds and rows per stage.
 *
 * @param runId id in meta.runs
 * @param stages stages in the order they ran
 * @param seconds wall time
 */
public record AnalyzeResult(String runId, List<StageTimer.Stage> stages, double seconds) {

  /** Rows a stage wrote (0 when it did not run). */
  public long rows(String stage) {
    return stages.stream().filter(s -> s.name().equals(stage)).mapToLong(StageTimer.Stage::rows).sum();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format("analyze run %s (%.1f s)%n", runId, seconds));
    sb.append(String.format("%-22s %9s %9s %10s %12s  %s%n", "stage", "seconds", "cpu s", "rows", "rows/s",
        "output"));
    for (StageTimer.Stage s : stages) {
      sb.append(String.format("%-22s %9.1f %9.1f %10d %12.0f  %s%n", s.name(), s.seconds(), s.cpuSeconds(), s.rows(),
          s.seconds() > 0 ? s.rows() / s.seconds() : 0.0, s.note()));
    }
    return sb.toString().stripTrailing();
  }
}
