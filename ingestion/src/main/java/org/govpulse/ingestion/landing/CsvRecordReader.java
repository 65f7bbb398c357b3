package org.govpulse.ingestion.landing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV records from a character stream, keeping for each record its raw text and the line where it
 * starts. Quoted fields may contain commas, doubled quotes and line breaks. Line breaks are LF, CRLF or CR.
 *
 * <p>Hand-written rather than a library parser because lineage needs the exact raw text and start line of every
 * record, and because this is the hot loop of sensor ingestion.
 */
public final class CsvRecordReader {
  private static final int EOF = -1;

  private final Reader in;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int len;
  private long line = 1;

  public CsvRecordReader(Reader in) {
    this.in = in;
  }

  /** One CSV record. {@code malformed} is set when a quote is not closed or is followed by text. */
  public record CsvRecord(List<String> fields, String raw, long startLine, String malformed) {}

  private int read() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return EOF;
      }
    }
    return buf[pos++];
  }

  private int peek() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return EOF;
      }
    }
    return buf[pos];
  }

  /** The next record, or null at the end. Blank lines are skipped. */
  public CsvRecord next() throws IOException {
    while (true) {
      int c = peek();
      if (c == EOF) {
        return null;
      }
      if (c == '\n' || c == '\r') {
        consumeLineBreak(read());
        continue;
      }
      return readRecord();
    }
  }

  private void consumeLineBreak(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private CsvRecord readRecord() throws IOException {
    long start = line;
    StringBuilder raw = new StringBuilder(64);
    StringBuilder field = new StringBuilder(32);
    List<String> fields = new ArrayList<>(8);
    String malformed = null;
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      int c = read();
      if (c == EOF) {
        if (quoted) {
          malformed = "a quoted field is not closed before the end of the file";
        }
        fields.add(field.toString());
        return new CsvRecord(fields, raw.toString(), start, malformed);
      }
      if (quoted) {
        if (c == '"') {
          if (peek() == '"') {
            read();
            raw.append("\"\"");
            field.append('"');
          } else {
            quoted = false;
            raw.append('"');
          }
        } else {
          if (c == '\n' || (c == '\r' && peek() != '\n')) {
            line++;
          }
          raw.append((char) c);
          field.append((char) c);
        }
        continue;
      }
      switch (c) {
        case ',':
          fields.add(field.toString());
          field.setLength(0);
          wasQuoted = false;
          raw.append(',');
          break;
        case '"':
          raw.append('"');
          if (field.length() == 0 && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
          } else if (malformed == null) {
            malformed = "a quote appears inside an unquoted field";
            field.append('"');
          }
          break;
        case '\r':
        case '\n':
          consumeLineBreak(c);
          fields.add(field.toString());
          return new CsvRecord(fields, raw.toString(), start, malformed);
        default:
          if (wasQuoted && malformed == null && c != ' ') {
            malformed = "text follows a closing quote";
          }
          raw.append((char) c);
          field.append((char) c);
      }
    }
  }
}
