package org.govpulse.api.delta;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionBuilder;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.TableAlreadyExistsException;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.TableContract;

/**
 * The warehouse's Delta tables read and appended with Delta Kernel, without Spark. Reads are of one table version,
 * so they are consistent: a job committing a new version meanwhile is invisible to them. Appends are real Delta
 * commits that Spark jobs read like their own.
 */
public final class KernelWarehouse {
  /** Recorded as engineInfo in the commits the API makes. */
  static final String ENGINE_INFO = "GovPulse-API/Delta-Kernel-4.0.1";
  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");

  private final Engine engine;
  private final String root;

  /** The warehouse at a root path or Hadoop URI, with the default Hadoop configuration. */
  public KernelWarehouse(String root) {
    this(root, new Configuration());
  }

  public KernelWarehouse(String root, Configuration hadoop) {
    this.engine = DefaultEngine.create(hadoop);
    this.root = root;
  }

  public String root() {
    return root;
  }

  public String path(TableContract table) {
    return table.path(root);
  }

  /**
   * The latest committed version of a table, found by listing its log from a version already known (one small
   * listing, no log replay); empty when the table does not exist.
   *
   * @param knownVersion a version known to exist, or -1
   */
  public Optional<Long> latestVersion(TableContract table, long knownVersion) {
    String log = path(table) + "/_delta_log/";
    Optional<Long> found = listCommits(log, Math.max(0, knownVersion));
    if (found.isEmpty() && knownVersion > 0) {
      // the table was replaced by one with fewer commits, or the log was cleaned: list it all
      found = listCommits(log, 0);
    }
    return found;
  }

  private Optional<Long> listCommits(String log, long from) {
    long latest = -1;
    try (CloseableIterator<FileStatus> files =
        engine.getFileSystemClient().listFrom(log + String.format("%020d", from))) {
      while (files.hasNext()) {
        String path = files.next().getPath();
        Matcher m = COMMIT.matcher(path.substring(path.lastIndexOf('/') + 1));
        if (m.matches()) {
          latest = Math.max(latest, Long.parseLong(m.group(1)));
        }
      }
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw Errors.internal("Listing the Delta log " + log, e);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof FileNotFoundException) {
        return Optional.empty();
      }
      throw Errors.internal("Listing the Delta log " + log, e);
    }
    return latest < 0 ? Optional.empty() : Optional.of(latest);
  }

  /**
   * Every row of a table at one version, in the contract's column order. Columns the contract declares but the
   * table does not have yet read as null; columns the contract does not know are not read.
   */
  public List<Record> read(TableContract table, long version) {
    try {
      Snapshot snapshot = Table.forPath(engine, path(table)).getSnapshotAsOfVersion(engine, version);
      Columns columns = Columns.of(table);
      List<StructField> present = new ArrayList<>();
      for (StructField f : snapshot.getSchema().fields()) {
        if (columns.has(f.getName())) {
          present.add(f);
        }
      }
      StructType readSchema = new StructType(present);
      int[] target = present.stream().mapToInt(f -> columns.indexOf(f.getName())).toArray();
      Scan scan = snapshot.getScanBuilder().withReadSchema(readSchema).build();
      Row scanState = scan.getScanState(engine);
      StructType physical = ScanStateRow.getPhysicalDataReadSchema(engine, scanState);
      Values values = new Values();
      List<Record> out = new ArrayList<>();
      try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
        while (files.hasNext()) {
          try (CloseableIterator<Row> fileRows = files.next().getRows()) {
            while (fileRows.hasNext()) {
              Row fileRow = fileRows.next();
              FileStatus file = InternalScanFileUtils.getAddFileStatus(fileRow);
              try (CloseableIterator<ColumnarBatch> data = engine.getParquetHandler()
                  .readParquetFiles(single(file), physical, Optional.empty());
                  CloseableIterator<FilteredColumnarBatch> logical =
                      Scan.transformPhysicalData(engine, scanState, fileRow, data)) {
                while (logical.hasNext()) {
                  collect(logical.next(), target, columns, values, out);
                }
              }
            }
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw Errors.internal("Reading " + table.qualifiedName() + " version " + version + " at " + path(table), e);
    }
  }

  private static void collect(FilteredColumnarBatch batch, int[] target, Columns columns, Values values,
      List<Record> out) {
    ColumnarBatch data = batch.getData();
    Optional<ColumnVector> selection = batch.getSelectionVector();
    for (int r = 0; r < data.getSize(); r++) {
      if (selection.isPresent() && (selection.get().isNullAt(r) || !selection.get().getBoolean(r))) {
        continue;
      }
      Object[] row = new Object[columns.size()];
      for (int c = 0; c < target.length; c++) {
        row[target[c]] = values.read(data.getColumnVector(c), r);
      }
      out.add(new Record(columns, row));
    }
  }

  /**
   * Appends rows in one commit, creating the table with the contract's schema when it does not exist yet.
   *
   * @param rows values in the contract's column order (timestamps as {@link java.time.Instant}, dates as
   *     {@link java.time.LocalDate}, arrays as lists, maps as maps)
   * @return the committed version
   */
  public long append(TableContract table, List<Object[]> rows) {
    if (!table.partitionBy().isEmpty()) {
      throw Errors.internal("Appending to " + table.qualifiedName(),
          new UnsupportedOperationException("partitioned tables are written by Spark jobs only"));
    }
    try {
      return commit(table, rows, latestVersion(table, -1).isEmpty());
    } catch (TableAlreadyExistsException e) {
      // another writer created it first: append to theirs
      return commit(table, rows, false);
    }
  }

  private long commit(TableContract table, List<Object[]> rows, boolean create) {
    try {
      TransactionBuilder builder = Table.forPath(engine, path(table))
          .createTransactionBuilder(engine, ENGINE_INFO, create ? Operation.CREATE_TABLE : Operation.WRITE);
      if (create) {
        builder = builder.withSchema(engine, KernelSchemas.of(table));
      }
      Transaction txn = builder.build(engine);
      Row state = txn.getTransactionState(engine);
      StructType schema = txn.getSchema(engine);
      Columns columns = Columns.of(table);
      List<ColumnVector> vectors = new ArrayList<>();
      for (StructField f : schema.fields()) {
        List<Object> column = new ArrayList<>(rows.size());
        int i = columns.has(f.getName()) ? columns.indexOf(f.getName()) : -1;
        for (Object[] r : rows) {
          column.add(i < 0 ? null : r[i]);
        }
        vectors.add(new ObjectVector(f.getDataType(), column));
      }
      FilteredColumnarBatch batch =
          new FilteredColumnarBatch(new ObjectBatch(schema, vectors, rows.size()), Optional.empty());
      CloseableIterator<FilteredColumnarBatch> physical =
          Transaction.transformLogicalData(engine, state, single(batch), Map.of());
      DataWriteContext context = Transaction.getWriteContext(engine, state, Map.of());
      CloseableIterator<DataFileStatus> files = engine.getParquetHandler()
          .writeParquetFiles(context.getTargetDirectory(), physical, context.getStatisticsColumns());
      CloseableIterator<Row> actions = Transaction.generateAppendActions(engine, state, files, context);
      return txn.commit(engine, CloseableIterable.inMemoryIterable(actions)).getVersion();
    } catch (IOException e) {
      throw Errors.internal("Appending " + rows.size() + " rows to " + table.qualifiedName() + " at "
          + path(table), e);
    }
  }

  private static <T> CloseableIterator<T> single(T item) {
    Iterator<T> it = List.of(item).iterator();
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public T next() {
        return it.next();
      }

      @Override
      public void close() {}
    };
  }
}
