package org.govpulse.core.table;

import java.util.List;
import java.util.stream.Collectors;

/** Renders docs/tables.md from the table contracts, so the reference cannot drift from the code. */
public final class TableReference {
  private TableReference() {}

  /** The markdown of the table reference. */
  public static String markdown(List<TableContract> tables) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Table reference\n\n")
        .append("Every table GovPulse writes, generated from the table contracts in `core` ")
        .append("(`./govpulse tables --doc` prints this file; a test keeps it in step with the code).\n")
        .append("Tables are Delta Lake tables under the warehouse root, at `<warehouse>/<layer>/<name>`.\n\n")
        .append("| table | written by | key | description |\n|---|---|---|---|\n");
    for (TableContract t : tables) {
      sb.append("| [").append(t.qualifiedName()).append("](#").append(anchor(t)).append(") | `")
          .append(t.producedBy()).append("` | ").append(keyText(t)).append(" | ").append(t.description())
          .append(" |\n");
    }
    for (TableContract t : tables) {
      sb.append("\n## ").append(t.qualifiedName()).append("\n\n")
          .append(t.description()).append("\n\n")
          .append("Location `<warehouse>/").append(t.layer()).append('/').append(t.name()).append("`; key ")
          .append(keyText(t));
      if (!t.partitionBy().isEmpty()) {
        sb.append("; partitioned by ").append(String.join(", ", t.partitionBy()));
      }
      if (!t.statsColumns().isEmpty()) {
        sb.append("; file statistics on ").append(String.join(", ", t.statsColumns()));
      }
      sb.append(".\n\n| column | type | null | description |\n|---|---|---|---|\n");
      for (ColumnSpec c : t.columns()) {
        sb.append("| ").append(c.name()).append(" | ").append(c.type().simpleString()).append(" | ")
            .append(c.nullable() ? "yes" : "no").append(" | ").append(c.doc().replace("|", "\\|")).append(" |\n");
      }
    }
    return sb.toString();
  }

  private static String keyText(TableContract t) {
    return t.key().isEmpty() ? "none (append-only log)"
        : t.key().stream().map(k -> "`" + k + "`").collect(Collectors.joining(", "));
  }

  private static String anchor(TableContract t) {
    return t.qualifiedName().replace(".", "").replace("_", "_");
  }
}
