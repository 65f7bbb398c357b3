package org.govpulse.ingestion.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.govpulse.core.table.Col.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
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
import org.govpulse.ingestion.validate.Validation;

/**
 * Processes one micro-batch of landing files of one source: bronze, then validation and de-duplication, then silver
 * and quarantine, then the run log. Every write carries the stream's id and the batch id as a Delta transaction
 * token, so a batch that is executed again after a crash writes nothing twice.
 */
public final class BatchIngestion {
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
    describe("read and validate " + spec.source() + " batch " + batchId);
    Dataset<Row> parsed = files.select(col("path"), col("content"))
        .flatMap(new ParsedBatch(format, spec.validator(), reference, ctx),
            Encoders.row(ParsedBatch.schema(bronze, spec.validator().silver())))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> classified = null;
    try {
      describe("bronze " + spec.source() + " batch " + batchId);
      warehouse.appendOnce(parsed.select(Arrays.stream(bronze.columnNames())
          .map(c -> col(ParsedBatch.BRONZE_PREFIX + c).as(c)).toArray(Column[]::new)), bronze, app + "/bronze", batchId);
      Dataset<Row> validated = parsed.select(Arrays.stream(Validation.schema(spec.validator().silver()).fieldNames())
          .map(c -> col(c)).toArray(Column[]::new));
      Dataset<Row> existing = warehouse.exists(silver) ? existingSilver(validated, ingestedAt, batchId) : null;
      // Classifying joins the batch with the silver rows it may duplicate; cached so that the counts, the silver
      // write and the quarantine write do not repeat that join. The count fills the cache, after which the parsed
      // records are no longer needed.
      classified = Deduplication.classify(validated, existing, spec.dedupe()).persist(StorageLevel.MEMORY_AND_DISK());
      describe("count " + spec.source() + " batch " + batchId);
      List<Row> counts = classified.groupBy(col(SOURCE_FILE), col(STATUS), col(REASON)).count().collectAsList();
      parsed.unpersist();
      describe("silver " + spec.source() + " batch " + batchId);
      spec.writer().write(warehouse, classified.filter(col(STATUS).equalTo(Deduplication.ACCEPTED)),
          app + "/silver", batchId);
      describe("quarantine " + spec.source() + " batch " + batchId);
      warehouse.appendOnce(quarantineRows(classified.filter(col(STATUS).equalTo(Deduplication.QUARANTINED))),
          IngestTables.QUARANTINE, app + "/quarantine", batchId);
      BatchSummary summary = summarise(batchId, counts);
      RunLog.appendOnce(warehouse, new RunLog.Entry(runId, "ingest", summary.source(), batchId, started,
          Instant.now(), "succeeded", summary.read(), summary.accepted(), summary.quarantined(), summary.duplicates(),
          summary.reasons(), summary.files(), Map.of(), null), app + "/runs", batchId);
      return summary;
    } finally {
      parsed.unpersist();
      if (classified != null) {
        classified.unpersist();
      }
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

  private BatchSummary summarise(long batchId, List<Row> counts) {
    long accepted = 0;
    long duplicates = 0;
    long quarantined = 0;
    Map<String, Long> reasons = new TreeMap<>();
    TreeSet<String> files = new TreeSet<>();
    for (Row r : counts) {
      files.add(r.getString(0));
      long n = r.getLong(3);
      switch (r.getString(1)) {
        case Deduplication.ACCEPTED -> accepted += n;
        case Deduplication.DUPLICATE -> duplicates += n;
        default -> {
          quarantined += n;
          reasons.merge(r.getString(2), n, Long::sum);
        }
      }
    }
    return new BatchSummary(spec.source(), batchId, new ArrayList<>(files), accepted + duplicates + quarantined,
        accepted, duplicates, quarantined, reasons);
  }

  private void describe(String what) {
    warehouse.spark().sparkContext().setJobDescription("govpulse ingest: " + what);
  }
}
