package org.govpulse.ingestion.samplecity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes {@code ground_truth/}: what a correct pipeline must find.
 *
 * <ul>
 *   <li>{@code planted.csv}: every planted falsification, trouble and sensor fault;
 *   <li>{@code bad_records.csv}: every deliberately bad record ({@code source,file,line,expected_reason}; file
 *       relative to landing/, line 1-based where the record starts, header = line 1);
 *   <li>{@code expected_counts.csv}: per source, records read, records quarantined, exact duplicates dropped;
 *   <li>{@code duplicates.csv}: every exact duplicate and the earlier record it repeats;
 *   <li>{@code true_series.csv}: clean values per district/county, report indicator and reported period.
 * </ul>
 */
final class GroundTruthWriter {

  private final Catalogue catalogue;
  private final Regions regions;
  private final TrueSeries truth;
  private final Timeline timeline;
  private final Path dir;
  private final Ledger ledger;

  GroundTruthWriter(Catalogue catalogue, Regions regions, TrueSeries truth, Timeline timeline, Path dir,
      Ledger ledger) {
    this.catalogue = catalogue;
    this.regions = regions;
    this.truth = truth;
    this.timeline = timeline;
    this.dir = dir;
    this.ledger = ledger;
  }

  void write(List<PlantedItem> planted) {
    try (CsvFile f = open("planted.csv")) {
      f.header("planted_id", "kind", "region_code", "indicator_code", "dept_code", "sensor_id", "period_from",
          "period_to", "detail");
      for (PlantedItem p : planted) {
        f.record(p.plantedId(), p.kind().code(), p.regionCode(), p.indicatorCode(), p.deptCode(), p.sensorId(),
            p.periodFrom(), p.periodTo(), p.detail());
      }
    }
    List<Ledger.Bad> bad = new ArrayList<>(ledger.bad());
    bad.sort(Comparator.comparing((Ledger.Bad b) -> Ledger.SOURCES.indexOf(b.source()))
        .thenComparing(Ledger.Bad::file).thenComparingLong(Ledger.Bad::line));
    try (CsvFile f = open("bad_records.csv")) {
      f.header("source", "file", "line", "expected_reason");
      for (Ledger.Bad b : bad) {
        f.record(b.source(), b.file(), Long.toString(b.line()), b.reason());
      }
    }
    List<Ledger.Duplicate> dups = new ArrayList<>(ledger.duplicates());
    dups.sort(Comparator.comparing((Ledger.Duplicate d) -> Ledger.SOURCES.indexOf(d.source()))
        .thenComparing(Ledger.Duplicate::file).thenComparingLong(Ledger.Duplicate::line));
    try (CsvFile f = open("duplicates.csv")) {
      f.header("source", "file", "line", "duplicate_of_file", "duplicate_of_line");
      for (Ledger.Duplicate d : dups) {
        f.record(d.source(), d.file(), Long.toString(d.line()), d.ofFile(), Long.toString(d.ofLine()));
      }
    }
    try (CsvFile f = open("expected_counts.csv")) {
      f.header("source", "records", "bad", "exact_duplicates");
      for (String s : Ledger.SOURCES) {
        f.record(s, Long.toString(ledger.records(s)), Long.toString(ledger.badCount(s)),
            Long.toString(ledger.duplicateCount(s)));
      }
    }
    try (CsvFile f = open("true_series.csv")) {
      f.header("region_code", "indicator_code", "period", "true_value");
      for (Region r : regions.districts()) {
        for (Indicator ind : catalogue.reportIndicators()) {
          for (Period p : timeline.reportPeriods(ind.frequency())) {
            f.record(r.code(), ind.code(), p.canonical(), Spellings.decimal(truth.get(r.code(), ind.code(), p), 4));
          }
        }
      }
    }
  }

  private CsvFile open(String name) {
    return CsvFile.create(dir, name, CsvFile.Encoding.UTF8, false, ledger, null);
  }
}
