package org.govpulse.ingestion;

import java.util.List;
import org.govpulse.ingestion.reference.ReferenceLoader;
import org.govpulse.ingestion.stream.SourceResult;

/**
 * The outcome of one ingestion run: reference files and, per source, records read, accepted, dropped as duplicates
 * and quarantined (per reason). {@link #toString()} is the run summary printed by the CLI.
 *
 * @param runId id of the run in meta.runs
 * @param reference what happened to each reference file
 * @param sources one result per streamed source
 * @param seconds wall time of the run
 */
public record IngestResult(String runId, List<ReferenceLoader.FileResult> reference, List<SourceResult> sources,
    double seconds) {

  /** The result of one source. */
  public SourceResult source(String name) {
    return sources.stream().filter(s -> s.source().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no source " + name));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("ingest run %s (%.1f s)%n", runId, seconds));
    sb.append("reference files:\n");
    for (ReferenceLoader.FileResult f : reference) {
      sb.append(String.format("  %-26s %-9s %7d rows%s%n", f.file(), f.status(), f.rows(),
          f.rejected() > 0 ? ", " + f.rejected() + " quarantined " + f.reasons() : ""));
    }
    sb.append(String.format("%-8s %6s %10s %10s %10s %11s %7s  %s%n", "source", "files", "read", "accepted",
        "duplicate", "quarantined", "seconds", "reasons"));
    for (SourceResult s : sources) {
      sb.append(String.format("%-8s %6d %10d %10d %10d %11d %7.1f  %s%n", s.source(), s.files(), s.read(),
          s.accepted(), s.duplicates(), s.quarantined(), s.seconds(),
          s.message() != null ? s.message() : s.reasons()));
    }
    return sb.toString().stripTrailing();
  }
}
