package org.govpulse.api.delta;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.MapType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A Kernel column vector over Java values, for writing rows the API built in memory. */
final class ObjectVector implements ColumnVector {
  private final DataType type;
  private final List<?> values;

  ObjectVector(DataType type, List<?> values) {
    this.type = type;
    this.values = values;
  }

  @Override
  public DataType getDataType() {
    return type;
  }

  @Override
  public int getSize() {
    return values.size();
  }

  @Override
  public void close() {}

  @Override
  public boolean isNullAt(int rowId) {
    return values.get(rowId) == null;
  }

  @Override
  public boolean getBoolean(int rowId) {
    return (Boolean) values.get(rowId);
  }

  @Override
  public int getInt(int rowId) {
    Object v = values.get(rowId);
    return v instanceof LocalDate d ? Math.toIntExact(d.toEpochDay()) : ((Number) v).intValue();
  }

  @Override
  public long getLong(int rowId) {
    Object v = values.get(rowId);
    return v instanceof Instant t ? Values.microsOf(t) : ((Number) v).longValue();
  }

  @Override
  public double getDouble(int rowId) {
    return ((Number) values.get(rowId)).doubleValue();
  }

  @Override
  public String getString(int rowId) {
    return (String) values.get(rowId);
  }

  @Override
  public ArrayValue getArray(int rowId) {
    List<Object> elements = new ArrayList<>((Collection<?>) values.get(rowId));
    ObjectVector child = new ObjectVector(((ArrayType) type).getElementType(), elements);
    return new ArrayValue() {
      @Override
      public int getSize() {
        return elements.size();
      }

      @Override
      public ColumnVector getElements() {
        return child;
      }
    };
  }

  @Override
  public MapValue getMap(int rowId) {
    Map<?, ?> m = (Map<?, ?>) values.get(rowId);
    MapType mt = (MapType) type;
    ObjectVector keys = new ObjectVector(mt.getKeyType(), new ArrayList<>(m.keySet()));
    ObjectVector vals = new ObjectVector(mt.getValueType(), new ArrayList<>(m.values()));
    return new MapValue() {
      @Override
      public int getSize() {
        return m.size();
      }

      @Override
      public ColumnVector getKeys() {
        return keys;
      }

      @Override
      public ColumnVector getValues() {
        return vals;
      }
    };
  }
}
