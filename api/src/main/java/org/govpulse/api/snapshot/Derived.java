package org.govpulse.api.snapshot;

import java.util.List;
import java.util.function.Function;
import org.govpulse.core.table.TableContract;

/**
 * An index computed from some tables of a snapshot (warnings by id, series by region and indicator...). The store
 * builds every registered index before it publishes a snapshot, so requests never pay for it, and carries an index
 * over unchanged when none of the tables it depends on changed.
 *
 * @param name for logs and metrics
 * @param dependsOn the tables it reads
 * @param build computes it from a snapshot
 * @param <T> the index type
 */
public record Derived<T>(String name, List<TableContract> dependsOn, Function<WarehouseSnapshot, T> build) {
  public Derived {
    dependsOn = List.copyOf(dependsOn);
  }

  /** An index over some tables. */
  public static <T> Derived<T> of(String name, Function<WarehouseSnapshot, T> build, TableContract... dependsOn) {
    return new Derived<>(name, List.of(dependsOn), build);
  }
}
