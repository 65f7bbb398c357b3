package org.govpulse.ingestion.samplecity;

import org.govpulse.ingestion.samplecity.Spellings.MonthStyle;
import org.govpulse.ingestion.samplecity.Spellings.QuarterStyle;
import org.govpulse.ingestion.samplecity.Spellings.TimeStyle;
import org.govpulse.ingestion.samplecity.Spellings.YearStyle;

/**
 * How one department writes its report files: encoding and header language, how it names regions, indicators and
 * itself, its favourite period and time spellings, its units and number formatting. Documented in
 * {@code docs/sample-city.md}. GSA mixes two styles (a share of its files are GB18030 with Chinese headers).
 */
record DepartmentHabits(
    String dept,
    FileStyle english,
    FileStyle chinese,
    double chineseShare,
    boolean thousands,
    boolean percentSuffix,
    boolean emptyCanonicalUnit,
    boolean remarkColumn,
    boolean departmentLast,
    boolean regionMajor,
    boolean trailingBlankLine) {

  /** How a region is named in a report. */
  enum RegionNaming { CODE, NAME_ZH, NAME_EN, SHORT_ZH, SHORT_EN, LETTERS }

  /** How an indicator is named in a report. */
  enum IndicatorNaming { CODE, NAME_ZH, NAME_EN, ALIAS_ZH, ALIAS_EN }

  /** How the department names itself. */
  enum DeptNaming { CODE, NAME_ZH, NAME_EN }

  /** One way of writing a file. */
  record FileStyle(CsvFile.Encoding encoding, boolean chineseHeaders, boolean crlf, RegionNaming region,
      IndicatorNaming indicator, DeptNaming deptNaming, MonthStyle month, QuarterStyle quarter, YearStyle year,
      TimeStyle time, double fullWidthShare) {

    FileStyle withMonth(MonthStyle m) {
      return new FileStyle(encoding, chineseHeaders, crlf, region, indicator, deptNaming, m, quarter, year, time,
          fullWidthShare);
    }

    FileStyle withQuarter(QuarterStyle q) {
      return new FileStyle(encoding, chineseHeaders, crlf, region, indicator, deptNaming, month, q, year, time,
          fullWidthShare);
    }
  }

  /** A unit as written ({@code label}, possibly an alias or empty) and the unit it means. */
  record WrittenUnit(String label, String unit) {
  }

  static DepartmentHabits of(String dept) {
    CsvFile.Encoding utf8 = CsvFile.Encoding.UTF8;
    CsvFile.Encoding bom = CsvFile.Encoding.UTF8_BOM;
    CsvFile.Encoding gb = CsvFile.Encoding.GB18030;
    return switch (dept) {
      case "DRC" -> new DepartmentHabits(dept,
          new FileStyle(utf8, false, false, RegionNaming.CODE, IndicatorNaming.CODE, DeptNaming.CODE,
              MonthStyle.COMPACT, QuarterStyle.Q, YearStyle.PLAIN, TimeStyle.DATE_MINUTES, 0),
          null, 0, false, false, true, false, false, false, false);
      case "STATS" -> new DepartmentHabits(dept,
          new FileStyle(bom, false, false, RegionNaming.NAME_EN, IndicatorNaming.CODE, DeptNaming.CODE,
              MonthStyle.DASH, QuarterStyle.Q, YearStyle.PLAIN, TimeStyle.DATE_SECONDS, 0),
          null, 0, true, false, false, false, false, false, false);
      case "FIN" -> new DepartmentHabits(dept,
          new FileStyle(utf8, false, false, RegionNaming.CODE, IndicatorNaming.ALIAS_EN, DeptNaming.NAME_EN,
              MonthStyle.SLASH, QuarterStyle.Q, YearStyle.PLAIN, TimeStyle.SLASH_MINUTES, 0),
          null, 0, true, false, false, true, false, false, true);
      case "HRSS" -> new DepartmentHabits(dept, null,
          new FileStyle(gb, true, true, RegionNaming.NAME_ZH, IndicatorNaming.ALIAS_ZH, DeptNaming.NAME_ZH,
              MonthStyle.ZH, QuarterStyle.ZH_ORDINAL, YearStyle.ZH, TimeStyle.SLASH_DATE, 0),
          1, false, false, false, false, false, true, false);
      case "EEB" -> new DepartmentHabits(dept,
          new FileStyle(utf8, false, false, RegionNaming.LETTERS, IndicatorNaming.NAME_EN, DeptNaming.CODE,
              MonthStyle.EN, QuarterStyle.Q_FIRST, YearStyle.FY, TimeStyle.ISO_OFFSET, 0),
          null, 0, false, false, false, false, false, false, false);
      case "HC" -> new DepartmentHabits(dept, null,
          new FileStyle(gb, true, true, RegionNaming.SHORT_ZH, IndicatorNaming.NAME_ZH, DeptNaming.NAME_ZH,
              MonthStyle.ZH, QuarterStyle.ZH_ORDINAL, YearStyle.ZH_FULL, TimeStyle.DATE, 0),
          1, false, false, false, false, false, true, false);
      case "EDU" -> new DepartmentHabits(dept, null,
          new FileStyle(gb, true, true, RegionNaming.NAME_ZH, IndicatorNaming.ALIAS_ZH, DeptNaming.NAME_ZH,
              MonthStyle.ZH, QuarterStyle.ZH_ORDINAL, YearStyle.ZH, TimeStyle.SLASH_MINUTES, 0.1),
          1, false, false, false, false, false, true, false);
      case "GSA" -> new DepartmentHabits(dept,
          new FileStyle(utf8, false, false, RegionNaming.CODE, IndicatorNaming.CODE, DeptNaming.CODE,
              MonthStyle.M, QuarterStyle.DASH_Q, YearStyle.PLAIN, TimeStyle.ISO_Z, 0),
          new FileStyle(gb, true, true, RegionNaming.NAME_ZH, IndicatorNaming.NAME_ZH, DeptNaming.NAME_ZH,
              MonthStyle.ZH_PADDED, QuarterStyle.ZH_DIGIT, YearStyle.ZH, TimeStyle.DATE_MINUTES, 0.05),
          0.4, false, false, false, false, false, false, false);
      case "TRA" -> new DepartmentHabits(dept,
          new FileStyle(bom, false, false, RegionNaming.SHORT_EN, IndicatorNaming.ALIAS_EN, DeptNaming.NAME_EN,
              MonthStyle.DOT, QuarterStyle.Q, YearStyle.PLAIN, TimeStyle.DATE_SECONDS, 0),
          null, 0, false, true, false, false, true, false, false);
      default -> throw SampleCityException.internal("no habits for department " + dept);
    };
  }

  /** The style of one file: the Chinese one with probability {@code chineseShare}, plus habits of some years. */
  FileStyle style(boolean chineseFile, int year) {
    FileStyle s = chineseFile ? chinese : english;
    return switch (dept) {
      case "DRC" -> year == 2021 ? s.withMonth(MonthStyle.DASH_SHORT) : s;
      case "STATS" -> year == 2022 ? s.withQuarter(QuarterStyle.SPACE_Q) : s;
      case "EEB" -> year == 2024 ? s.withQuarter(QuarterStyle.LOWER_Q) : s;
      case "HC" -> year == 2023 ? s.withQuarter(QuarterStyle.ZH_SHORT) : s;
      default -> s;
    };
  }

  /** Unit habits: GDP in 万元 in odd years, rates as fractions, infant mortality in %, ug/m3, empty units. */
  WrittenUnit unit(Indicator ind, Period p) {
    String code = ind.code();
    if (dept.equals("STATS") && code.equals("GDP")) {
      return p.year() % 2 == 1 ? new WrittenUnit(Units.WAN_YUAN, Units.WAN_YUAN)
          : new WrittenUnit(Units.YI_YUAN, Units.YI_YUAN);
    }
    if (dept.equals("FIN") && code.equals("FISCAL_REVENUE")) {
      return new WrittenUnit(Units.WAN_YUAN, Units.WAN_YUAN);
    }
    if (dept.equals("HRSS") && code.equals("URBAN_UNEMPLOYMENT") && p.year() == 2022) {
      return new WrittenUnit("fraction", Units.FRACTION);
    }
    if (dept.equals("HRSS") && code.equals("PENSION_COVERAGE")) {
      return new WrittenUnit("比例", Units.FRACTION);
    }
    if (dept.equals("HC") && code.equals("INFANT_MORTALITY") && (p.year() == 2022 || p.year() == 2024)) {
      return new WrittenUnit(Units.PERCENT, Units.PERCENT);
    }
    if (dept.equals("EEB") && code.equals("PM25_MEAN")) {
      return new WrittenUnit("ug/m3", Units.UG_M3);
    }
    if (emptyCanonicalUnit || (percentSuffix && ind.unit().equals(Units.PERCENT))) {
      return new WrittenUnit("", ind.unit());
    }
    return new WrittenUnit(ind.unit(), ind.unit());
  }

  /** Decimals written in a unit, keeping the indicator's precision (GDP 亿元 with 2 -> 万元 with 0). */
  static int decimals(Indicator ind, String writtenUnit) {
    if (writtenUnit.equals(Units.WAN_YUAN) && ind.unit().equals(Units.YI_YUAN)) {
      return 0;
    }
    double factor = Units.convert(1, ind.unit(), writtenUnit);
    return Math.max(0, ind.decimals() - (int) Math.round(StrictMath.log10(factor)));
  }

  String regionName(Region r, RegionNaming naming) {
    return switch (naming) {
      case CODE -> r.code();
      case NAME_ZH -> r.nameZh();
      case NAME_EN -> r.nameEn();
      case SHORT_ZH -> r.shortZh();
      case SHORT_EN -> r.shortEn();
      case LETTERS -> r.letterCode().isEmpty() ? r.code() : r.letterCode();
    };
  }

  String indicatorName(Indicator ind, IndicatorNaming naming, Period p) {
    if (ind.code().equals("URBAN_UNEMPLOYMENT") && naming == IndicatorNaming.ALIAS_ZH) {
      // HRSS switched wording with the new (surveyed) definition.
      return p.compareTo(Period.month(2024, 1)) >= 0 ? "城镇调查失业率" : "城镇登记失业率";
    }
    return switch (naming) {
      case CODE -> ind.code();
      case NAME_ZH -> ind.nameZh();
      case NAME_EN -> ind.nameEn();
      case ALIAS_ZH -> ind.aliases().stream().filter(DepartmentHabits::hasCjk).findFirst().orElse(ind.nameZh());
      case ALIAS_EN -> ind.aliases().stream().filter(a -> !hasCjk(a)).findFirst().orElse(ind.nameEn());
    };
  }

  static String deptName(Department d, DeptNaming naming) {
    return switch (naming) {
      case CODE -> d.code();
      case NAME_ZH -> d.nameZh();
      case NAME_EN -> d.nameEn();
    };
  }

  static boolean hasCjk(String s) {
    return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
