package org.govpulse.ingestion.samplecity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes {@code landing/reports/<DEPT>/<DEPT>_<period>_v1.csv}: one file per department and reporting period,
 * each in the department's habits ({@link DepartmentHabits}), plus revision files ({@code _v2}, only the revised
 * rows, later {@code submitted_at}), a few whole files re-sent under a new name ({@code _v1_resend}), duplicated
 * lines, and about 0.5 % bad records, each with exactly one defect (see {@link ReportDefects}).
 *
 * <p>A file is only written if it was submitted before the end of the {@code asOf} day; a late department's last
 * reports have therefore not arrived yet.
 */
final class ReportWriter {

  private static final double BAD_SHARE = 0.0065;
  private static final double REVISION_SHARE = 0.03;
  private static final double DUPLICATE_LINE_SHARE = 0.002;
  private static final double RESEND_SHARE = 0.006;

  /** Semantic field positions; {@link #arrange} puts them in the department's column order. */
  static final int DEPT = 0;
  static final int REGION = 1;
  static final int INDICATOR = 2;
  static final int PERIOD = 3;
  static final int VALUE = 4;
  static final int UNIT = 5;
  static final int SUBMITTED = 6;

  private static final String[] EN_HEADER = {"department", "region", "indicator", "period", "value", "unit",
      "submitted_at"};
  private static final String[] ZH_HEADER = {"部门", "地区", "指标", "期间", "数值", "单位", "报送时间"};

  private final Catalogue catalogue;
  private final Regions regions;
  private final Timeline timeline;
  private final ReportedValues reported;
  private final Plants plants;
  private final RandomStreams streams;
  private final Path landing;
  private final Ledger ledger;
  private final ReportDefects defects;

  /** One record of a file before formatting. */
  private static final class Row {
    final Region region;
    final Indicator indicator;
    final Period period;
    double value;
    Double revisedValue;
    String badReason;
    int duplicate;

    Row(Region region, Indicator indicator, Period period, double value) {
      this.region = region;
      this.indicator = indicator;
      this.period = period;
      this.value = value;
    }
  }

  ReportWriter(Catalogue catalogue, Regions regions, Timeline timeline, ReportedValues reported, Plants plants,
      RandomStreams streams, Path landing, Ledger ledger) {
    this.catalogue = catalogue;
    this.regions = regions;
    this.timeline = timeline;
    this.reported = reported;
    this.plants = plants;
    this.streams = streams;
    this.landing = landing;
    this.ledger = ledger;
    this.defects = new ReportDefects(regions, streams.stream("reports/defect-order"));
  }

  void write() {
    for (Department d : catalogue.departments()) {
      DepartmentHabits habits = DepartmentHabits.of(d.code());
      SplittableRandom rnd = streams.stream("reports", d.code());
      Map<Frequency, List<Indicator>> byFrequency = new TreeMap<>();
      for (Indicator ind : catalogue.indicatorsOf(d.code())) {
        byFrequency.computeIfAbsent(ind.frequency(), f -> new ArrayList<>()).add(ind);
      }
      for (Map.Entry<Frequency, List<Indicator>> e : byFrequency.entrySet()) {
        for (Period p : timeline.reportPeriods(e.getKey())) {
          writePeriod(d, habits, p, e.getValue(), rnd);
        }
      }
    }
  }

