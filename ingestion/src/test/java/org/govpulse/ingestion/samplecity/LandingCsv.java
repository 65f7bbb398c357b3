package org.govpulse.ingestion.samplecity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-side reader of landing files, written from the landing-formats document and independent of the generator:
 * detects the encoding (valid UTF-8, with or without BOM, else GB18030), parses RFC 4180 records and remembers the
 * physical line each record starts on. Blank lines are skipped.
 */
final class LandingCsv {

  /** One parsed record. {@code unterminated} marks a quote that never closes. */
  record Row(long line, List<String> fields, String raw, boolean unterminated) {
  }

  /** A decoded file. */
  record Parsed(String encoding, List<String> header, List<Row> rows) {
  }

  private LandingCsv() {
  }

  static boolean isValidUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  static Parsed read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String encoding;
    String text;
    if (isValidUtf8(bytes)) {
      encoding = "UTF-8";
      text = new String(bytes, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
    } else {
      encoding = "GB18030";
      text = new String(bytes, Charset.forName("GB18030"));
    }
    List<Row> all = parse(text);
    List<String> header = all.isEmpty() ? List.of() : all.get(0).fields();
    return new Parsed(encoding, header, all.subList(Math.min(1, all.size()), all.size()));
  }

  static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    int i = 0;
    long line = 1;
    int n = text.length();
    while (i < n) {
      // Blank line?
      if (text.charAt(i) == '\n') {
        i++;
        line++;
        continue;
      }
      if (text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
        i += 2;
        line++;
        continue;
      }
      long start = line;
      int rawStart = i;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean unterminated = false;
      boolean endOfRecord = false;
      while (!endOfRecord) {
        if (i >= n) {
          if (quoted) {
            unterminated = true;
          }
          fields.add(field.toString());
          break;
        }
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
            } else {
              quoted = false;
              i++;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            field.append(c);
            i++;
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
          i++;
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          i++;
        } else if (c == '\n' || (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n')) {
          fields.add(field.toString());
          i += c == '\r' ? 2 : 1;
          line++;
          endOfRecord = true;
        } else {
          field.append(c);
          i++;
        }
      }
      String raw = text.substring(rawStart, Math.min(i, n)).replaceAll("\r?\n$", "");
      rows.add(new Row(start, fields, raw, unterminated));
    }
    return rows;
  }
}
