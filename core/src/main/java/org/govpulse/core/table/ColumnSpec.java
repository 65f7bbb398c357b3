package org.govpulse.core.table;

import java.io.Serializable;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;

/**
 * One column of a table contract: name, Spark type, nullability and a sentence for the table reference.
 *
 * @param name column name, taken from {@link Col}
 * @param type Spark SQL type
 * @param nullable whether nulls are allowed
 * @param doc one sentence for docs/tables.md
 */
public record ColumnSpec(String name, DataType type, boolean nullable, String doc) implements Serializable {
  /** The Spark field of this column. */
  public StructField field() {
    return new StructField(name, type, nullable, org.apache.spark.sql.types.Metadata.empty());
  }
}
