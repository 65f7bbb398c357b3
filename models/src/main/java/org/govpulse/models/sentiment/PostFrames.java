package org.govpulse.models.sentiment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.govpulse.core.table.IngestTables;

/**
 * Rows of silver.posts made from texts, for tests and the sentiment benchmark: {@code count} posts cycling over the
 * texts, ids {@code P000001...}, one post an hour from 2026-01-01, regions and topics cycling over a few codes.
 * Deterministic.
 */
public final class PostFrames {
  private static final String[] REGIONS = {"JZ01", "JZ02", "JZ03", null};
  private static final String[] TOPICS = {"government_services", "transport", "health", "education"};
  private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");

  private PostFrames() {}

  /** {@code count} silver.posts rows of channel {@code channel}. */
  public static Dataset<Row> silverPosts(SparkSession spark, List<String> texts, String channel, int count) {
    List<Row> rows = new ArrayList<>(count);
    Timestamp ingested = Timestamp.from(FIRST);
    for (int i = 0; i < count; i++) {
      String text = texts.get(i % texts.size());
      boolean han = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
      boolean latin = text.codePoints().anyMatch(c -> c < 128 && Character.isLetter(c));
      rows.add(RowFactory.create(channel, String.format("P%06d", i + 1), Timestamp.from(FIRST.plusSeconds(3600L * i)),
          REGIONS[i % REGIONS.length], TOPICS[i % TOPICS.length], text, han && latin ? "mixed" : han ? "zh" : "en",
          null, "posts/generated.csv", (long) i + 2, 0L, ingested));
    }
    return spark.createDataFrame(rows, IngestTables.POSTS.schema());
  }
}
