package org.govpulse.api.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.TimestampType;
import org.govpulse.core.table.ColumnSpec;
import org.govpulse.core.table.TableContract;

/**
 * JSON schemas for the OpenAPI description. Rows of a table are described by its contract, so the documented fields
 * are exactly the table's columns.
 */
public final class Schemas {
  /** Prefix of the component names of table rows. */
  static final String TABLE_REF = "#/components/schemas/";

  private Schemas() {}

  public static Map<String, Object> string() {
    return Map.of("type", "string");
  }

  public static Map<String, Object> integer() {
    return Map.of("type", "integer");
  }

  public static Map<String, Object> number() {
    return Map.of("type", "number");
  }

  public static Map<String, Object> bool() {
    return Map.of("type", "boolean");
  }

  /** A string taking one of the given values. */
  public static Map<String, Object> oneOf(List<String> values) {
    return Map.of("type", "string", "enum", values);
  }

  /** A comma-separated list of some of the given values. */
  public static Map<String, Object> someOf(List<String> values) {
    return Map.of("type", "string", "description", "comma-separated, any of: " + String.join(", ", values));
  }

  /** An integer within bounds. */
  public static Map<String, Object> integer(int min, int max) {
    return Map.of("type", "integer", "minimum", min, "maximum", max);
  }

  /** A row of a table. */
  public static Map<String, Object> row(TableContract table) {
    return Map.of("$ref", TABLE_REF + table.qualifiedName());
  }

  public static Map<String, Object> array(Map<String, Object> items) {
    return Map.of("type", "array", "items", items);
  }

  /** An object with the given properties: name, schema, name, schema... */
  public static Map<String, Object> object(Object... properties) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (int i = 0; i + 1 < properties.length; i += 2) {
      props.put((String) properties[i], properties[i + 1]);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "object");
    m.put("properties", props);
    return m;
  }

  /** The list envelope: count, items, and context properties. */
  public static Map<String, Object> list(Map<String, Object> item, Object... context) {
    Object[] all = new Object[context.length + 4];
    System.arraycopy(context, 0, all, 0, context.length);
    all[context.length] = "count";
    all[context.length + 1] = integer();
    all[context.length + 2] = "items";
    all[context.length + 3] = array(item);
    return object(all);
  }

  /** The JSON schema of a table's rows, from its contract. */
  public static Map<String, Object> of(TableContract table) {
    Map<String, Object> props = new LinkedHashMap<>();
    List<String> required = new java.util.ArrayList<>();
    for (ColumnSpec c : table.columns()) {
      Map<String, Object> s = new LinkedHashMap<>(type(c.type()));
      s.put("description", c.doc());
      if (c.nullable()) {
        s.put("nullable", true);
      } else {
        required.add(c.name());
      }
      props.put(c.name(), s);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "object");
    m.put("description", table.description() + " Columns of " + table.qualifiedName() + " (docs/tables.md).");
    m.put("required", required);
    m.put("properties", props);
    return m;
  }

  private static Map<String, Object> type(DataType t) {
    if (t instanceof DoubleType) {
      return Map.of("type", "number");
    }
    if (t instanceof IntegerType) {
      return Map.of("type", "integer", "format", "int32");
    }
    if (t instanceof LongType) {
      return Map.of("type", "integer", "format", "int64");
    }
    if (t instanceof BooleanType) {
      return Map.of("type", "boolean");
    }
    if (t instanceof DateType) {
      return Map.of("type", "string", "format", "date");
    }
    if (t instanceof TimestampType) {
      return Map.of("type", "string", "format", "date-time");
    }
    if (t instanceof ArrayType a) {
      return Map.of("type", "array", "items", type(a.elementType()));
    }
    if (t instanceof MapType m) {
      return Map.of("type", "object", "additionalProperties", type(m.valueType()));
    }
    return Map.of("type", "string");
  }
}
