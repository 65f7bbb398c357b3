package org.govpulse.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.govpulse.core.config.ConfigLoader;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.spark.SparkSessions;
import org.govpulse.core.table.IngestTables;
import org.govpulse.ingestion.samplecity.SampleCityGenerator;
import org.govpulse.ingestion.samplecity.SampleCityResult;
import org.govpulse.ingestion.samplecity.SampleCitySpec;
import org.govpulse.models.registry.ModelRegistry;
import org.govpulse.models.registry.RegisteredModel;
import org.govpulse.models.sentiment.LabelledFile;
import org.govpulse.models.sentiment.PostFrames;
import org.govpulse.models.sentiment.ScoreSentimentJob;
import org.govpulse.models.sentiment.SentimentClassifier;
import org.govpulse.models.sentiment.SentimentModelCache;
import org.govpulse.models.sentiment.SentimentTrainer;
import org.govpulse.models.sentiment.TrainSentimentJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code govpulse bench sentiment}: posts scored per second by the Spark scoring job ({@link ScoreSentimentJob}:
 * read silver.posts, skip what is scored, score, MERGE into gold.scored_posts) on N posts, against two references
 * measured in the same run on the same texts and model: the Spark scoring alone (no Delta read or write) and the
 * model applied in a plain single-threaded Java loop. Medians of several runs.
 */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
    description = "Benchmark sentiment scoring (Spark job vs the same model in a plain Java loop).")
public final class SentimentBenchmark implements Callable<Integer> {
  @Option(names = "--posts", defaultValue = "200000", description = "Posts to score (default ${DEFAULT-VALUE}).")
  int posts;

  @Option(names = "--runs", defaultValue = "3", description = "Runs; medians are reported (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--dir", description = "Work folder (default: a temporary folder, deleted afterwards).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
    Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("govpulse-bench-sentiment-");
    try {
      SampleCityResult city = new SampleCityGenerator(SampleCitySpec.defaults().withSensorMonths(1))
          .generate(work.resolve("city"));
      Path labelled = city.training().resolve("sentiment_labelled.csv");
      List<String> texts = LabelledFile.parse(labelled.toString(), Files.readAllBytes(labelled)).rows().stream()
          .map(LabelledFile.Row::text).toList();
      GovPulseConfig config = new ConfigLoader().home(work).environment(java.util.Map.of())
          .flag(Setting.SPARK_MASTER, "local[2]").flag(Setting.SPARK_SHUFFLE_PARTITIONS, "4")
          .flag(Setting.WAREHOUSE, work.resolve("warehouse-0").toString()).load();
      SparkSession spark = SparkSessions.create(config, "govpulse-bench-sentiment");
      try {
        System.out.printf(Locale.ROOT, "%,d posts cycling over the %,d labelled texts of the sample city; model "
            + "trained on them; local[2] on this machine%n", posts, texts.size());
        double[] job = new double[runs];
        double[] sparkOnly = new double[runs];
        double[] loop = new double[runs];
        for (int r = 0; r < runs; r++) {
          Warehouse w = new Warehouse(spark, work.resolve("warehouse-" + r).toString());
          w.append(PostFrames.silverPosts(spark, texts, "weibo", posts), IngestTables.POSTS);
          new TrainSentimentJob(w, labelled.toString(), 0.2, SentimentTrainer.defaults(42), true).execute();
          RegisteredModel m = new ModelRegistry(w).requireProduction(TrainSentimentJob.MODEL_NAME);
          byte[] bytes = new ModelRegistry(w).artifactBytes(m);
          int loads = SentimentModelCache.loads();

          long t0 = System.nanoTime();
          ScoreSentimentJob.Result result = new ScoreSentimentJob(w).execute();
          job[r] = (System.nanoTime() - t0) / 1e9;

          Broadcast<byte[]> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
          long t1 = System.nanoTime();
          long n = ScoreSentimentJob.score(w.read(IngestTables.POSTS), m.id() + "-bench", b,
              Timestamp.from(Instant.now())).count();
          sparkOnly[r] = (System.nanoTime() - t1) / 1e9;
          b.destroy();

          SentimentClassifier c = SentimentClassifier.wrap(ModelRegistry.fromBytes(bytes, m.id()), m.id());
          long t2 = System.nanoTime();
          long scored = 0;
          for (int i = 0; i < posts; i += 256) {
            List<String> batch = new ArrayList<>(256);
            for (int k = i; k < Math.min(posts, i + 256); k++) {
              batch.add(texts.get(k % texts.size()));
            }
            scored += c.scoreAll(batch).size();
          }
          loop[r] = (System.nanoTime() - t2) / 1e9;
          System.out.printf(Locale.ROOT, "  run %d: job %.2f s (%d scored, %d model loads), spark scoring only "
                  + "%.2f s (%d), java loop %.2f s (%d)%n", r + 1, job[r], result.scored(),
              SentimentModelCache.loads() - loads, sparkOnly[r], n, loop[r], scored);
        }
        double mj = median(job);
        double ms = median(sparkOnly);
        double ml = median(loop);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %10s %14s%n", "", "seconds", "posts/s");
        System.out.printf(Locale.ROOT, "%-44s %10.2f %14.0f%n", "spark job (read, anti-join, score, MERGE)", mj,
            posts / mj);
        System.out.printf(Locale.ROOT, "%-44s %10.2f %14.0f%n", "spark scoring only (read, score, count)", ms,
            posts / ms);
        System.out.printf(Locale.ROOT, "%-44s %10.2f %14.0f%n", "java loop, 1 thread, batches of 256", ml,
            posts / ml);
        System.out.printf(Locale.ROOT, "spark job / java loop = %.2fx the time; scoring only / java loop = %.2fx "
            + "(median of %d runs, %,d posts, 2 cores)%n", mj / ml, ms / ml, runs, posts);
      } finally {
        spark.stop();
      }
      return 0;
    } finally {
      if (dir == null) {
        IngestBenchmark.delete(work);
      }
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
