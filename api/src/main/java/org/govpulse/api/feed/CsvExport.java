package org.govpulse.api.feed;

import static org.govpulse.core.table.Col.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import org.govpulse.api.delta.Record;
import org.govpulse.models.warn.Level;

/**
 * The warnings as CSV (RFC 4180: comma, double quotes, CRLF) in UTF-8 with a byte-order mark: Excel opens a
 * UTF-8 file without one as the local ANSI code page and garbles Chinese, and every other reader skips the mark.
 * Text cells that a spreadsheet would take for a formula (=, +, -, @ first) get a leading apostrophe.
 */
public final class CsvExport {
  /** The byte-order mark of UTF-8. */
  public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  /** Column headers, in order. */
  public static final List<String> HEADER = List.of(WARNING_ID, WARNING_LEVEL, "level_zh", STATUS, KIND,
      REGION_CODE, "region_name_zh", "region_name_en", INDICATOR_CODE, DEPT_CODE, PERIOD, PROBABILITY, IMPORTANCE,
      TITLE_ZH, TITLE_EN, FIRST_RAISED_AT, UPDATED_AT, RESOLVED_AT, RESOLVED_BY, EXPLANATION_ZH, EXPLANATION_EN);

  private CsvExport() {}

  /**
   * The file's bytes.
   *
   * @param regionName (code, chinese) to the region's name
   */
  public static byte[] render(List<Record> warnings, BiFunction<String, Boolean, String> regionName) {
    StringBuilder sb = new StringBuilder();
    row(sb, HEADER);
    for (Record w : warnings) {
      String region = w.str(REGION_CODE);
      row(sb, List.of(w.str(WARNING_ID), w.str(WARNING_LEVEL), Level.parse(w.str(WARNING_LEVEL)).zh(),
          w.str(STATUS), w.str(KIND), region, regionName.apply(region, true), regionName.apply(region, false),
          text(w.get(INDICATOR_CODE)), text(w.get(DEPT_CODE)), w.str(PERIOD), text(w.get(PROBABILITY)),
          text(w.get(IMPORTANCE)), w.str(TITLE_ZH), w.str(TITLE_EN), text(w.get(FIRST_RAISED_AT)),
          text(w.get(UPDATED_AT)), text(w.get(RESOLVED_AT)), text(w.get(RESOLVED_BY)), w.str(EXPLANATION_ZH),
          w.str(EXPLANATION_EN)));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(BOM);
    out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static String text(Object v) {
    return v == null ? "" : v.toString();
  }

  private static void row(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(cell(cells.get(i)));
    }
    sb.append("\r\n");
  }

  static String cell(String raw) {
    String v = raw == null ? "" : raw;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  private static boolean isNumber(String v) {
    try {
      Double.parseDouble(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
