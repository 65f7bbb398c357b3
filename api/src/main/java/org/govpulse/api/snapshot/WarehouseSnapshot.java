package org.govpulse.api.snapshot;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.govpulse.api.delta.Record;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.TableContract;

/**
 * What the API serves at one moment: every served table at one Delta version, and the indexes built from them.
 * Immutable once published; a request takes the current snapshot once and answers from it alone, so the answer is
 * consistent even while a job commits new versions.
 */
public final class WarehouseSnapshot {
  private final long generation;
  private final Map<TableContract, TableSnapshot> tables;
  private final Map<Derived<?>, Object> derived;
  private final Instant createdAt;

  WarehouseSnapshot(long generation, Map<TableContract, TableSnapshot> tables, Map<Derived<?>, Object> derived,
      Instant createdAt) {
    this.generation = generation;
    this.tables = Collections.unmodifiableMap(new HashMap<>(tables));
    this.derived = new HashMap<>(derived);
    this.createdAt = createdAt;
  }

  /** An empty snapshot, before the first load. */
  static WarehouseSnapshot empty() {
    return new WarehouseSnapshot(0, Map.of(), Map.of(), Instant.EPOCH);
  }

  /** Increases with every published snapshot; caches key on it. */
  public long generation() {
    return generation;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<TableSnapshot> table(TableContract table) {
    return Optional.ofNullable(tables.get(table));
  }

  /** The rows of a table, empty when it does not exist (yet). */
  public List<Record> rows(TableContract table) {
    TableSnapshot t = tables.get(table);
    return t == null ? List.of() : t.rows();
  }

  /** The version of a table, or -1 when it does not exist. */
  public long version(TableContract table) {
    TableSnapshot t = tables.get(table);
    return t == null ? -1 : t.version();
  }

  /** Versions of the tables present, by qualified name. */
  public Map<String, Long> versions() {
    Map<String, Long> out = new TreeMap<>();
    tables.forEach((t, s) -> out.put(t.qualifiedName(), s.version()));
    return out;
  }

  Map<TableContract, TableSnapshot> tables() {
    return tables;
  }

  Map<Derived<?>, Object> derivedValues() {
    return derived;
  }

  /** An index of this snapshot; it must be registered with the store. */
  @SuppressWarnings("unchecked")
  public <T> T get(Derived<T> index) {
    Object v = derived.get(index);
    if (v == null && !derived.containsKey(index)) {
      throw Errors.internal("Reading index " + index.name(),
          new IllegalStateException("the index is not registered with the snapshot store"));
    }
    return (T) v;
  }
}
