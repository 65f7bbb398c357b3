package org.govpulse.ingestion.samplecity;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one RFC 4180 CSV file and keeps count of its physical lines, so that every record's 1-based starting line
 * (the header is line 1) is known when it is written. Fields are quoted only when they contain a comma, a quote or a
 * line break. Records of a landing source are counted in the {@link Ledger}.
 */
final class CsvFile implements Closeable {

  /** The encodings the landing formats accept. */
  enum Encoding {
    UTF8(StandardCharsets.UTF_8, false),
    UTF8_BOM(StandardCharsets.UTF_8, true),
    GB18030(Charset.forName("GB18030"), false);

    private final Charset charset;
    private final boolean bom;

    Encoding(Charset charset, boolean bom) {
      this.charset = charset;
      this.bom = bom;
    }
  }

  private final Path path;
  private final String relative;
  private final Writer out;
  private final String newline;
  private final Ledger ledger;
  private final String source;
  private long nextLine = 1;

  private CsvFile(Path path, String relative, Writer out, String newline, Ledger ledger, String source) {
    this.path = path;
    this.relative = relative;
    this.out = out;
    this.newline = newline;
    this.ledger = ledger;
    this.source = source;
  }

  /**
   * Creates {@code root/relative}. {@code source} is the landing source whose records are counted, or null for
   * files outside the landing area.
   */
  static CsvFile create(Path root, String relative, Encoding encoding, boolean crlf, Ledger ledger, String source) {
    Path path = root.resolve(relative);
    try {
      Files.createDirectories(path.getParent());
      OutputStream os = Files.newOutputStream(path);
      if (encoding.bom) {
        os.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      Writer w = new BufferedWriter(new OutputStreamWriter(os, encoding.charset), 1 << 16);
      return new CsvFile(path, relative, w, crlf ? "\r\n" : "\n", ledger, source);
    } catch (IOException e) {
      throw SampleCityException.cannotWrite(path, e);
    }
  }

  /** Path relative to its root (landing/ for landing files), with {@code /} separators. */
  String relative() {
    return relative;
  }

  void header(String... names) {
    writeLine(line(names));
  }

  /** Writes a record and returns the line it starts on. */
  long record(String... fields) {
    return raw(line(fields));
  }

  /** Writes an already formatted record (possibly malformed on purpose) and returns the line it starts on. */
  long raw(String formatted) {
    long start = nextLine;
    writeLine(formatted);
    if (source != null) {
      ledger.record(source);
    }
    return start;
  }

  /** A blank line, which readers skip. */
  void blankLine() {
    writeLine("");
  }

  private void writeLine(String text) {
    try {
      out.write(text);
      out.write(newline);
    } catch (IOException e) {
      throw SampleCityException.cannotWrite(path, e);
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        nextLine++;
      }
    }
    nextLine++;
  }

  /** Formats fields as one CSV record (without the line break). */
  static String line(String... fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      appendField(sb, fields[i]);
    }
    return sb.toString();
  }

  static void appendField(StringBuilder sb, String field) {
    String f = field == null ? "" : field;
    boolean quote = false;
    for (int i = 0; i < f.length() && !quote; i++) {
      char c = f.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      sb.append(f);
      return;
    }
    sb.append('"');
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == '"') {
        sb.append('"');
      }
      sb.append(c);
    }
    sb.append('"');
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw SampleCityException.cannotWrite(path, e);
    }
    if (ledger != null) {
      ledger.fileWritten();
    }
  }
}
