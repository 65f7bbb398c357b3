package org.govpulse.ingestion.stream;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of ingesting one source in one run: its micro-batches (none when no new file had landed).
 *
 * @param source source name
 * @param batches one summary per micro-batch
 * @param message a remark such as "no landing folder", or null
 * @param seconds wall time spent on the source
 */
public record SourceResult(String source, List<BatchSummary> batches, String message, double seconds) {

  public long read() {
    return batches.stream().mapToLong(BatchSummary::read).sum();
  }

  public long accepted() {
    return batches.stream().mapToLong(BatchSummary::accepted).sum();
  }

  public long duplicates() {
    return batches.stream().mapToLong(BatchSummary::duplicates).sum();
  }

  public long quarantined() {
    return batches.stream().mapToLong(BatchSummary::quarantined).sum();
  }

  public int files() {
    return batches.stream().mapToInt(b -> b.files().size()).sum();
  }

  /** Quarantined records per reason over all batches. */
  public Map<String, Long> reasons() {
    Map<String, Long> out = new TreeMap<>();
    batches.forEach(b -> b.reasons().forEach((k, v) -> out.merge(k, v, Long::sum)));
    return out;
  }
}
