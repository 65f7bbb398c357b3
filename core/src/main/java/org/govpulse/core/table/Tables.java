package org.govpulse.core.table;

import java.util.ArrayList;
import java.util.List;

/** Every table of the warehouse, in the order of docs/tables.md. */
public final class Tables {
  private Tables() {}

  /** All table contracts. */
  public static List<TableContract> all() {
    List<TableContract> all = new ArrayList<>(IngestTables.all());
    all.addAll(GoldTables.all());
    all.addAll(ForecastTables.all());
    all.addAll(WarningTables.all());
    all.addAll(ModelTables.all());
    all.addAll(ApiTables.all());
    return List.copyOf(all);
  }

  /** The contract of a table by its qualified name (silver.reports). */
  public static java.util.Optional<TableContract> byName(String qualifiedName) {
    return all().stream().filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst();
  }
}