  private void writePeriod(Department d, DepartmentHabits habits, Period p, List<Indicator> indicators,
      SplittableRandom rnd) {
    List<Plants.SuspiciousRevision> suspicious = plants.suspiciousRevisions.stream()
        .filter(s -> s.dept().equals(d.code()) && s.period().equals(p)).toList();
    LocalDateTime v1At = suspicious.isEmpty() ? submission(d, p, rnd) : suspicious.get(0).firstAt();
    LocalDateTime v2At = suspicious.isEmpty()
        ? v1At.plusDays(7 + rnd.nextInt(54)).withHour(9 + rnd.nextInt(9)).withMinute(rnd.nextInt(60))
        : suspicious.get(0).revisedAt();
    boolean chineseFile = rnd.nextDouble() < habits.chineseShare();
    boolean chineseRevision = rnd.nextDouble() < habits.chineseShare();
    if (!v1At.isBefore(timeline.cutoff())) {
      return;
    }
    boolean revisionsArrived = v2At.isBefore(timeline.cutoff());
    List<Row> rows = rows(habits, p, indicators);
    decideFates(rows, suspicious, revisionsArrived, rnd);
    String token = p.canonical();
    String v1Name = "reports/" + d.code() + "/" + d.code() + "_" + token + "_v1.csv";
    DepartmentHabits.FileStyle style = habits.style(chineseFile, p.year());
    List<Long> lines = new ArrayList<>();
    boolean clean;
    try (CsvFile file = CsvFile.create(landing, v1Name, style.encoding(), style.crlf(), ledger, Ledger.REPORTS)) {
      clean = writeRows(file, d, habits, style, rows, v1At, false, rnd, lines);
    }
    if (clean && rnd.nextDouble() < RESEND_SHARE) {
      resend(v1Name, lines);
    }
    List<Row> revised = rows.stream().filter(r -> r.revisedValue != null).toList();
    if (!revised.isEmpty()) {
      for (Row r : revised) {
        r.value = r.revisedValue;
        r.duplicate = 0;
        r.badReason = null;
      }
      String v2Name = "reports/" + d.code() + "/" + d.code() + "_" + token + "_v2.csv";
      DepartmentHabits.FileStyle v2Style = habits.style(chineseRevision, p.year());
      try (CsvFile file = CsvFile.create(landing, v2Name, v2Style.encoding(), v2Style.crlf(), ledger,
          Ledger.REPORTS)) {
        writeRows(file, d, habits, v2Style, revised, v2At, true, rnd, new ArrayList<>());
      }
    }
  }

  /**
   * Decides what happens to each row: a planted suspicious revision, a generic revision (first value slightly
   * wrong, corrected in v2), a bad record, a duplicated line, or nothing. Falsified series are left alone.
   */
  private void decideFates(List<Row> rows, List<Plants.SuspiciousRevision> suspicious, boolean revisionsArrived,
      SplittableRandom rnd) {
    for (Row row : rows) {
      Plants.SuspiciousRevision s = suspicious.stream()
          .filter(x -> x.region().equals(row.region.code()) && x.indicator().equals(row.indicator.code()))
          .findFirst().orElse(null);
      if (s != null) {
        row.value = s.firstValue();
        row.revisedValue = revisionsArrived ? s.revisedValue() : null;
        continue;
      }
      if (plants.falsified(row.region.code(), row.indicator.code())) {
        continue;
      }
      double u = rnd.nextDouble();
      if (u < REVISION_SHARE) {
        if (revisionsArrived) {
          row.revisedValue = row.value;
          row.value = ReportDefects.slightlyWrong(row.indicator, row.value, rnd);
        }
      } else if (u < REVISION_SHARE + BAD_SHARE) {
        row.badReason = defects.nextReason(row.indicator);
      } else if (u < REVISION_SHARE + BAD_SHARE + DUPLICATE_LINE_SHARE) {
        row.duplicate = rnd.nextBoolean() ? 1 : 2;
      }
    }
  }

  /** Rows of a file, indicator by indicator or region by region depending on the department. */
  private List<Row> rows(DepartmentHabits habits, Period p, List<Indicator> indicators) {
    List<Row> rows = new ArrayList<>();
    if (habits.regionMajor()) {
      for (Region r : regions.districts()) {
        for (Indicator ind : indicators) {
          rows.add(new Row(r, ind, p, reported.get(r.code(), ind.code(), p)));
        }
      }
    } else {
      for (Indicator ind : indicators) {
        for (Region r : regions.districts()) {
          rows.add(new Row(r, ind, p, reported.get(r.code(), ind.code(), p)));
        }
      }
    }
    return rows;
  }

