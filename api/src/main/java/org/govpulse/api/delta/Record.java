package org.govpulse.api.delta;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a Delta table held in memory: values in column order, as plain Java values (String, Double, Integer,
 * Long, Boolean, {@link LocalDate}, {@link Instant}, List, Map). Immutable. Serialises to JSON as an object keyed by
 * the table's column names, so the API's field names are the columns documented in docs/tables.md.
 */
public final class Record implements JsonSerializable {
  private final Columns columns;
  private final Object[] values;

  public Record(Columns columns, Object[] values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(values.length + " values for " + columns.names());
    }
    this.columns = columns;
    this.values = values;
  }

  public Columns columns() {
    return columns;
  }

  public Object get(String column) {
    return values[columns.indexOf(column)];
  }

  public String str(String column) {
    return (String) get(column);
  }

  public Double dbl(String column) {
    return (Double) get(column);
  }

  public Integer integer(String column) {
    return (Integer) get(column);
  }

  public Long lng(String column) {
    return (Long) get(column);
  }

  public Boolean bool(String column) {
    return (Boolean) get(column);
  }

  public Instant instant(String column) {
    return (Instant) get(column);
  }

  public LocalDate date(String column) {
    return (LocalDate) get(column);
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(String column) {
    Object v = get(column);
    return v == null ? List.of() : (List<String>) v;
  }

  @SuppressWarnings("unchecked")
  public <V> Map<String, V> map(String column) {
    Object v = get(column);
    return v == null ? Map.of() : (Map<String, V>) v;
  }

  /** The values in column order (a copy), for writing the record back. */
  public Object[] values() {
    return values.clone();
  }

  /** The record as a JSON-ready map; with {@code only} given, just those columns. */
  public Map<String, Object> toMap(String... only) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (only.length == 0) {
      for (int i = 0; i < values.length; i++) {
        m.put(columns.names().get(i), json(values[i]));
      }
    } else {
      for (String c : only) {
        m.put(c, json(get(c)));
      }
    }
    return m;
  }

  /** A value as JSON shows it: instants and dates as ISO-8601 strings, non-finite numbers as null. */
  public static Object json(Object v) {
    if (v instanceof Instant || v instanceof LocalDate) {
      return v.toString();
    }
    if (v instanceof Double d && !Double.isFinite(d)) {
      return null;
    }
    return v;
  }

  @Override
  public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
    gen.writeStartObject();
    for (int i = 0; i < values.length; i++) {
      gen.writeFieldName(columns.names().get(i));
      write(gen, values[i]);
    }
    gen.writeEndObject();
  }

  @Override
  public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
      throws IOException {
    serialize(gen, serializers);
  }

  private static void write(JsonGenerator gen, Object v) throws IOException {
    if (v == null) {
      gen.writeNull();
    } else if (v instanceof String s) {
      gen.writeString(s);
    } else if (v instanceof Double d) {
      if (Double.isFinite(d)) {
        gen.writeNumber(d);
      } else {
        gen.writeNull();
      }
    } else if (v instanceof Integer n) {
      gen.writeNumber(n);
    } else if (v instanceof Long n) {
      gen.writeNumber(n);
    } else if (v instanceof Boolean b) {
      gen.writeBoolean(b);
    } else if (v instanceof Collection<?> c) {
      gen.writeStartArray();
      for (Object x : c) {
        write(gen, x);
      }
      gen.writeEndArray();
    } else if (v instanceof Map<?, ?> m) {
      gen.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        gen.writeFieldName(String.valueOf(e.getKey()));
        write(gen, e.getValue());
      }
      gen.writeEndObject();
    } else {
      gen.writeString(v.toString());
    }
  }

  @Override
  public String toString() {
    return columns.names() + "=" + Arrays.toString(values);
  }
}
