package org.govpulse.ingestion.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.govpulse.core.table.Col.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
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
    describe("bronze " + spec.source() + " batch " + batchId);
    BronzeRecords.BatchContext ctx = new BronzeRecords.BatchContext(streamId, batchId, Timestamp.from(started));
    Dataset<Row> bronzeRows = files.select(col("path"), col("content"))
        .flatMap(new ReadFiles(format, ctx), Encoders.row(bronze.schema()));
    warehouse.appendOnce(bronzeRows, bronze, app + "/bronze", batchId);

    Dataset<Row> batchBronze = warehouse.read(bronze)
        .filter(col(STREAM_ID).equalTo(streamId).and(col(BATCH_ID).equalTo(batchId)));
    describe("validate " + spec.source() + " batch " + batchId);
    Dataset<Row> validated = Validation.apply(batchBronze, spec.validator(), reference);
    boolean collides = warehouse.exists(spec.writer().table());
    if (collides) {
      // read twice below (date range, then classification): keep the validated batch instead of re-reading files
      validated = validated.persist(StorageLevel.MEMORY_AND_DISK());
    }
    Dataset<Row> classified = Deduplication.classify(validated,
            collides ? existingSilver(validated, batchId) : null, spec.dedupe())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<Row> counts = classified.groupBy(col(SOURCE_FILE), col(STATUS), col(REASON)).count().collectAsList();
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
      classified.unpersist();
      validated.unpersist();
    }
  }

  /**
   * Silver rows this batch may collide with. Rows this very batch wrote in an earlier, interrupted attempt are left
   * out, so that a re-executed batch classifies its records exactly as the first attempt did.
   */
  private Dataset<Row> existingSilver(Dataset<Row> validated, long batchId) {
    TableContract silver = spec.writer().table();
    Dataset<Row> existing = warehouse.read(silver);
    Timestamp firstAttempt = validated.select(INGESTED_AT).limit(1).as(Encoders.TIMESTAMP()).first();
    existing = existing.filter(col(BATCH_ID).notEqual(batchId).or(col(INGESTED_AT).notEqual(lit(firstAttempt))));
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

  /** Reads landing files into bronze rows (runs on executors, one file at a time). */
  private static final class ReadFiles implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final LandingFormat format;
    private final BronzeRecords.BatchContext ctx;

    ReadFiles(LandingFormat format, BronzeRecords.BatchContext ctx) {
      this.format = format;
      this.ctx = ctx;
    }

    @Override
    public Iterator<Row> call(Row file) {
      return BronzeRecords.read(format, file.getString(0), (byte[]) file.get(1), ctx);
    }
  }
}
