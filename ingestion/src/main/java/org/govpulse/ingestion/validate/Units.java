package org.govpulse.ingestion.validate;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The unit table of docs/landing-formats.md: units of one family convert into each other by a factor to the
 * family's base unit; units without a family only match themselves.
 */
public final class Units {
  private Units() {}

  /** A unit: canonical spelling, family (null when it converts to nothing else) and factor to the family base. */
  public record Unit(String code, String family, double factor) implements Serializable {}

  private static final Map<String, Unit> BY_ALIAS = new HashMap<>();

  static {
    add(new Unit("%", "ratio", 0.01), "%", "percent", "pct", "百分比", "百分率");
    add(new Unit("‰", "ratio", 0.001), "‰", "permille", "per mille", "千分比", "千分率");
    add(new Unit("fraction", "ratio", 1.0), "fraction", "比例", "ratio", "小数");
    add(new Unit("元", "money", 1.0), "元", "yuan", "cny", "rmb");
    add(new Unit("万元", "money", 1e4), "万元", "10k yuan", "ten thousand yuan");
    add(new Unit("亿元", "money", 1e8), "亿元", "100m yuan", "100 million yuan");
    add(new Unit("人", "count", 1.0), "人", "persons", "person", "people", "个", "件", "户");
    add(new Unit("万人", "count", 1e4), "万人", "10k persons");
    add(new Unit("µg/m³", "concentration", 1.0), "µg/m³", "ug/m3", "ug/m³", "微克/立方米");
    add(new Unit("mg/m³", "concentration", 1000.0), "mg/m³", "mg/m3", "毫克/立方米");
    add(new Unit("岁", null, 1.0), "岁", "年", "years", "year");
    add(new Unit("天", null, 1.0), "天", "days", "day", "日");
    add(new Unit("张/千人", null, 1.0), "张/千人", "beds per 1000", "beds/1000");
    add(new Unit("人/师", null, 1.0), "人/师", "students per teacher", "学生/教师");
    add(new Unit("指数", null, 1.0), "指数", "index");
    add(new Unit("分", null, 1.0), "分", "score", "points");
    add(new Unit("dB(A)", null, 1.0), "dB(A)", "db", "dba", "分贝");
    add(new Unit("pH", null, 1.0), "pH");
    add(new Unit("km/h", null, 1.0), "km/h", "kmh", "公里/小时");
  }

  private static void add(Unit unit, String... aliases) {
    for (String a : List.of(aliases)) {
      BY_ALIAS.put(key(a), unit);
    }
  }

  private static String key(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace(" ", "")
        .replace('\u00B5', '\u03BC');
  }

  /** The unit a spelling denotes. */
  public static Optional<Unit> find(String spelling) {
    if (spelling == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_ALIAS.get(key(spelling.trim())));
  }

  /** True when a value in {@code from} can be expressed in {@code to}. */
  public static boolean compatible(Unit from, Unit to) {
    return from.code().equals(to.code()) || (from.family() != null && from.family().equals(to.family()));
  }

  /** Converts a value; callers check {@link #compatible} first. */
  public static double convert(double value, Unit from, Unit to) {
    if (from.code().equals(to.code())) {
      return value;
    }
    return value * from.factor() / to.factor();
  }

  /** True for families whose values cannot be negative (money, counts, concentrations). */
  public static boolean nonNegative(Unit unit) {
    return "money".equals(unit.family()) || "count".equals(unit.family()) || "concentration".equals(unit.family());
  }
}
