package org.govpulse.api.delta;

import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.ColumnSpec;
import org.govpulse.core.table.TableContract;

/** The Delta Kernel schema of a table contract (contracts are declared with Spark types, once, in core). */
public final class KernelSchemas {
  private KernelSchemas() {}

  /** The contract's columns as a Kernel struct, same names, order and nullability. */
  public static StructType of(TableContract table) {
    List<StructField> fields = new ArrayList<>();
    for (ColumnSpec c : table.columns()) {
      fields.add(new StructField(c.name(), type(c.type()), c.nullable()));
    }
    return new StructType(fields);
  }

  /** The Kernel type of a Spark SQL type used in contracts. */
  public static DataType type(org.apache.spark.sql.types.DataType spark) {
    if (spark instanceof org.apache.spark.sql.types.StringType) {
      return StringType.STRING;
    }
    if (spark instanceof org.apache.spark.sql.types.DoubleType) {
      return DoubleType.DOUBLE;
    }
    if (spark instanceof org.apache.spark.sql.types.IntegerType) {
      return IntegerType.INTEGER;
    }
    if (spark instanceof org.apache.spark.sql.types.LongType) {
      return LongType.LONG;
    }
    if (spark instanceof org.apache.spark.sql.types.BooleanType) {
      return BooleanType.BOOLEAN;
    }
    if (spark instanceof org.apache.spark.sql.types.DateType) {
      return DateType.DATE;
    }
    if (spark instanceof org.apache.spark.sql.types.TimestampType) {
      return TimestampType.TIMESTAMP;
    }
    if (spark instanceof org.apache.spark.sql.types.ArrayType a) {
      return new ArrayType(type(a.elementType()), a.containsNull());
    }
    if (spark instanceof org.apache.spark.sql.types.MapType m) {
      return new MapType(type(m.keyType()), type(m.valueType()), m.valueContainsNull());
    }
    throw Errors.internal("Mapping a table contract to Delta Kernel",
        new IllegalArgumentException("unsupported type " + spark.simpleString()));
  }
}
