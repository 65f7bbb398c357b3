package org.govpulse.ingestion.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.govpulse.core.table.Col.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.govpulse.core.delta.RunLog;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.TableContract;
import org.govpulse.ingestion.landing.BronzeRecords;
import org.govpulse.ingestion.landing.LandingFormat;
import org.govpulse.ingestion.landing.ParsedBatch;
import org.govpulse.ingestion.validate.ReferenceData;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Processes one micro-batch of landing files of one source: bronze, then validation and de-duplication, then silver
 * and quarantine, then the run log. Every write carries the stream's id and the batch id as a Delta transaction
 * token, so a batch that is executed again after a crash writes nothing twice.
 */
public final class BatchIngestion {
  /** Up to this many rows whose key repeats within a batch are sent to every task instead of shuffled. */
  private static final long BROADCAST_REPEATED_ROWS = 500_000;

  private final Warehouse warehouse;
  private final SourceSpec spec;
  private final Broadcast<ReferenceData> reference;
  private final String runId;

  public BatchIngestion(Warehouse warehouse, SourceSpec spec, Broadcast<ReferenceData> reference, String runId) {
    this.warehouse = warehouse;
    this.spec = spec;
    this.reference = reference;
    this.runId = runId;
  }

  /**
   * Ingests the files of a batch.
   *
   * @param files rows of the binaryFile source: path and content
   * @param batchId micro-batch id
   * @param streamId id of the streaming query (stable across restarts from one checkpoint)
   */
  public BatchSummary process(Dataset<Row> files, long batchId, String streamId) {
    Instant started = Instant.now();
    String app = "govpulse/" + spec.source() + "/" + streamId;
    LandingFormat format = spec.format();
    TableContract bronze = format.bronze();
    TableContract silver = spec.writer().table();
    Timestamp ingestedAt = firstAttempt(bronze, streamId, batchId).orElse(Timestamp.from(started));
    BronzeRecords.BatchContext ctx = new BronzeRecords.BatchContext(streamId, batchId, ingestedAt);
    // The parsed rows are not cached: each pass below parses the batch's files again, which costs less than
    // materialising them (measured in docs/operations.md "Ingestion throughput"). Parsing is a function of the
    // file bytes and the batch context, so every pass sees the same records.
    Dataset<Row> content = files.select(col("path"), col("content"));
    ParsedBatch bronzePass = ParsedBatch.bronze(format, ctx);
    describe("bronze " + spec.source() + " batch " + batchId);
    warehouse.appendOnce(content.flatMap(bronzePass, Encoders.row(bronzePass.schema())), bronze, app + "/bronze",
        batchId);
    ParsedBatch validatedPass = ParsedBatch.validated(format, spec.validator(), reference, ctx);
    Dataset<Row> validated = content.flatMap(validatedPass, Encoders.row(validatedPass.schema()));
    Dataset<Row> existing = warehouse.exists(silver) ? existingSilver(validated, ingestedAt, batchId) : null;
    describe("repeated keys " + spec.source() + " batch " + batchId);
    Dataset<Row> repeated = Deduplication.rankRepeated(validated, spec.dedupe())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long repeatedRows = repeated.count();
      return write(validated, repeated, repeatedRows <= BROADCAST_REPEATED_ROWS, existing, batchId, app, started);
    } finally {
      repeated.unpersist();
    }
  }

  private BatchSummary write(Dataset<Row> validated, Dataset<Row> repeated, boolean broadcastRepeated,
      Dataset<Row> existing, long batchId, String app, Instant started) {
    Dataset<Row> classified = Deduplication.classify(validated, repeated, broadcastRepeated, existing, spec.dedupe());
    // The counts are observed while silver is written. A batch re-executed after a crash may find its silver
    // write already committed, in which case the write runs no query and the counts are aggregated instead.
    Observation observed = new Observation("govpulse-ingest-" + spec.source() + "-" + batchId);
    describe("silver " + spec.source() + " batch " + batchId);
    spec.writer().write(warehouse, BatchCounts.observe(classified, observed)
        .filter(col(STATUS).equalTo(Deduplication.ACCEPTED)), app + "/silver", batchId);
    Map<String, Object> counts = observedCounts(observed);
    BatchSummary summary;
    if (counts.isEmpty()) {
      describe("count " + spec.source() + " batch " + batchId);
      summary = BatchCounts.aggregate(classified, spec.source(), batchId);
    } else {
      summary = BatchCounts.summary(counts, spec.source(), batchId);
    }
    describe("quarantine " + spec.source() + " batch " + batchId);
    warehouse.appendOnce(quarantineRows(classified.filter(col(STATUS).equalTo(Deduplication.QUARANTINED))),
        IngestTables.QUARANTINE, app + "/quarantine", batchId);
    RunLog.appendOnce(warehouse, new RunLog.Entry(runId, "ingest", summary.source(), batchId, started,
        Instant.now(), "succeeded", summary.read(), summary.accepted(), summary.quarantined(), summary.duplicates(),
        summary.reasons(), summary.files(), Map.of(), null), app + "/runs", batchId);
    return summary;
  }

  /** The observed metrics, or an empty map when the observed query did not run. */
  private static Map<String, Object> observedCounts(Observation observed) {
    try {
      return CollectionConverters.asJava(observed.getOrEmpty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the batch counts", e);
    }
  }

  /**
   * When this batch was first attempted, if an earlier attempt already wrote its bronze rows: a re-executed batch
   * keeps the ingestion time of its first attempt, so that its records validate and classify exactly as before.
   */
  private Optional<Timestamp> firstAttempt(TableContract bronze, String streamId, long batchId) {
    if (!warehouse.exists(bronze)) {
      return Optional.empty();
    }
    List<Row> rows = warehouse.read(bronze)
        .filter(col(STREAM_ID).equalTo(streamId).and(col(BATCH_ID).equalTo(batchId)))
        .select(INGESTED_AT).limit(1).collectAsList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0).getTimestamp(0));
  }

  /**
   * Silver rows this batch may collide with. Rows this very batch wrote in an earlier, interrupted attempt are left
   * out, so that a re-executed batch classifies its records exactly as the first attempt did.
   */
  private Dataset<Row> existingSilver(Dataset<Row> validated, Timestamp attempt, long batchId) {
    Dataset<Row> existing = warehouse.read(spec.writer().table())
        .filter(col(BATCH_ID).notEqual(batchId).or(col(INGESTED_AT).notEqual(lit(attempt))));
    String pruneColumn = spec.dedupe().pruneDate();
    if (pruneColumn != null) {
      Row range = validated.agg(min(col(pruneColumn)), max(col(pruneColumn))).first();
      if (range.isNullAt(0)) {
        return null;
      }
      existing = existing.filter(col(pruneColumn).between(range.get(0), range.get(1)));
    }
    return existing;
  }

  private Dataset<Row> quarantineRows(Dataset<Row> rejected) {
    return rejected.select(
        lit(spec.source()).as(SOURCE), col(SOURCE_FILE), col(LINE_NO), col(RAW_RECORD), col(REASON),
        col(DETAIL), col(BATCH_ID), col(INGESTED_AT));
  }

  private void describe(String what) {
    warehouse.spark().sparkContext().setJobDescription("govpulse ingest: " + what);
  }
}
