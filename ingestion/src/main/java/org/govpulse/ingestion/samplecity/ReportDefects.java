package org.govpulse.ingestion.samplecity;

import static org.govpulse.ingestion.samplecity.ReportWriter.DEPT;
import static org.govpulse.ingestion.samplecity.ReportWriter.INDICATOR;
import static org.govpulse.ingestion.samplecity.ReportWriter.PERIOD;
import static org.govpulse.ingestion.samplecity.ReportWriter.REGION;
import static org.govpulse.ingestion.samplecity.ReportWriter.SUBMITTED;
import static org.govpulse.ingestion.samplecity.ReportWriter.UNIT;
import static org.govpulse.ingestion.samplecity.ReportWriter.VALUE;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Bad report records, each with exactly one defect, and the "small corrections" that revisions fix.
 *
 * <p>The expected reason is the first one a correct validator finds when it checks in this order (the order of
 * {@link #CHECK_ORDER}): malformed_record, missing_value, region_unknown, indicator_unknown, department_unknown,
 * period_invalid, period_frequency_mismatch, period_in_future, value_not_numeric, unit_unknown, unit_incompatible,
 * value_out_of_range, timestamp_invalid. Because every bad record has a single defect the order matters only to
 * a validator that would find a second, spurious one; {@code period_in_future} is skipped when the submission time
 * cannot be read. Reasons are dealt round-robin in a seeded order, so every reason appears once a dozen bad
 * records exist.
 */
final class ReportDefects {

  static final List<String> CHECK_ORDER = List.of("malformed_record", "missing_value", "region_unknown",
      "indicator_unknown", "department_unknown", "period_invalid", "period_frequency_mismatch", "period_in_future",
      "value_not_numeric", "unit_unknown", "unit_incompatible", "value_out_of_range", "timestamp_invalid");

  private static final String[] PLACEHOLDERS = {"N/A", "暂无", "—", "-", "无"};
  private static final String[] UNKNOWN_UNITS = {"亿美元", "kg", "台", "billion"};
  private static final String[] UNKNOWN_INDICATORS_EN = {"GDP_PER_CAPITA", "PM25_MONITORED",
      "Green space per capita", "CITIZEN_SATISFACTION"};
  private static final String[] UNKNOWN_INDICATORS_ZH = {"人均公园绿地面积", "监测站PM2.5平均浓度", "群众满意度"};
  private static final String[] EXTRA_FIELDS = {"备注", "see note", "补报", "x"};

  private final Regions regions;
  private final SplittableRandom rnd;
  private final List<String> cycle;
  private int cursor;

  ReportDefects(Regions regions, SplittableRandom rnd) {
    this.regions = regions;
    this.rnd = rnd;
    this.cycle = new ArrayList<>(CHECK_ORDER);
    for (int i = cycle.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      String t = cycle.get(i);
      cycle.set(i, cycle.get(j));
      cycle.set(j, t);
    }
  }

  /** The next reason in the round-robin that can apply to the indicator (growth rates are never out of range). */
  String nextReason(Indicator ind) {
    int n = cycle.size();
    for (int k = 0; k < n; k++) {
      int at = (cursor + k) % n;
      String reason = cycle.get(at);
      if (!reason.equals("value_out_of_range") || ind.share() || !ind.mayBeNegative()) {
        cycle.set(at, cycle.get(cursor % n));
        cycle.set(cursor % n, reason);
        cursor++;
        return reason;
      }
    }
    throw SampleCityException.internal("no defect applies to " + ind.code());
  }

  /**
   * Applies one defect to the semantic fields of a good record and returns the CSV line to write.
   *
   * @param arrange puts semantic fields in the file's column order
   */
  String apply(String reason, String[] good, DepartmentHabits habits, DepartmentHabits.FileStyle style,
      Indicator ind, Period p, double canonicalValue, LocalDateTime submittedAt, UnaryOperator<String[]> arrange) {
    String[] f = good.clone();
    boolean chinese = style.chineseHeaders();
    switch (reason) {
      case "malformed_record" -> {
        return CsvFile.line(arrange.apply(f)) + "," + RandomStreams.pick(rnd, EXTRA_FIELDS);
      }
      case "missing_value" -> f[VALUE] = "";
      case "region_unknown" -> f[REGION] = unknownRegion(chinese);
      case "indicator_unknown" -> f[INDICATOR] = RandomStreams.pick(rnd,
          chinese ? UNKNOWN_INDICATORS_ZH : UNKNOWN_INDICATORS_EN);
      case "department_unknown" -> f[DEPT] = chinese ? "审计局" : "AUDIT";
      case "period_invalid" -> f[PERIOD] = switch (p.frequency()) {
        case MONTHLY -> Spellings.month(p.year(), 13, style.month());
        case QUARTERLY -> Spellings.quarter(p.year(), 5, style.quarter());
        case ANNUAL -> Spellings.year(1899, style.year());
      };
      case "period_frequency_mismatch" -> f[PERIOD] = switch (p.frequency()) {
        case MONTHLY -> Spellings.quarter(p.year(), (p.index() + 2) / 3, style.quarter());
        case QUARTERLY -> Spellings.month(p.year(), p.index() * 3, style.month());
        case ANNUAL -> Spellings.quarter(p.year(), 4, style.quarter());
      };
      case "period_in_future" -> {
        Period q = p.next();
        while (!q.start().isAfter(submittedAt.toLocalDate())) {
          q = q.next();
        }
        f[PERIOD] = Spellings.period(q, style.month(), style.quarter(), style.year());
      }
      case "value_not_numeric" -> f[VALUE] = RandomStreams.pick(rnd, PLACEHOLDERS);
      case "unit_unknown" -> {
        f[UNIT] = RandomStreams.pick(rnd, UNKNOWN_UNITS);
        f[VALUE] = stripPercent(f[VALUE]);
      }
      case "unit_incompatible" -> {
        f[UNIT] = Units.incompatibleWith(ind.unit());
        f[VALUE] = stripPercent(f[VALUE]);
      }
      case "value_out_of_range" -> f[VALUE] = outOfRange(habits, ind, p, canonicalValue);
      case "timestamp_invalid" -> f[SUBMITTED] = Spellings.invalidTime(submittedAt, style.time());
      default -> throw SampleCityException.internal("unknown defect " + reason);
    }
    return CsvFile.line(arrange.apply(f));
  }

  /** A share above 100 % or a negative amount, written in the record's unit. */
  private String outOfRange(DepartmentHabits habits, Indicator ind, Period p, double canonicalValue) {
    DepartmentHabits.WrittenUnit unit = habits.unit(ind, p);
    double canonical = ind.share() ? RandomStreams.uniform(rnd, 101, 140) : -Math.max(1, Math.abs(canonicalValue));
    double v = Units.convert(canonical, ind.unit(), unit.unit());
    String text = Spellings.decimal(v, DepartmentHabits.decimals(ind, unit.unit()));
    if (habits.percentSuffix() && unit.label().isEmpty() && unit.unit().equals(Units.PERCENT)) {
      text = text + "%";
    }
    return text;
  }

  private String unknownRegion(boolean chinese) {
    List<String> names = regions.unknownNames().stream()
        .filter(n -> DepartmentHabits.hasCjk(n) == chinese).toList();
    return RandomStreams.pick(rnd, names.isEmpty() ? regions.unknownNames() : names);
  }

  private static String stripPercent(String value) {
    return value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
  }

  /** A first submission that a later revision corrects: off by 0.5-3 % (growth rates by 0.2-0.8 points). */
  static double slightlyWrong(Indicator ind, double v, SplittableRandom r) {
    double sign = r.nextBoolean() ? 1 : -1;
    double w = ind.mayBeNegative() ? v + sign * RandomStreams.uniform(r, 0.2, 0.8)
        : v * (1 + sign * RandomStreams.uniform(r, 0.005, 0.03));
    if (ind.share()) {
      w = Math.min(100, w);
    }
    if (!ind.mayBeNegative()) {
      w = Math.max(0, w);
    }
    double step = StrictMath.pow(10, -ind.decimals());
    if (Spellings.decimal(w, ind.decimals()).equals(Spellings.decimal(v, ind.decimals()))) {
      w = v + step <= 100 || !ind.share() ? v + step : v - step;
    }
    return w;
  }
}
