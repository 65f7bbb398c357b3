package org.govpulse.ingestion.stream;

import static org.apache.spark.sql.functions.broadcast;
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

  private Deduplication() {}

  /**
   * Adds a {@code status} column to validated rows; rows already rejected by validation are quarantined.
   *
   * @param validated rows from {@link org.govpulse.ingestion.validate.Validation}
   * @param existing current silver rows the batch may collide with (already pruned), or null for none
   */
  public static Dataset<Row> classify(Dataset<Row> validated, Dataset<Row> existing, DedupeRule rule) {
    Column[] keys = rule.key().stream().map(k -> col(k)).toArray(Column[]::new);
    Column cmp = struct(rule.compare().stream().map(c -> col(c)).toArray(Column[]::new));

    Dataset<Row> rejected = validated.filter(col(REASON).isNotNull()).withColumn(STATUS, lit(QUARANTINED));
    Dataset<Row> valid = validated.filter(col(REASON).isNull()).withColumn(KEY_HASH, xxhash64(keys));

    // Most keys occur once. Only rows whose key hash repeats within the batch need ranking: the hash count moves
    // one long per row through the shuffle instead of whole rows (a hash collision merely adds a candidate).
    Dataset<Row> repeated = broadcast(valid.groupBy(col(KEY_HASH)).count().filter(col("count").gt(1))
        .select(col(KEY_HASH)));
    WindowSpec w = Window.partitionBy(keys).orderBy(col(SOURCE_FILE), col(LINE_NO));
    Dataset<Row> ranked = valid.join(repeated, Columns.seq(KEY_HASH), "left_semi")
        .withColumn(CMP, cmp)
        .withColumn(RANK, row_number().over(w))
        .withColumn(FIRST_CMP, first(col(CMP)).over(w))
        .unionByName(valid.join(repeated, Columns.seq(KEY_HASH), "left_anti")
            .withColumn(CMP, cmp)
            .withColumn(RANK, lit(1))
            .withColumn(FIRST_CMP, col(CMP)));

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

    Column isFirst = col(RANK).equalTo(1);
    Column status = when(isFirst.and(existingCmp.isNull()), lit(ACCEPTED))
        .when(isFirst.and(existingCmp.eqNullSafe(col(CMP))), lit(DUPLICATE))
        .when(isFirst, lit(QUARANTINED))
        .when(col(CMP).eqNullSafe(col(FIRST_CMP)), lit(DUPLICATE))
        .otherwise(lit(QUARANTINED));
    Column conflictDetail = when(isFirst, concat(lit("already ingested with other values: "),
        existingCmp.cast("string"), lit(" vs "), col(CMP).cast("string")))
        .otherwise(concat(lit("an earlier record of this batch has the same key with other values: "),
            col(FIRST_CMP).cast("string"), lit(" vs "), col(CMP).cast("string")));

    Dataset<Row> classified = ranked.withColumn(STATUS, status)
        .withColumn(REASON, when(col(STATUS).equalTo(QUARANTINED), lit(Reason.CONFLICTING_DUPLICATE.code())))
        .withColumn(DETAIL, when(col(STATUS).equalTo(QUARANTINED), conflictDetail));
    String[] out = rejected.columns();
    return rejected.unionByName(classified.select(java.util.Arrays.stream(out).map(c -> col(c))
        .toArray(Column[]::new)));
  }
}
