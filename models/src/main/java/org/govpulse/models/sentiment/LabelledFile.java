package org.govpulse.models.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.govpulse.core.error.Errors;
import org.govpulse.ingestion.landing.CsvRecordReader;
import org.govpulse.ingestion.landing.Encodings;
import org.govpulse.models.registry.Provenances;

/**
 * A labelled CSV of posts as read for training or evaluation: a header with a {@code text} and a {@code label}
 * column (also {@code 内容} and {@code 标注}, as the hotline writes them; other columns are ignored), UTF-8 or
 * GB18030 (detected as at ingestion). Rows that cannot be used are kept with their line and reason in
 * {@link #bad()}, so that a caller can report them rather than drop them silently.
 *
 * @param path where it was read from (a Hadoop URI or local path)
 * @param sha256 hash of the file's bytes, recorded in the model's provenance
 * @param encoding UTF-8 or GB18030
 * @param rows usable rows, in file order, labels canonical ({@link SentimentLabels#canonical})
 * @param bad unusable rows
 */
public record LabelledFile(String path, String sha256, String encoding, List<Row> rows, List<BadRow> bad) {
  /** Fail when more than this share of data rows is bad: the file is then most likely not a labelled file. */
  public static final double MAX_BAD_SHARE = 0.10;

  /** A usable row: 1-based line where it starts, text and label. */
  public record Row(long line, String text, String label) {}

  /** An unusable row: line, why, and the raw record (shortened). */
  public record BadRow(long line, String reason, String raw) {
    @Override
    public String toString() {
      return "line " + line + ": " + reason + " [" + raw + "]";
    }
  }

  /** Reads a file through Hadoop's FileSystem; fails clearly when it cannot be used at all. */
  public static LabelledFile read(String path, Configuration hadoop) {
    byte[] bytes;
    Path p = new Path(path);
    try (InputStream in = p.getFileSystem(hadoop).open(p)) {
      bytes = in.readAllBytes();
    } catch (java.io.FileNotFoundException e) {
      throw Errors.invalidInput("The labelled file " + path + " does not exist", "training reads text,label rows "
          + "from it", "Pass an existing CSV with --data (the sample city writes training/sentiment_labelled.csv)");
    } catch (IOException e) {
      throw Errors.invalidInput("Cannot read the labelled file " + path, String.valueOf(e.getMessage()),
          "Check the path and permissions");
    }
    return parse(path, bytes);
  }

  /** Parses the bytes of a labelled file. */
  public static LabelledFile parse(String path, byte[] bytes) {
    Charset charset = Encodings.detect(bytes);
    int bom = Encodings.bomLength(bytes);
    String content = new String(bytes, bom, bytes.length - bom, charset);
    String encoding = charset.name().equals(Encodings.GB18030.name()) ? Encodings.GB18030_NAME : Encodings.UTF8_NAME;
    List<Row> rows = new ArrayList<>();
    List<BadRow> bad = new ArrayList<>();
    try {
      CsvRecordReader reader = new CsvRecordReader(new StringReader(content));
      CsvRecordReader.CsvRecord header = reader.next();
      if (header == null) {
        throw Errors.invalidInput("The labelled file " + path + " is empty", "training needs text,label rows",
            "Pass a CSV whose first line is a header such as text,label");
      }
      int textAt = column(header.fields(), "text", "内容");
      int labelAt = column(header.fields(), "label", "标注");
      if (textAt < 0 || labelAt < 0) {
        throw Errors.invalidInput("The labelled file " + path + " has no text and label columns",
            "its header is " + header.fields() + " (" + encoding + ")",
            "Start the file with a header naming the columns text and label, e.g. text,label");
      }
      for (CsvRecordReader.CsvRecord r = reader.next(); r != null; r = reader.next()) {
        String reason = r.malformed() != null ? "malformed CSV (" + r.malformed() + ")"
            : r.fields().size() != header.fields().size() ? "has " + r.fields().size() + " fields, the header "
                + header.fields().size()
            : r.fields().get(textAt).isBlank() ? "text is empty"
            : r.fields().get(labelAt).isBlank() ? "label is empty"
            : null;
        if (reason != null) {
          bad.add(new BadRow(r.startLine(), reason, shorten(r.raw())));
        } else {
          rows.add(new Row(r.startLine(), r.fields().get(textAt).trim(),
              SentimentLabels.canonical(r.fields().get(labelAt))));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    LabelledFile file = new LabelledFile(path, Provenances.sha256(bytes), encoding, rows, bad);
    file.requireUsable();
    return file;
  }

  /** Rows per label, sorted by label. */
  public Map<String, Integer> labelCounts() {
    Map<String, Integer> m = new TreeMap<>();
    rows.forEach(r -> m.merge(r.label(), 1, Integer::sum));
    return m;
  }

  /** A summary of the bad rows for the console: how many, and the first few with their lines and reasons. */
  public String badReport(int shown) {
    if (bad.isEmpty()) {
      return "no bad rows";
    }
    StringBuilder sb = new StringBuilder(bad.size() + " bad row(s) not used:");
    bad.stream().limit(shown).forEach(b -> sb.append("\n  ").append(b));
    if (bad.size() > shown) {
      sb.append("\n  ... and ").append(bad.size() - shown).append(" more");
    }
    return sb.toString();
  }

  private void requireUsable() {
    int total = rows.size() + bad.size();
    if (rows.isEmpty() || bad.size() > MAX_BAD_SHARE * total) {
      throw Errors.invalidInput("The labelled file " + path + " has " + bad.size() + " bad rows out of " + total,
          "more than " + Math.round(100 * MAX_BAD_SHARE) + "% of its rows cannot be used, so it is probably not a "
              + "text,label file (" + encoding + "); " + badReport(5).replace('\n', ' '),
          "Fix those rows (quote texts that contain commas or line breaks; every row needs a text and a label)");
    }
  }

  private static int column(List<String> header, String... names) {
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i).trim().toLowerCase(Locale.ROOT);
      for (String n : names) {
        if (h.equals(n)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static String shorten(String raw) {
    String oneLine = raw.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
  }
}
