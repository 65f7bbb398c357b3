package org.govpulse.api.delta;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.TimestampType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govpulse.core.error.Errors;

/**
 * Converts Delta Kernel column values to plain Java values and back: dates are days since the epoch, timestamps
 * microseconds since the epoch (UTC). Strings are interned per load because gold tables repeat a few thousand codes
 * and periods across hundreds of thousands of rows.
 */
final class Values {
  private final Map<String, String> strings = new HashMap<>();

  /** The value at a row of a vector, or null. */
  Object read(ColumnVector v, int row) {
    if (v.isNullAt(row)) {
      return null;
    }
    DataType t = v.getDataType();
    if (t instanceof StringType) {
      return intern(v.getString(row));
    }
    if (t instanceof DoubleType) {
      return v.getDouble(row);
    }
    if (t instanceof IntegerType) {
      return v.getInt(row);
    }
    if (t instanceof LongType) {
      return v.getLong(row);
    }
    if (t instanceof BooleanType) {
      return v.getBoolean(row);
    }
    if (t instanceof DateType) {
      return LocalDate.ofEpochDay(v.getInt(row));
    }
    if (t instanceof TimestampType) {
      return instantOfMicros(v.getLong(row));
    }
    if (t instanceof ArrayType) {
      ArrayValue a = v.getArray(row);
      ColumnVector el = a.getElements();
      List<Object> out = new ArrayList<>(a.getSize());
      for (int i = 0; i < a.getSize(); i++) {
        out.add(read(el, i));
      }
      return Collections.unmodifiableList(out);
    }
    if (t instanceof MapType) {
      MapValue m = v.getMap(row);
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < m.getSize(); i++) {
        out.put(read(m.getKeys(), i), read(m.getValues(), i));
      }
      return Collections.unmodifiableMap(out);
    }
    throw Errors.internal("Reading a Delta column", new IllegalArgumentException("unsupported type " + t));
  }

  private String intern(String s) {
    if (s.length() > 48) {
      return s;
    }
    String known = strings.putIfAbsent(s, s);
    return known == null ? s : known;
  }

  static Instant instantOfMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  static long microsOf(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000L);
  }
}
