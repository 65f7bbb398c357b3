package org.govpulse.ingestion.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.govpulse.core.table.Col.REASON;
import static org.govpulse.core.table.Col.SOURCE_FILE;
import static org.govpulse.core.table.Col.STATUS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.govpulse.ingestion.validate.Reason;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The counts of one classified batch: records per status and per quarantine reason, and the files they came from.
 * They are aggregate expressions, so they can be observed while the batch is written (no pass of their own) or,
 * when that write does not run, computed by an aggregation over the classified rows.
 */
final class BatchCounts {
  private static final String READ = "read";
  private static final String FILES = "files";
  private static final String REASON_PREFIX = "reason_";

  private BatchCounts() {}

  /** The aggregate expressions, one per status, one per reason code, and the set of files. */
  private static Column[] metrics() {
    List<Column> m = new ArrayList<>();
    m.add(count(lit(1)).as(READ));
    for (String status : new String[] {Deduplication.ACCEPTED, Deduplication.DUPLICATE, Deduplication.QUARANTINED}) {
      m.add(count(when(col(STATUS).equalTo(status), lit(1))).as(status));
    }
    for (Reason r : Reason.values()) {
      m.add(count(when(col(REASON).equalTo(r.code()), lit(1))).as(REASON_PREFIX + r.code()));
    }
    m.add(collect_set(col(SOURCE_FILE)).as(FILES));
    return m.toArray(Column[]::new);
  }

  /** The classified rows, with the counts observed by whichever action runs on them first. */
  static Dataset<Row> observe(Dataset<Row> classified, Observation observation) {
    Column[] m = metrics();
    return classified.observe(observation, m[0], Arrays.copyOfRange(m, 1, m.length));
  }

  /** The counts computed by an aggregation over the classified rows. */
  static BatchSummary aggregate(Dataset<Row> classified, String source, long batchId) {
    Column[] m = metrics();
    Row r = classified.agg(m[0], Arrays.copyOfRange(m, 1, m.length)).first();
    Map<String, Object> values = new HashMap<>();
    for (String name : r.schema().fieldNames()) {
      values.put(name, r.getAs(name));
    }
    return summary(values, source, batchId);
  }

  /** The summary of observed (or aggregated) metrics, by name. */
  static BatchSummary summary(Map<String, Object> values, String source, long batchId) {
    Map<String, Long> reasons = new TreeMap<>();
    for (Reason r : Reason.values()) {
      long n = number(values, REASON_PREFIX + r.code());
      if (n > 0) {
        reasons.put(r.code(), n);
      }
    }
    TreeSet<String> files = new TreeSet<>();
    for (Object f : CollectionConverters.asJava((scala.collection.Iterable<?>) values.get(FILES))) {
      files.add((String) f);
    }
    return new BatchSummary(source, batchId, new ArrayList<>(files), number(values, READ),
        number(values, Deduplication.ACCEPTED), number(values, Deduplication.DUPLICATE),
        number(values, Deduplication.QUARANTINED), reasons);
  }

  private static long number(Map<String, Object> v, String name) {
    return ((Number) v.get(name)).longValue();
  }
}
