package org.govpulse.ingestion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.govpulse.core.cli.JobMain;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.delta.RunLog;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.error.Errors;
import org.govpulse.ingestion.reference.ReferenceLoader;
import org.govpulse.ingestion.stream.SourceIngestion;
import org.govpulse.ingestion.stream.SourceResult;
import org.govpulse.ingestion.stream.SourceSpec;
import org.govpulse.ingestion.validate.ReferenceData;

/**
 * The ingestion job: loads changed reference files, then ingests the new files of every source (reports, sensors,
 * posts, surveys) into bronze, silver and quarantine. Safe to re-run at any time: files already ingested are not
 * read again, and a run that died half-way is completed without duplicates.
 */
public final class IngestJob {
  /** The job's name in meta.runs and its lock. */
  public static final String NAME = "ingest";

  private final Warehouse warehouse;
  private final GovPulseConfig config;
  private final String runId;

  public IngestJob(Warehouse warehouse, GovPulseConfig config) {
    this(warehouse, config, UUID.randomUUID().toString());
  }

  /** An ingestion whose meta.runs rows carry the given run id (that of its {@code JobRun}). */
  public IngestJob(Warehouse warehouse, GovPulseConfig config, String runId) {
    this.warehouse = warehouse;
    this.config = config;
    this.runId = runId;
  }

  /** What a run reads besides the warehouse, for meta.runs. */
  public static List<String> inputs(GovPulseConfig config) {
    return List.of("landing " + config.landing());
  }

  /** Runs the ingestion. */
  public IngestResult execute() {
    Instant started = Instant.now();
    String landing = config.landing();
    ReferenceLoader.Result reference = new ReferenceLoader(warehouse, landing).execute();
    ReferenceData ref = reference.reference();
    if (ref.regions().isEmpty() || ref.indicators().isEmpty()) {
      throw Errors.invalidInput("No reference data to validate against in " + landing + "/reference",
          "regions.csv and indicators.csv are missing or every record of them was rejected",
          "Put the reference files in the landing area (docs/landing-formats.md) or generate the sample city with "
              + "`./govpulse generate --out DIR`");
    }
    List<RunLog.Entry> entries = new ArrayList<>();
    for (ReferenceLoader.FileResult f : reference.files()) {
      boolean loaded = f.status().equals("loaded");
      entries.add(new RunLog.Entry(runId, NAME, "reference/" + f.file(), null, started, Instant.now(),
          "succeeded", loaded ? f.rows() + f.rejected() : 0, loaded ? f.rows() : 0, f.rejected(), 0, f.reasons(),
          List.of(f.file()), Map.of(), f.status()));
    }
    RunLog.append(warehouse, entries);
    Broadcast<ReferenceData> shared = JavaSparkContext.fromSparkContext(warehouse.spark().sparkContext()).broadcast(ref);
    List<SourceResult> results = new ArrayList<>();
    for (SourceSpec spec : SourceSpec.all()) {
      results.add(new SourceIngestion(warehouse, spec, landing, shared, runId,
          config.getInt(Setting.INGEST_MAX_FILES_PER_BATCH)).execute());
    }
    shared.destroy();
    double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
    return new IngestResult(runId, reference.files(), results, seconds);
  }

  /** Entry point for spark-submit: {@code --class org.govpulse.ingestion.IngestJob}. */
  public static void main(String[] argv) {
    JobMain.main(NAME, "Ingest new landing files into the bronze, silver and quarantine Delta tables.", argv,
        IngestJob::inputs, (c, spark, runId) -> new IngestJob(new Warehouse(spark, c.warehouse()), c, runId).execute());
  }
}