  /** Writes the rows; returns true when the file has neither bad records nor duplicated lines. */
  private boolean writeRows(CsvFile file, Department d, DepartmentHabits habits,
      DepartmentHabits.FileStyle style, List<Row> rows, LocalDateTime at, boolean revision, SplittableRandom rnd,
      List<Long> lines) {
    file.header(arrange(habits, style.chineseHeaders() ? ZH_HEADER : EN_HEADER,
        style.chineseHeaders() ? "备注" : "remark"));
    boolean clean = true;
    List<String[]> atEnd = new ArrayList<>();
    for (Row row : rows) {
      String[] f = fields(d, habits, style, row, at, rnd);
      if (row.badReason != null && !revision) {
        String line = defects.apply(row.badReason, f, habits, style, row.indicator, row.period, row.value, at,
            g -> arrange(habits, g, ""));
        long n = file.raw(line);
        ledger.bad(Ledger.REPORTS, file.relative(), n, row.badReason);
        lines.add(n);
        clean = false;
        continue;
      }
      String line = CsvFile.line(arrange(habits, f, ""));
      long n = file.raw(line);
      lines.add(n);
      if (row.duplicate == 1 && !revision) {
        ledger.duplicate(Ledger.REPORTS, file.relative(), file.raw(line), file.relative(), n);
        clean = false;
      } else if (row.duplicate == 2 && !revision) {
        atEnd.add(new String[] {line, Long.toString(n)});
        clean = false;
      }
    }
    for (String[] dup : atEnd) {
      ledger.duplicate(Ledger.REPORTS, file.relative(), file.raw(dup[0]), file.relative(), Long.parseLong(dup[1]));
    }
    if (habits.trailingBlankLine()) {
      file.blankLine();
    }
    return clean;
  }

  /** The semantic fields of a good record: department, region, indicator, period, value, unit, submitted_at. */
  private String[] fields(Department d, DepartmentHabits habits, DepartmentHabits.FileStyle style, Row row,
      LocalDateTime at, SplittableRandom rnd) {
    DepartmentHabits.WrittenUnit unit = habits.unit(row.indicator, row.period);
    double v = Units.convert(row.value, row.indicator.unit(), unit.unit());
    String value = Spellings.decimal(v, DepartmentHabits.decimals(row.indicator, unit.unit()));
    if (habits.thousands() && Math.abs(v) >= 1000) {
      value = Spellings.thousands(value);
    }
    if (habits.percentSuffix() && unit.label().isEmpty() && unit.unit().equals(Units.PERCENT)) {
      value = value + "%";
    }
    if (style.fullWidthShare() > 0 && rnd.nextDouble() < style.fullWidthShare()) {
      value = Spellings.fullWidth(value);
    }
    String[] f = new String[7];
    f[DEPT] = DepartmentHabits.deptName(d, style.deptNaming());
    f[REGION] = habits.regionName(row.region, style.region());
    f[INDICATOR] = habits.indicatorName(row.indicator, style.indicator(), row.period);
    f[PERIOD] = Spellings.period(row.period, style.month(), style.quarter(), style.year());
    f[VALUE] = value;
    f[UNIT] = unit.label();
    f[SUBMITTED] = Spellings.time(at, style.time());
    return f;
  }

  /** Puts semantic fields (or header names) in the department's column order, adding FIN's remark column. */
  private static String[] arrange(DepartmentHabits habits, String[] semantic, String remark) {
    List<String> out = new ArrayList<>();
    if (!habits.departmentLast()) {
      out.add(semantic[DEPT]);
    }
    for (int i = REGION; i <= SUBMITTED; i++) {
      out.add(semantic[i]);
    }
    if (habits.departmentLast()) {
      out.add(semantic[DEPT]);
    }
    if (habits.remarkColumn()) {
      out.add(remark);
    }
    return out.toArray(new String[0]);
  }

  /**
   * When the file was submitted: a few days before the due date, sometimes late, and for the planted late
   * department mostly 20-60 days late.
   */
  private LocalDateTime submission(Department d, Period p, SplittableRandom rnd) {
    LocalDateTime due = p.dueDate().atTime(8 + rnd.nextInt(10), rnd.nextInt(60), rnd.nextInt(60));
    double u = rnd.nextDouble();
    Plants.LateReporting late = plants.lateFor(d.code()).orElse(null);
    if (late != null && u < late.share()) {
      return due.plusDays(late.minDays() + rnd.nextInt(late.maxDays() - late.minDays() + 1));
    }
    if (u > 0.94) {
      return due.plusDays(1 + rnd.nextInt(15));
    }
    return due.minusDays(rnd.nextInt(11));
  }

  /** Copies a clean file byte for byte under a new name: every record in it is an exact duplicate. */
  private void resend(String v1Name, List<Long> lines) {
    String resendName = v1Name.replace("_v1.csv", "_v1_resend.csv");
    Path target = landing.resolve(resendName);
    try {
      Files.copy(landing.resolve(v1Name), target);
    } catch (IOException e) {
      throw SampleCityException.cannotWrite(target, e);
    }
    ledger.fileWritten();
    for (long line : lines) {
      ledger.record(Ledger.REPORTS);
      ledger.duplicate(Ledger.REPORTS, resendName, line, v1Name, line);
    }
  }
}
