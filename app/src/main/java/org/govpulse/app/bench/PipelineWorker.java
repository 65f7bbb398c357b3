package org.govpulse.app.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.govpulse.analytics.AnalyzeResult;
import org.govpulse.app.GenerateCommand;
import org.govpulse.app.PipelineStage;
import org.govpulse.core.config.ConfigLoader;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.spark.SparkSessions;
import org.govpulse.ingestion.IngestResult;
import org.govpulse.ingestion.landing.LandingFormats;
import org.govpulse.ingestion.samplecity.SampleCityResult;
import org.govpulse.models.pipeline.ForecastRunJob;
import org.govpulse.models.sentiment.TrainSentimentJob;

/**
 * One step of the pipeline benchmark in its own JVM: {@code generate}, one {@link PipelineStage}, or the daily-means
 * reference ({@code duckdb} or {@code spark-reference}). Prints the step's own summary, then one line
 * {@code pipeline-step seconds=... cpu=... setup=... peak_rss_mb=...} followed by the input sizes the step can tell
 * (sensor readings, report rows and posts accepted by ingest, labelled posts, forecast series, ...).
 *
 * <p>Arguments: {@code STEP CITY_DIR WAREHOUSE MASTER SHUFFLE_PARTITIONS SEED SCALE}; the landing area is
 * {@code CITY_DIR/landing}.
 */
public final class PipelineWorker {
  /** First word of the result line. */
  static final String MARKER = "pipeline-step";

  private PipelineWorker() {}

  public static void main(String[] args) throws Exception {
    String step = args[0];
    Path city = Path.of(args[1]);
    GovPulseConfig config = new ConfigLoader().environment(Map.of()).home(city)
        .flag(Setting.LANDING, city.resolve("landing").toString())
        .flag(Setting.WAREHOUSE, args[2])
        .flag(Setting.SPARK_MASTER, args[3])
        .flag(Setting.SPARK_SHUFFLE_PARTITIONS, args[4])
        .load();
    Map<String, Object> out = new LinkedHashMap<>();
    switch (step) {
      case "generate" -> timed(out, () -> {
        SampleCityResult r = GenerateCommand.generate(city, Long.parseLong(args[5]), Double.parseDouble(args[6]));
        System.out.println(GenerateCommand.summary(r));
        return r;
      });
      case "duckdb" -> timed(out, () -> LandingDailyMeans.duckdb(city.resolve("landing")));
      case "spark-reference" -> withSpark(config, out, spark -> LandingDailyMeans.spark(spark,
          city.resolve("landing")));
      default -> {
        PipelineStage stage = PipelineStage.of(step);
        withSpark(config, out, spark -> {
          Object result = stage.run(new Warehouse(spark, config.warehouse()), config);
          System.out.println(result);
          return result;
        });
      }
    }
    StringBuilder line = new StringBuilder(MARKER);
    out.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    line.append(String.format(Locale.ROOT, " load=%.2f",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    System.out.println(line.append(" peak_rss_mb=").append(BenchWorker.peakRssMb()));
  }

  /** Body of a step; returns the job's result. */
  private interface Step {
    Object run() throws Exception;
  }

  /** A Spark step: the session start is reported as setup, apart from the step's own time. */
  private interface SparkStep {
    Object run(SparkSession spark) throws Exception;
  }

  private static void withSpark(GovPulseConfig config, Map<String, Object> out, SparkStep body) throws Exception {
    long t0 = System.nanoTime();
    SparkSession spark = SparkSessions.create(config, "govpulse-bench-pipeline");
    try {
      out.put("setup", seconds(System.nanoTime() - t0));
      timed(out, () -> body.run(spark));
    } finally {
      spark.stop();
    }
  }

  private static void timed(Map<String, Object> out, Step body) throws Exception {
    double cpu0 = cpuSeconds();
    long t0 = System.nanoTime();
    Object result = body.run();
    out.put("seconds", seconds(System.nanoTime() - t0));
    out.put("cpu", String.format(Locale.ROOT, "%.2f", cpuSeconds() - cpu0));
    out.putAll(sizes(result));
  }

  /** The input sizes a step's result tells, by name (the names of {@link PipelineReport#SIZES}). */
  static Map<String, Long> sizes(Object result) {
    Map<String, Long> m = new LinkedHashMap<>();
    if (result instanceof SampleCityResult r) {
      m.put(PipelineReport.LANDING_RECORDS, r.recordsBySource().values().stream().mapToLong(Long::longValue).sum());
    } else if (result instanceof IngestResult r) {
      m.put(PipelineReport.READINGS, r.source(LandingFormats.SENSORS_SOURCE).accepted());
      m.put(PipelineReport.REPORT_ROWS, r.source(LandingFormats.REPORTS_SOURCE).accepted());
      m.put(PipelineReport.POSTS, r.source(LandingFormats.POSTS_SOURCE).accepted());
    } else if (result instanceof TrainSentimentJob.Result r) {
      m.put(PipelineReport.LABELLED_POSTS, (long) r.file().rows().size());
    } else if (result instanceof ForecastRunJob.Result r) {
      m.put(PipelineReport.SERIES, (long) r.forecast().series());
    } else if (result instanceof AnalyzeResult r) {
      r.stages().stream().filter(s -> s.name().equals("air_quality")).findFirst()
          .ifPresent(s -> m.put(PipelineReport.AIR_QUALITY_MS, Math.round(s.seconds() * 1000)));
    } else if (result instanceof LandingDailyMeans.Counts c) {
      m.put(PipelineReport.STATION_DAYS, c.stationDays());
      m.put(PipelineReport.REFERENCE_READINGS, c.readings());
    }
    return m;
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
  }

  /** CPU time of this process so far (all threads, GC and JIT included). */
  private static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }
}
