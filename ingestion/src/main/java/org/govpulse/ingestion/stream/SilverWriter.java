package org.govpulse.ingestion.stream;

import java.io.Serializable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.TableContract;

/** Writes a batch's accepted rows into silver, exactly once per (appId, version). */
public interface SilverWriter extends Serializable {
  /** The table new records are appended to (and deduplicated against). */
  TableContract table();

  /** Writes the accepted rows; re-running with the same appId and version changes nothing. */
  void write(Warehouse warehouse, Dataset<Row> accepted, String appId, long version);

  /** Plain append into one table. */
  static SilverWriter append(TableContract table) {
    return new SilverWriter() {
      private static final long serialVersionUID = 1L;

      @Override
      public TableContract table() {
        return table;
      }

      @Override
      public void write(Warehouse warehouse, Dataset<Row> accepted, String appId, long version) {
        warehouse.appendOnce(accepted, table, appId, version);
      }
    };
  }
}
