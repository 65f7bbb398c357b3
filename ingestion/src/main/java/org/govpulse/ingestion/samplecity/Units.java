package org.govpulse.ingestion.samplecity;

import java.util.Map;

/**
 * The unit table of the landing formats: canonical unit names, their families and conversion factors. Only the
 * canonical spellings live here; report files also use aliases such as {@code ug/m3} or {@code 比例}.
 */
final class Units {

  static final String PERCENT = "%";
  static final String PER_MILLE = "‰";
  static final String FRACTION = "fraction";
  static final String YUAN = "元";
  static final String WAN_YUAN = "万元";
  static final String YI_YUAN = "亿元";
  static final String PERSONS = "人";
  static final String WAN_PERSONS = "万人";
  static final String UG_M3 = "µg/m³";
  static final String MG_M3 = "mg/m³";
  static final String YEARS = "岁";
  static final String DAYS = "天";
  static final String BEDS_PER_1000 = "张/千人";
  static final String STUDENTS_PER_TEACHER = "人/师";
  static final String INDEX = "指数";
  static final String SCORE = "分";

  /** Family of each unit and its factor to the family's base unit (%, 元, 人, µg/m³; others stand alone). */
  private static final Map<String, Object[]> TABLE = Map.ofEntries(
      Map.entry(PERCENT, new Object[] {"ratio", 1.0}),
      Map.entry(PER_MILLE, new Object[] {"ratio", 0.1}),
      Map.entry(FRACTION, new Object[] {"ratio", 100.0}),
      Map.entry(YUAN, new Object[] {"money", 1.0}),
      Map.entry(WAN_YUAN, new Object[] {"money", 1e4}),
      Map.entry(YI_YUAN, new Object[] {"money", 1e8}),
      Map.entry(PERSONS, new Object[] {"count", 1.0}),
      Map.entry(WAN_PERSONS, new Object[] {"count", 1e4}),
      Map.entry(UG_M3, new Object[] {"concentration", 1.0}),
      Map.entry(MG_M3, new Object[] {"concentration", 1000.0}),
      Map.entry(YEARS, new Object[] {"years", 1.0}),
      Map.entry(DAYS, new Object[] {"days", 1.0}),
      Map.entry(BEDS_PER_1000, new Object[] {"beds", 1.0}),
      Map.entry(STUDENTS_PER_TEACHER, new Object[] {"pupils", 1.0}),
      Map.entry(INDEX, new Object[] {"index", 1.0}),
      Map.entry(SCORE, new Object[] {"score", 1.0}));

  private Units() {
  }

  static String family(String unit) {
    Object[] row = TABLE.get(unit);
    if (row == null) {
      throw SampleCityException.internal("unit " + unit + " is not in the unit table");
    }
    return (String) row[0];
  }

  /** Converts a value between two units of one family. */
  static double convert(double value, String from, String to) {
    if (from.equals(to)) {
      return value;
    }
    if (!family(from).equals(family(to))) {
      throw SampleCityException.internal("cannot convert " + from + " to " + to);
    }
    return value * (double) TABLE.get(from)[1] / (double) TABLE.get(to)[1];
  }

  /** A known unit of another family, for records with the defect {@code unit_incompatible}. */
  static String incompatibleWith(String canonical) {
    return family(canonical).equals("ratio") ? YUAN : PERCENT;
  }
}
