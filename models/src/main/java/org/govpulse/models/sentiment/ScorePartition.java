package org.govpulse.models.sentiment;

import static org.govpulse.core.table.Col.*;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Scores the posts of one partition with the model of the executor's {@link SentimentModelCache}, in batches of
 * {@value #BATCH} texts per Tribuo call. Input columns: channel, post_id, posted_at, region_code, topic, text,
 * language; output: the columns of gold.scored_posts in contract order.
 */
final class ScorePartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  static final int BATCH = 256;

  private final String version;
  private final Broadcast<byte[]> model;
  private final Timestamp scoredAt;

  ScorePartition(String version, Broadcast<byte[]> model, Timestamp scoredAt) {
    this.version = version;
    this.model = model;
    this.scoredAt = scoredAt;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> posts) {
    SentimentClassifier classifier = SentimentModelCache.get(version, model::value);
    return new Iterator<>() {
      private Iterator<Row> batch = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        if (!batch.hasNext() && posts.hasNext()) {
          batch = scoreBatch(classifier, posts);
        }
        return batch.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return batch.next();
      }
    };
  }

  private Iterator<Row> scoreBatch(SentimentClassifier classifier, Iterator<Row> posts) {
    List<Row> in = new ArrayList<>(BATCH);
    while (posts.hasNext() && in.size() < BATCH) {
      in.add(posts.next());
    }
    List<SentimentClassifier.Scored> scores = classifier.scoreAll(in.stream().map(r -> r.<String>getAs(TEXT))
        .toList());
    List<Row> out = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      Row r = in.get(i);
      SentimentClassifier.Scored s = scores.get(i);
      out.add(RowFactory.create(r.getAs(CHANNEL), r.getAs(POST_ID), r.getAs(POSTED_AT), r.getAs(REGION_CODE),
          r.getAs(TOPIC), r.getAs(LANGUAGE), s.label(), CollectionConverters.asScala(s.probabilities()),
          s.sentiment(), version, scoredAt));
    }
    return out.iterator();
  }
}
