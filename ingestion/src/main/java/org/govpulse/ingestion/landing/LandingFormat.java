package org.govpulse.ingestion.landing;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govpulse.core.table.TableContract;

/**
 * A landing file format: its canonical columns, the header names accepted for each (English and Chinese), and which
 * are required. Maps a file's header onto the canonical columns; docs/landing-formats.md describes the same formats.
 */
public final class LandingFormat implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One canonical column of a format. */
  public record Column(String name, boolean required, List<String> aliases) implements Serializable {}

  private final String source;
  private final String folder;
  private final TableContract bronze;
  private final List<Column> columns;

  /**
   * A format.
   *
   * @param source source name used in quarantine and run logs
   * @param folder sub-folder (or file) of the landing area
   * @param bronze bronze table of the format, or null for reference files that go straight to silver
   * @param columns canonical columns
   */
  public LandingFormat(String source, String folder, TableContract bronze, List<Column> columns) {
    this.source = source;
    this.folder = folder;
    this.bronze = bronze;
    this.columns = List.copyOf(columns);
  }

  /** Source name: reports, sensors, posts, surveys. */
  public String source() {
    return source;
  }

  /** Sub-folder of the landing area. */
  public String folder() {
    return folder;
  }

  /** The bronze table that stores records of this format (null for reference files). */
  public TableContract bronze() {
    return bronze;
  }

  public List<Column> columns() {
    return columns;
  }

  /** Canonical column names in order. */
  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /** The result of matching a header: per canonical column the field index (-1 when absent), or an error. */
  public record HeaderMapping(int[] indexes, int fieldCount, String error) implements Serializable {
    /** True when every required column was found. */
    public boolean ok() {
      return error == null;
    }
  }

  /** Normalised header key: NFKC, trimmed, lower case, without spaces, underscores and BOM. */
  static String key(String header) {
    String s = Normalizer.normalize(header, Normalizer.Form.NFKC).replace("\uFEFF", "").trim()
        .toLowerCase(Locale.ROOT);
    return s.replace(" ", "").replace("_", "");
  }

  /** Matches a file's header onto this format's columns. */
  public HeaderMapping map(List<String> header) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      positions.putIfAbsent(key(header.get(i)), i);
    }
    int[] idx = new int[columns.size()];
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      Column col = columns.get(c);
      idx[c] = -1;
      for (String alias : col.aliases()) {
        Integer p = positions.get(key(alias));
        if (p != null) {
          idx[c] = p;
          break;
        }
      }
      if (idx[c] < 0 && col.required()) {
        missing.add(col.name());
      }
    }
    String error = missing.isEmpty() ? null
        : "missing_column: the header has no " + String.join(", ", missing) + " column (header: "
            + String.join(",", header) + ")";
    return new HeaderMapping(idx, header.size(), error);
  }
}
