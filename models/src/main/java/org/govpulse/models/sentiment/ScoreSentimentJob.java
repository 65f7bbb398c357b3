package org.govpulse.models.sentiment;

import static org.apache.spark.sql.functions.col;
import static org.govpulse.core.table.Col.*;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.govpulse.core.cli.JobMain;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.spark.Columns;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.ModelTables;
import org.govpulse.models.registry.ModelRegistry;
import org.govpulse.models.registry.RegisteredModel;

/**
 * {@code models score-sentiment}: applies the production sentiment model to every post of silver.posts that this
 * model version has not scored yet and merges the scores into gold.scored_posts (one row per post, keyed by
 * channel and post id). The serialised model is broadcast once and deserialised once per executor JVM
 * ({@link SentimentModelCache}). A re-run finds nothing new and writes nothing; after a promotion the new version
 * rescores every post and replaces the old scores in the same MERGE.
 *
 * <p>spark-submit: {@code --class org.govpulse.models.sentiment.ScoreSentimentJob app.jar [--config FILE]}.
 */
public final class ScoreSentimentJob {
  private final Warehouse warehouse;

  public ScoreSentimentJob(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** The model version used, posts scored now, posts it had scored before, and seconds. */
  public record Result(String modelVersion, long scored, long alreadyScored, double seconds) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "sentiment scoring with %s: %d posts scored, %d already scored by it, "
          + "%.1f s", modelVersion, scored, alreadyScored, seconds);
    }
  }

  public static void main(String[] args) {
    JobMain.main("score-sentiment", "Score new posts with the production sentiment model into gold.scored_posts.",
        args, (config, spark) -> new ScoreSentimentJob(new Warehouse(spark, config.warehouse())).execute());
  }

  public Result execute() {
    Instant start = Instant.now();
    warehouse.spark().sparkContext().setJobDescription("govpulse models score-sentiment: select new posts");
    RegisteredModel m = ModelRegistry.requireKind(new ModelRegistry(warehouse)
        .requireProduction(TrainSentimentJob.MODEL_NAME), SentimentClassifier.KIND);
    Dataset<Row> posts = warehouse.read(IngestTables.POSTS);
    Dataset<Row> done = warehouse.readOrEmpty(ModelTables.SCORED_POSTS)
        .filter(col(MODEL_VERSION).equalTo(m.id())).select(CHANNEL, POST_ID);
    long alreadyScored = done.count();
    Dataset<Row> todo = posts.join(done, Columns.seq(CHANNEL, POST_ID), "left_anti");
    byte[] bytes = new ModelRegistry(warehouse).artifactBytes(m);
    Broadcast<byte[]> model = JavaSparkContext.fromSparkContext(warehouse.spark().sparkContext()).broadcast(bytes);
    Dataset<Row> scored = score(todo, m.id(), model, Timestamp.from(Instant.now()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      warehouse.spark().sparkContext().setJobDescription("govpulse models score-sentiment: score with " + m.id());
      long n = scored.count();
      if (n > 0) {
        warehouse.spark().sparkContext().setJobDescription("govpulse models score-sentiment: merge");
        warehouse.ensure(ModelTables.SCORED_POSTS);
        warehouse.delta(ModelTables.SCORED_POSTS).as("t")
            .merge(scored.as("s"), "t." + CHANNEL + " = s." + CHANNEL + " AND t." + POST_ID + " = s." + POST_ID)
            .whenMatched().updateAll()
            .whenNotMatched().insertAll()
            .execute();
      }
      return new Result(m.id(), n, alreadyScored, Duration.between(start, Instant.now()).toMillis() / 1000.0);
    } finally {
      scored.unpersist();
      model.destroy();
    }
  }

  /**
   * The scores of posts (columns of silver.posts, at least channel, post_id, posted_at, region_code, topic, text,
   * language) as rows of gold.scored_posts: a pure transform, no write.
   */
  public static Dataset<Row> score(Dataset<Row> posts, String version, Broadcast<byte[]> model, Timestamp at) {
    return posts.select(CHANNEL, POST_ID, POSTED_AT, REGION_CODE, TOPIC, TEXT, LANGUAGE)
        .mapPartitions(new ScorePartition(version, model, at), Encoders.row(ModelTables.SCORED_POSTS.schema()));
  }
}
