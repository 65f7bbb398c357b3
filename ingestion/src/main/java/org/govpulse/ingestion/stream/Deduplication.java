package org.govpulse.ingestion.stream;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.govpulse.core.table.Col.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.govpulse.ingestion.validate.Reason;
import org.govpulse.core.spark.Columns;

/**
 * Classifies validated rows of a batch as accepted, duplicate or quarantined. Within the batch the first record of
 * a key (by file and line) wins; against silver, a key already stored with the same values is an exact duplicate
 * and with other values a conflicting duplicate (quarantined; the first value received stays).
 */
public final class Deduplication {
  /** Values of the status column. */
  public static final String ACCEPTED = "accepted";
  public static final String DUPLICATE = "duplicate";
  public static final String QUARANTINED = "quarantined";

  private static final String RANK = "_rank";
  private static final String CMP = "_cmp";
  private static final String FIRST_CMP = "_first_cmp";
  private static final String EXISTING_CMP = "_existing_cmp";
  private static final String KEY_HASH = "_key_hash";
  private static final String CANDIDATE = "_candidate";
  private static final String LOOKUP_FILE = "_lookup_file";
  private static final String CANDIDATE_FILE = "_candidate_file";
  private static final String CANDIDATE_LINE = "_candidate_line";

  private Deduplication() {}

  /**
   * The valid rows of a batch whose key occurs more than once in it, with their rank within the key (by file and
   * line) and the compared values of the key's first record: {@code _key_hash, source_file, line_no, _rank,
   * _first_cmp}. Most keys occur once, so this is small; the caller materialises it once for every pass of
   * {@link #classify}.
   */
  public static Dataset<Row> rankRepeated(Dataset<Row> validated, DedupeRule rule) {
    Column[] keys = keys(rule);
    Dataset<Row> valid = validated.filter(col(REASON).isNull()).withColumn(KEY_HASH, xxhash64(keys));
    // Only rows whose key hash repeats within the batch need ranking: the hash count moves one long per row through
    // the shuffle instead of whole rows (a hash collision merely adds a candidate).
    Dataset<Row> repeated = broadcast(valid.groupBy(col(KEY_HASH)).count().filter(col("count").gt(1))
        .select(col(KEY_HASH)));
    WindowSpec w = Window.partitionBy(keys).orderBy(col(SOURCE_FILE), col(LINE_NO));
    return valid.join(repeated, Columns.seq(KEY_HASH), "left_semi")
        .withColumn(CMP, compared(rule))
        .select(col(KEY_HASH), col(SOURCE_FILE), col(LINE_NO), row_number().over(w).as(RANK),
            first(col(CMP)).over(w).as(FIRST_CMP));
  }

  /**
   * Adds a {@code status} column to validated rows; rows already rejected by validation are quarantined.
   *
   * @param validated rows from {@link org.govpulse.ingestion.validate.Validation}
   * @param repeated the batch's {@link #rankRepeated} rows
   * @param broadcastRepeated whether {@code repeated} is small enough to be sent to every task
   * @param existing current silver rows the batch may collide with (already pruned), or null for none
   */
  public static Dataset<Row> classify(Dataset<Row> validated, Dataset<Row> repeated, boolean broadcastRepeated,
      Dataset<Row> existing, DedupeRule rule) {
    Column cmp = compared(rule);
    String[] out = validated.columns();
    Dataset<Row> hashes = repeated.select(col(KEY_HASH)).distinct().withColumn(CANDIDATE, lit(true));
    Dataset<Row> ranks = repeated.select(col(SOURCE_FILE).as(CANDIDATE_FILE), col(LINE_NO).as(CANDIDATE_LINE),
        col(RANK), col(FIRST_CMP));
    // One pass over the batch. A row looks up its rank by file and line only when its key hash repeats; the others
    // look up a null file, which a hash join skips without hashing the path (most rows, so this matters).
    Dataset<Row> ranked = validated
        .withColumn(KEY_HASH, xxhash64(keys(rule)))
        .join(broadcastRepeated ? broadcast(hashes) : hashes, Columns.seq(KEY_HASH), "left")
        .withColumn(LOOKUP_FILE, when(col(CANDIDATE), col(SOURCE_FILE)))
        .join(broadcastRepeated ? broadcast(ranks) : ranks,
            col(LOOKUP_FILE).equalTo(col(CANDIDATE_FILE)).and(col(LINE_NO).equalTo(col(CANDIDATE_LINE))), "left")
        .withColumn(CMP, cmp)
        .withColumn(RANK, coalesce(col(RANK), lit(1)))
        .withColumn(FIRST_CMP, coalesce(col(FIRST_CMP), col(CMP)));

    Column existingCmp;
    if (existing != null) {
      List<Column> sel = new ArrayList<>();
      for (String k : rule.key()) {
        sel.add(col(k));
      }
      sel.add(cmp.as(EXISTING_CMP));
      Dataset<Row> known = existing.select(sel.toArray(Column[]::new));
      ranked = ranked.join(known, Columns.seq(rule.key()), "left");
      existingCmp = col(EXISTING_CMP);
    } else {
      existingCmp = lit(null);
    }

    Column invalid = col(REASON).isNotNull();
    Column isFirst = col(RANK).equalTo(1);
    Column status = when(invalid, lit(QUARANTINED))
        .when(isFirst.and(existingCmp.isNull()), lit(ACCEPTED))
        .when(isFirst.and(existingCmp.eqNullSafe(col(CMP))), lit(DUPLICATE))
        .when(isFirst, lit(QUARANTINED))
        .when(col(CMP).eqNullSafe(col(FIRST_CMP)), lit(DUPLICATE))
        .otherwise(lit(QUARANTINED));
    Column conflictDetail = when(isFirst, concat(lit("already ingested with other values: "),
        existingCmp.cast("string"), lit(" vs "), col(CMP).cast("string")))
        .otherwise(concat(lit("an earlier record of this batch has the same key with other values: "),
            col(FIRST_CMP).cast("string"), lit(" vs "), col(CMP).cast("string")));
    Column conflict = col(STATUS).equalTo(QUARANTINED);

    Dataset<Row> classified = ranked.withColumn(STATUS, status)
        .withColumn(DETAIL, when(invalid, col(DETAIL)).when(conflict, conflictDetail))
        .withColumn(REASON, when(invalid, col(REASON)).when(conflict, lit(Reason.CONFLICTING_DUPLICATE.code())));
    List<Column> cols = new ArrayList<>();
    for (String c : out) {
      cols.add(col(c));
    }
    cols.add(col(STATUS));
    return classified.select(cols.toArray(Column[]::new));
  }

  private static Column[] keys(DedupeRule rule) {
    return rule.key().stream().map(k -> col(k)).toArray(Column[]::new);
  }

  private static Column compared(DedupeRule rule) {
    return struct(rule.compare().stream().map(c -> col(c)).toArray(Column[]::new));
  }
}
