package org.govpulse.ingestion.landing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads the records of one landing file in a given format: detects the encoding, reads CSV records, maps the header
 * onto the format's columns. Every record comes out, with a parse error when it cannot be split into the columns.
 */
public final class LandingRecords implements Iterator<LandingRecords.LandingRecord> {

  /**
   * One record of a landing file.
   *
   * @param values field per canonical column of the format (null when absent or empty, or when parseError is set)
   * @param raw the record's text
   * @param line line where it starts
   * @param parseError "missing_column: ..." or "malformed_record: ...", or null
   */
  public record LandingRecord(String[] values, String raw, long line, String parseError) {
    /** Values by canonical column name. */
    public java.util.Map<String, String> asMap(LandingFormat format) {
      java.util.Map<String, String> m = new java.util.HashMap<>();
      List<String> names = format.columnNames();
      for (int i = 0; i < names.size(); i++) {
        m.put(names.get(i), values[i]);
      }
      return m;
    }
  }

  private final CsvRecordReader reader;
  private final String encoding;
  private final LandingFormat.HeaderMapping mapping;
  private final int width;
  private CsvRecordReader.CsvRecord next;

  /** Starts reading the bytes of a file. */
  public LandingRecords(LandingFormat format, byte[] bytes) {
    Charset charset = Encodings.detect(bytes);
    int bom = charset == StandardCharsets.UTF_8 ? Encodings.bomLength(bytes) : 0;
    this.reader = new CsvRecordReader(new InputStreamReader(
        new ByteArrayInputStream(bytes, bom, bytes.length - bom), charset));
    this.encoding = charset == StandardCharsets.UTF_8 ? Encodings.UTF8_NAME : Encodings.GB18030_NAME;
    this.width = format.columns().size();
    CsvRecordReader.CsvRecord header = advance();
    this.mapping = header == null ? null : format.map(header.fields());
    this.next = advance();
  }

  /** Detected encoding name: UTF-8 or GB18030. */
  public String encoding() {
    return encoding;
  }

  /** All records of a file. */
  public static List<LandingRecord> readAll(LandingFormat format, byte[] bytes) {
    List<LandingRecord> out = new ArrayList<>();
    new LandingRecords(format, bytes).forEachRemaining(out::add);
    return out;
  }

  private CsvRecordReader.CsvRecord advance() {
    try {
      return reader.next();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean hasNext() {
    return next != null;
  }

  @Override
  public LandingRecord next() {
    if (next == null) {
      throw new NoSuchElementException();
    }
    CsvRecordReader.CsvRecord rec = next;
    next = advance();
    String error = mapping.error();
    if (error == null && rec.malformed() != null) {
      error = "malformed_record: " + rec.malformed();
    }
    if (error == null && rec.fields().size() != mapping.fieldCount()) {
      error = "malformed_record: " + rec.fields().size() + " fields where the header has " + mapping.fieldCount();
    }
    String[] values = new String[width];
    if (error == null) {
      for (int c = 0; c < width; c++) {
        int field = mapping.indexes()[c];
        if (field >= 0) {
          String t = rec.fields().get(field).trim();
          values[c] = t.isEmpty() ? null : t;
        }
      }
    }
    return new LandingRecord(values, rec.raw(), rec.startLine(), error);
  }
}
