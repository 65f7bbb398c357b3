package org.govpulse.core.delta;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.govpulse.core.table.IngestTables;

/** Writes rows of the meta.runs table. */
public final class RunLog {
  private RunLog() {}

  /**
   * One row of meta.runs.
   *
   * @param runId run id
   * @param job job name
   * @param source source or stage
   * @param batchId micro-batch, or null
   * @param started start time
   * @param ended end time
   * @param outcome succeeded, failed or skipped
   * @param read records read
   * @param accepted records accepted
   * @param quarantined records quarantined
   * @param duplicates duplicates dropped
   * @param reasons quarantined per reason
   * @param inputs input files or tables
   * @param outputs output table to Delta version
   * @param message remark or error
   */
  public record Entry(String runId, String job, String source, Long batchId, Instant started, Instant ended,
      String outcome, long read, long accepted, long quarantined, long duplicates, Map<String, Long> reasons,
      List<String> inputs, Map<String, Long> outputs, String message) {

    /** An entry for a step that read and wrote no records. */
    public static Entry note(String runId, String job, String source, Instant started, String outcome,
        String message) {
      return new Entry(runId, job, source, null, started, Instant.now(), outcome, 0, 0, 0, 0, Map.of(), List.of(),
          Map.of(), message);
    }

    Row toRow() {
      return RowFactory.create(runId, job, source, batchId, Timestamp.from(started), Timestamp.from(ended), outcome,
          read, accepted, quarantined, duplicates, reasons, inputs, outputs, message);
    }
  }

  /** Appends entries in one commit. */
  public static void append(Warehouse warehouse, List<Entry> entries) {
    if (!entries.isEmpty()) {
      warehouse.append(frame(warehouse, entries), IngestTables.RUNS);
    }
  }

  /** Appends an entry once per (appId, version), for writes inside a micro-batch. */
  public static void appendOnce(Warehouse warehouse, Entry entry, String appId, long version) {
    warehouse.appendOnce(frame(warehouse, List.of(entry)), IngestTables.RUNS, appId, version);
  }

  private static Dataset<Row> frame(Warehouse warehouse, List<Entry> entries) {
    return warehouse.spark().createDataFrame(entries.stream().map(Entry::toRow).toList(), IngestTables.RUNS.schema());
  }
}
