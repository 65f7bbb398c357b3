package org.govpulse.ingestion.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.govpulse.core.table.Col.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.TableContract;
import org.govpulse.core.spark.Columns;

/**
 * Reports keep their history: every accepted submission is appended to silver.report_revisions, then the keys the
 * batch touched are recomputed from that history and merged into silver.reports, where the latest submission wins.
 * The merge is a function of the history, so repeating it is harmless.
 */
public final class ReportsWriter implements SilverWriter {
  private static final long serialVersionUID = 1L;
  private static final String[] KEY = {REGION_CODE, INDICATOR_CODE, PERIOD};

  @Override
  public TableContract table() {
    return IngestTables.REPORT_REVISIONS;
  }

  @Override
  public void write(Warehouse warehouse, Dataset<Row> accepted, String appId, long version) {
    warehouse.appendOnce(accepted, IngestTables.REPORT_REVISIONS, appId, version);
    Dataset<Row> touched = accepted.select(Arrays.stream(KEY).map(k -> col(k)).toArray(Column[]::new)).distinct();
    Dataset<Row> latest = latestOf(warehouse.read(IngestTables.REPORT_REVISIONS)
        .join(touched, Columns.seq(KEY)));
    warehouse.ensure(IngestTables.REPORTS);
    Column on = lit(true);
    for (String k : KEY) {
      on = on.and(col("t." + k).equalTo(col("s." + k)));
    }
    Map<String, Column> set = new LinkedHashMap<>();
    for (String c : IngestTables.REPORTS.columnNames()) {
      set.put(c, col("s." + c));
    }
    warehouse.delta(IngestTables.REPORTS).as("t")
        .merge(Warehouse.conform(latest, IngestTables.REPORTS).as("s"), on)
        .whenMatched().update(set)
        .whenNotMatched().insert(set)
        .execute();
  }

  /** The current row per key of a revision history: latest submission, with count and first submission time. */
  public static Dataset<Row> latestOf(Dataset<Row> revisions) {
    Column[] key = Arrays.stream(KEY).map(k -> col(k)).toArray(Column[]::new);
    WindowSpec byKey = Window.partitionBy(key);
    WindowSpec newestFirst = byKey.orderBy(col(SUBMITTED_AT).desc(), col(SOURCE_FILE).desc(), col(LINE_NO).desc());
    return revisions
        .withColumn(REVISION_COUNT, count(lit(1)).over(byKey).cast("int"))
        .withColumn(FIRST_SUBMITTED_AT, min(col(SUBMITTED_AT)).over(byKey))
        .withColumn("_n", row_number().over(newestFirst))
        .filter(col("_n").equalTo(1))
        .drop("_n");
  }
}
