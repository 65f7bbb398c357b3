package org.govpulse.ingestion.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.govpulse.core.delta.RunLog;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.error.Errors;
import org.govpulse.ingestion.validate.ReferenceData;

/**
 * Ingests the new files of one source with Spark Structured Streaming: a {@code binaryFile} source over the source's
 * landing folder, {@code Trigger.AvailableNow} and a checkpoint per source, so each scheduled run takes every file
 * that landed since the last run, exactly once, and stops. Each micro-batch is handled by {@link BatchIngestion}.
 */
public final class SourceIngestion {
  /** Schema of Spark's binaryFile source (the streaming reader needs it spelled out). */
  private static final String BINARY_FILE_SCHEMA =
      "path STRING, modificationTime TIMESTAMP, length BIGINT, content BINARY";
  /** Local property Spark sets to the streaming query's id while a micro-batch runs. */
  private static final String QUERY_ID_PROPERTY = "sql.streaming.queryId";

  private final Warehouse warehouse;
  private final SourceSpec spec;
  private final String landing;
  private final Broadcast<ReferenceData> reference;
  private final String runId;
  private final int maxFilesPerBatch;

  public SourceIngestion(Warehouse warehouse, SourceSpec spec, String landing, Broadcast<ReferenceData> reference,
      String runId, int maxFilesPerBatch) {
    this.warehouse = warehouse;
    this.spec = spec;
    this.landing = landing;
    this.reference = reference;
    this.runId = runId;
    this.maxFilesPerBatch = maxFilesPerBatch;
  }

  /** Checkpoint folder of a source's stream in a warehouse. */
  public static String checkpoint(String warehouse, String source) {
    return warehouse + "/_checkpoints/ingest/" + source;
  }

  /** Runs the stream until every file available now is ingested. */
  public SourceResult execute() {
    Instant started = Instant.now();
    String folder = landing + "/" + spec.format().folder();
    if (!exists(folder)) {
      RunLog.append(warehouse, List.of(RunLog.Entry.note(runId, "ingest", spec.source(), started, "skipped",
          "no landing folder " + folder)));
      return new SourceResult(spec.source(), List.of(), "no landing folder " + folder, secondsSince(started));
    }
    List<BatchSummary> batches = Collections.synchronizedList(new ArrayList<>());
    BatchIngestion batch = new BatchIngestion(warehouse, spec, reference, runId);
    Dataset<Row> files = warehouse.spark().readStream().format("binaryFile")
        .schema(BINARY_FILE_SCHEMA)
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.csv")
        .option("maxFilesPerTrigger", maxFilesPerBatch)
        .load(folder);
    VoidFunction2<Dataset<Row>, Long> perBatch = (df, batchId) -> {
      String streamId = df.sparkSession().sparkContext().getLocalProperty(QUERY_ID_PROPERTY);
      batches.add(batch.process(df, batchId, streamId));
    };
    try {
      StreamingQuery query = files.writeStream()
          .queryName("govpulse-ingest-" + spec.source())
          .trigger(Trigger.AvailableNow())
          .option("checkpointLocation", checkpoint(warehouse.root(), spec.source()))
          .foreachBatch(perBatch)
          .start();
      query.awaitTermination();
    } catch (TimeoutException | StreamingQueryException e) {
      throw Errors.internal("Ingestion of " + spec.source() + " failed", e.getCause() != null ? e.getCause() : e);
    }
    if (batches.isEmpty()) {
      RunLog.append(warehouse, List.of(RunLog.Entry.note(runId, "ingest", spec.source(), started, "succeeded",
          "no new files")));
      return new SourceResult(spec.source(), List.of(), "no new files", secondsSince(started));
    }
    return new SourceResult(spec.source(), List.copyOf(batches), null, secondsSince(started));
  }

  private static double secondsSince(Instant start) {
    return java.time.Duration.between(start, Instant.now()).toMillis() / 1000.0;
  }

  private boolean exists(String folder) {
    try {
      Path p = new Path(folder);
      FileSystem fs = p.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration());
      return fs.exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("checking " + folder, e);
    }
  }
}
