package org.govpulse.ingestion.samplecity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Book-keeping of everything written: records per landing source, every deliberately bad record with the reason a
 * correct validator gives first, every exact duplicate with the record it duplicates, and the number of files.
 * The ground truth ({@code bad_records.csv}, {@code expected_counts.csv}, {@code duplicates.csv}) is written from it.
 */
final class Ledger {

  static final String REFERENCE = "reference";
  static final String REPORTS = "reports";
  static final String SENSORS = "sensors";
  static final String POSTS = "posts";
  static final String SURVEYS = "surveys";
  static final List<String> SOURCES = List.of(REFERENCE, REPORTS, SENSORS, POSTS, SURVEYS);

  /** A record a correct ingestion quarantines. {@code file} is relative to landing/, {@code line} 1-based. */
  record Bad(String source, String file, long line, String reason) {
  }

  /** A record a correct ingestion drops as an exact duplicate of the record at {@code ofFile}:{@code ofLine}. */
  record Duplicate(String source, String file, long line, String ofFile, long ofLine) {
  }

  private final Map<String, long[]> counts = new LinkedHashMap<>();
  private final List<Bad> bad = new ArrayList<>();
  private final List<Duplicate> duplicates = new ArrayList<>();
  private long files;

  Ledger() {
    SOURCES.forEach(s -> counts.put(s, new long[3]));
  }

  void record(String source) {
    counts.get(source)[0]++;
  }

  void bad(String source, String file, long line, String reason) {
    bad.add(new Bad(source, file, line, reason));
    counts.get(source)[1]++;
  }

  void duplicate(String source, String file, long line, String ofFile, long ofLine) {
    duplicates.add(new Duplicate(source, file, line, ofFile, ofLine));
    counts.get(source)[2]++;
  }

  void fileWritten() {
    files++;
  }

  long files() {
    return files;
  }

  long records(String source) {
    return counts.get(source)[0];
  }

  long badCount(String source) {
    return counts.get(source)[1];
  }

  long duplicateCount(String source) {
    return counts.get(source)[2];
  }

  List<Bad> bad() {
    return bad;
  }

  List<Duplicate> duplicates() {
    return duplicates;
  }

  /** Records per source, in the order reports, sensors, posts, surveys, reference. */
  Map<String, Long> recordsBySource() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String s : List.of(REPORTS, SENSORS, POSTS, SURVEYS, REFERENCE)) {
      out.put(s, counts.get(s)[0]);
    }
    return out;
  }
}
