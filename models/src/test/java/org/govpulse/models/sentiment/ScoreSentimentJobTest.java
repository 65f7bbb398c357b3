package org.govpulse.models.sentiment;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.Col;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.ModelTables;
import org.govpulse.core.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoring job: one row per post, re-runs add nothing, a new production version replaces the scores. */
class ScoreSentimentJobTest {
  @TempDir
  Path root;

  @Test
  void scores_every_post_once_and_a_new_production_version_replaces_the_scores() {
    Warehouse warehouse = new Warehouse(TestSpark.session(), root.resolve("warehouse").toString());
    assertThatThrownBy(() -> new ScoreSentimentJob(warehouse).execute())
        .hasMessageContaining("No model named 'sentiment' is registered").hasMessageContaining("train-sentiment");
    Path data = RealTexts.copyTo(root);
    new TrainSentimentJob(warehouse, data.toString(), 0.2, SentimentTrainer.defaults(1), false).execute();
    String complaintText = "房间隔音太差了，隔壁说话听得一清二楚，一晚上没睡好";
    List<String> texts = new java.util.ArrayList<>(RealTexts.parsed().rows().stream().map(LabelledFile.Row::text)
        .filter(t -> !t.equals(complaintText)).toList());
    texts.add(0, complaintText);
    // four partitions: one model load for all of them in this (executor) JVM
    warehouse.append(PostFrames.silverPosts(warehouse.spark(), texts, "weibo", 120).repartition(4),
        IngestTables.POSTS);
    int loadsBefore = SentimentModelCache.loads();

    ScoreSentimentJob.Result first = new ScoreSentimentJob(warehouse).execute();
    assertThat(first.modelVersion()).isEqualTo("sentiment:v1");
    assertThat(first.scored()).isEqualTo(120);
    assertThat(SentimentModelCache.loads() - loadsBefore).as("model loads in this JVM").isEqualTo(1);
    List<Row> rows = warehouse.read(ModelTables.SCORED_POSTS).collectAsList();
    assertThat(rows).hasSize(120).extracting(r -> r.<String>getAs(Col.POST_ID)).doesNotHaveDuplicates();
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.<String>getAs(Col.MODEL_VERSION)).isEqualTo("sentiment:v1");
      assertThat(r.<String>getAs(Col.PREDICTED_LABEL)).isIn("negative", "neutral", "positive");
      java.util.Map<String, Double> p = r.getJavaMap(r.fieldIndex(Col.PROBABILITIES));
      assertThat(p).containsOnlyKeys("negative", "neutral", "positive");
      assertThat(r.<Double>getAs(Col.SENTIMENT)).isCloseTo(p.get("positive") - p.get("negative"),
          org.assertj.core.data.Offset.offset(1e-9));
    });
    Row complaint = warehouse.read(ModelTables.SCORED_POSTS).filter(col(Col.POST_ID).equalTo("P000001")).first();
    assertThat(complaint.<String>getAs(Col.PREDICTED_LABEL)).isEqualTo("negative");

    long version = warehouse.version(ModelTables.SCORED_POSTS).orElseThrow();
    ScoreSentimentJob.Result rerun = new ScoreSentimentJob(warehouse).execute();
    assertThat(rerun.scored()).isZero();
    assertThat(rerun.alreadyScored()).isEqualTo(120);
    assertThat(warehouse.version(ModelTables.SCORED_POSTS)).as("a re-run commits nothing").contains(version);

    warehouse.append(PostFrames.silverPosts(warehouse.spark(), texts, "forum", 10), IngestTables.POSTS);
    assertThat(new ScoreSentimentJob(warehouse).execute().scored()).as("only the new posts").isEqualTo(10);

    new TrainSentimentJob(warehouse, data.toString(), 0.2, SentimentTrainer.defaults(2), true).execute();
    ScoreSentimentJob.Result rescored = new ScoreSentimentJob(warehouse).execute();
    assertThat(rescored.modelVersion()).isEqualTo("sentiment:v2");
    assertThat(rescored.scored()).isEqualTo(130);
    assertThat(warehouse.count(ModelTables.SCORED_POSTS)).as("replaced, not duplicated").isEqualTo(130);
    assertThat(warehouse.read(ModelTables.SCORED_POSTS).filter(col(Col.MODEL_VERSION).notEqual("sentiment:v2"))
        .count()).isZero();
  }
}
