package org.govpulse.core.delta;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.ColumnSpec;
import org.govpulse.core.table.TableContract;

/**
 * The Delta tables of one warehouse, addressed by their contracts. Every job reads and writes through this class,
 * so that schemas, locations and idempotent writes are handled in one place.
 */
public final class Warehouse {
  /** A Delta commit file: the version, zero-padded to 20 digits, then .json. */
  private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");

  private final SparkSession spark;
  private final String root;

  public Warehouse(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root;
  }

  public SparkSession spark() {
    return spark;
  }

  /** Warehouse root path. */
  public String root() {
    return root;
  }

  /** Location of a table. */
  public String path(TableContract table) {
    return table.path(root);
  }

  /** True when the table has been created. */
  public boolean exists(TableContract table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  /** Creates the table empty, with its contract's schema and partitioning, when it does not exist yet. */
  public void ensure(TableContract table) {
    if (exists(table)) {
      return;
    }
    DeltaTableBuilder b = DeltaTable.createIfNotExists(spark).location(path(table))
        .comment(table.description());
    for (ColumnSpec c : table.columns()) {
      b = b.addColumn(DeltaTable.columnBuilder(spark, c.name()).dataType(c.type()).nullable(c.nullable())
          .comment(c.doc()).build());
    }
    if (!table.partitionBy().isEmpty()) {
      b = b.partitionedBy(table.partitionBy().toArray(String[]::new));
    }
    if (!table.statsColumns().isEmpty()) {
      b = b.property("delta.dataSkippingStatsColumns", String.join(",", table.statsColumns()));
    }
    b.execute();
  }

  /** The table as a Dataset; fails with a clear message when it has not been written yet. */
  public Dataset<Row> read(TableContract table) {
    if (!exists(table)) {
      throw Errors.tableMissing(table.qualifiedName(), path(table), table.producedBy());
    }
    return spark.read().format("delta").load(path(table));
  }

  /** The table, or an empty Dataset with its schema when it does not exist. */
  public Dataset<Row> readOrEmpty(TableContract table) {
    return exists(table) ? read(table) : spark.createDataFrame(java.util.List.of(), table.schema());
  }

  /** The Delta handle of an existing table (MERGE, history). */
  public DeltaTable delta(TableContract table) {
    if (!exists(table)) {
      throw Errors.tableMissing(table.qualifiedName(), path(table), table.producedBy());
    }
    return DeltaTable.forPath(spark, path(table));
  }

  /** Current version of a table, empty when it does not exist. */
  public Optional<Long> version(TableContract table) {
    if (!exists(table)) {
      return Optional.empty();
    }
    Row last = delta(table).history(1).select("version").first();
    return Optional.of(last.getLong(0));
  }

  /**
   * Latest Delta version of each existing table, read from the names of the commit files in its _delta_log (one
   * listing per table, no Spark job), for recording what a run started from and what it wrote.
   */
  public Map<String, Long> latestVersions(Collection<TableContract> tables) {
    Map<String, Long> out = new TreeMap<>();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    for (TableContract t : tables) {
      Path log = new Path(path(t), "_delta_log");
      try {
        FileSystem fs = log.getFileSystem(conf);
        if (!fs.exists(log)) {
          continue;
        }
        long latest = -1;
        for (FileStatus f : fs.listStatus(log, p -> COMMIT_FILE.matcher(p.getName()).matches())) {
          latest = Math.max(latest, Long.parseLong(f.getPath().getName().substring(0, 20)));
        }
        if (latest >= 0) {
          out.put(t.qualifiedName(), latest);
        }
      } catch (IOException e) {
        throw Errors.internal("Cannot list the Delta log of " + t.qualifiedName() + " at " + log, e);
      }
    }
    return out;
  }

  /** Selects the contract's columns in order, casting to the contract's types. */
  public static Dataset<Row> conform(Dataset<Row> df, TableContract table) {
    Column[] cols = table.columns().stream()
        .map(c -> functions.col(c.name()).cast(c.type()).as(c.name()))
        .toArray(Column[]::new);
    return df.select(cols);
  }

  /**
   * Appends rows exactly once: a write with the same {@code appId} and a {@code version} not above the last one
   * recorded for it is skipped by Delta, so a re-run of a batch that died half-way adds nothing twice.
   */
  public void appendOnce(Dataset<Row> df, TableContract table, String appId, long version) {
    ensure(table);
    conform(df, table).write().format("delta").mode("append")
        .option("txnAppId", appId)
        .option("txnVersion", version)
        .save(path(table));
  }

  /** Appends rows (no idempotency token; for logs written once per run). */
  public void append(Dataset<Row> df, TableContract table) {
    ensure(table);
    conform(df, table).write().format("delta").mode("append").save(path(table));
  }

  /** Replaces the table's content in one commit (readers see the old or the new content, never a mix). */
  public void overwrite(Dataset<Row> df, TableContract table) {
    ensure(table);
    conform(df, table).write().format("delta").mode("overwrite").save(path(table));
  }

  /** Replaces the table's content once per (appId, version), like {@link #appendOnce}. */
  public void overwriteOnce(Dataset<Row> df, TableContract table, String appId, long version) {
    ensure(table);
    conform(df, table).write().format("delta").mode("overwrite")
        .option("txnAppId", appId)
        .option("txnVersion", version)
        .save(path(table));
  }

  /** Number of rows of a table (0 when it does not exist). */
  public long count(TableContract table) {
    return exists(table) ? read(table).count() : 0L;
  }

  /** Names of the contract's columns, for selects. */
  public static Column[] columns(TableContract table) {
    return Arrays.stream(table.columnNames()).map(functions::col).toArray(Column[]::new);
  }
}
