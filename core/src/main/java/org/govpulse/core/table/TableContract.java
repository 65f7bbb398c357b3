package org.govpulse.core.table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.govpulse.core.config.GovPulseConfig;

/**
 * The contract of one Delta table: where it lives under the warehouse, its schema, key and partitioning, and which
 * command writes it. Contracts are declared once, in {@link Tables}, and drive writers, readers, the {@code tables}
 * command and docs/tables.md.
 */
public final class TableContract implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String layer;
  private final String name;
  private final String description;
  private final String producedBy;
  private final List<ColumnSpec> columns;
  private final List<String> key;
  private final List<String> partitionBy;
  private final List<String> statsColumns;

  private TableContract(Builder b) {
    this.layer = b.layer;
    this.name = b.name;
    this.description = b.description;
    this.producedBy = b.producedBy;
    this.columns = List.copyOf(b.columns);
    this.key = List.copyOf(b.key);
    this.partitionBy = List.copyOf(b.partitionBy);
    this.statsColumns = List.copyOf(b.statsColumns);
    for (String k : key) {
      requireColumn(k);
    }
    for (String p : partitionBy) {
      requireColumn(p);
    }
    for (String c : statsColumns) {
      requireColumn(c);
    }
  }

  private void requireColumn(String c) {
    if (columns.stream().noneMatch(s -> s.name().equals(c))) {
      throw new IllegalStateException(qualifiedName() + " declares " + c + " but has no such column");
    }
  }

  /** Starts a contract for table {@code layer.name}. */
  public static Builder builder(String layer, String name) {
    return new Builder(layer, name);
  }

  /** bronze, silver, gold, quarantine or meta. */
  public String layer() {
    return layer;
  }

  public String name() {
    return name;
  }

  /** {@code layer.name}, e.g. silver.reports. */
  public String qualifiedName() {
    return layer + "." + name;
  }

  public String description() {
    return description;
  }

  /** The CLI command that writes the table, e.g. "ingest". */
  public String producedBy() {
    return producedBy;
  }

  public List<ColumnSpec> columns() {
    return columns;
  }

  /** Columns that identify a row; empty for append-only logs. */
  public List<String> key() {
    return key;
  }

  /**
   * Columns Delta keeps file statistics (min, max, null count) for, to skip files when reading; empty means Delta's
   * default, the first 32 columns. Statistics are gathered for every row written, so wide text columns that nobody
   * filters on are left out of them.
   */
  public List<String> statsColumns() {
    return statsColumns;
  }

  public List<String> partitionBy() {
    return partitionBy;
  }

  /** The Spark schema of the table. */
  public StructType schema() {
    StructType s = new StructType();
    for (ColumnSpec c : columns) {
      s = s.add(c.field());
    }
    return s;
  }

  /** Column names in declaration order. */
  public String[] columnNames() {
    return columns.stream().map(ColumnSpec::name).toArray(String[]::new);
  }

  /** Location of the table under a warehouse root. */
  public String path(String warehouse) {
    String root = warehouse.endsWith("/") ? warehouse.substring(0, warehouse.length() - 1) : warehouse;
    return root + "/" + layer + "/" + name;
  }

  /** Location of the table in the configured warehouse. */
  public String path(GovPulseConfig config) {
    return path(config.warehouse());
  }

  @Override
  public String toString() {
    return qualifiedName();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableContract t && t.layer.equals(layer) && t.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(layer, name);
  }

  /** Fluent builder; {@link #build()} checks that key and partition columns exist. */
  public static final class Builder {
    private final String layer;
    private final String name;
    private String description = "";
    private String producedBy = "";
    private final List<ColumnSpec> columns = new ArrayList<>();
    private final List<String> key = new ArrayList<>();
    private final List<String> partitionBy = new ArrayList<>();
    private final List<String> statsColumns = new ArrayList<>();

    private Builder(String layer, String name) {
      this.layer = layer;
      this.name = name;
    }

    public Builder description(String d) {
      this.description = d;
      return this;
    }

    public Builder producedBy(String command) {
      this.producedBy = command;
      return this;
    }

    /** A non-null column. */
    public Builder required(String column, DataType type, String doc) {
      columns.add(new ColumnSpec(column, type, false, doc));
      return this;
    }

    /** A nullable column. */
    public Builder optional(String column, DataType type, String doc) {
      columns.add(new ColumnSpec(column, type, true, doc));
      return this;
    }

    /** Copies columns of another contract (same name, type and doc). */
    public Builder columnsOf(TableContract other, String... names) {
      for (String n : names) {
        columns.add(other.columns.stream().filter(c -> c.name().equals(n)).findFirst()
            .orElseThrow(() -> new IllegalStateException(other + " has no column " + n)));
      }
      return this;
    }

    public Builder key(String... columns) {
      key.addAll(List.of(columns));
      return this;
    }

    public Builder partitionBy(String... columns) {
      partitionBy.addAll(List.of(columns));
      return this;
    }

    /** Keeps file statistics for these columns only (see {@link TableContract#statsColumns()}). */
    public Builder statsOn(String... columns) {
      statsColumns.addAll(List.of(columns));
      return this;
    }

    public TableContract build() {
      return new TableContract(this);
    }
  }
}
