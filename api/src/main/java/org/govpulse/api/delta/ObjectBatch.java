package org.govpulse.api.delta;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.util.ArrayList;
import java.util.List;

/** A Kernel columnar batch over column vectors held in memory. */
final class ObjectBatch implements ColumnarBatch {
  private final StructType schema;
  private final List<ColumnVector> columns;
  private final int size;

  ObjectBatch(StructType schema, List<ColumnVector> columns, int size) {
    this.schema = schema;
    this.columns = List.copyOf(columns);
    this.size = size;
  }

  @Override
  public StructType getSchema() {
    return schema;
  }

  @Override
  public ColumnVector getColumnVector(int ordinal) {
    return columns.get(ordinal);
  }

  @Override
  public int getSize() {
    return size;
  }

  @Override
  public ColumnarBatch withNewColumn(int ordinal, StructField field, ColumnVector vector) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    fields.add(ordinal, field);
    List<ColumnVector> vectors = new ArrayList<>(columns);
    vectors.add(ordinal, vector);
    return new ObjectBatch(new StructType(fields), vectors, size);
  }

  @Override
  public ColumnarBatch withDeletedColumnAt(int ordinal) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    fields.remove(ordinal);
    List<ColumnVector> vectors = new ArrayList<>(columns);
    vectors.remove(ordinal);
    return new ObjectBatch(new StructType(fields), vectors, size);
  }

  @Override
  public ColumnarBatch withNewSchema(StructType newSchema) {
    return new ObjectBatch(newSchema, columns, size);
  }
}
