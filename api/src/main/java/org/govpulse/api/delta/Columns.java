package org.govpulse.api.delta;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.TableContract;

/** The column names of a table in order, with their positions: shared by every {@link Record} of a table. */
public final class Columns {
  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();

  public Columns(List<String> names) {
    this.names = List.copyOf(names);
    for (int i = 0; i < this.names.size(); i++) {
      index.put(this.names.get(i), i);
    }
  }

  /** The columns of a table contract, in declaration order. */
  public static Columns of(TableContract table) {
    return new Columns(List.of(table.columnNames()));
  }

  public List<String> names() {
    return names;
  }

  public int size() {
    return names.size();
  }

  /** Position of a column; fails for a column the table does not have (a programming error, not user input). */
  public int indexOf(String column) {
    Integer i = index.get(column);
    if (i == null) {
      throw Errors.internal("Reading column " + column, new IllegalArgumentException("no such column in " + names));
    }
    return i;
  }

  public boolean has(String column) {
    return index.containsKey(column);
  }
}
