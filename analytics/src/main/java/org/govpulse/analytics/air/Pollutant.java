package org.govpulse.analytics.air;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seven items of an HJ 633-2012 daily report (section 5.1) with their IAQI breakpoints (Table 1).
 *
 * <p>Each item lists the concentration at IAQI 0, 50, 100, 150, 200, 300, 400 and 500. The 8-hour O3 table stops at
 * IAQI 300 (800 µg/m³): above that the standard computes no 8-hour IAQI and reports O3 through the 1-hour value
 * (Table 1, note 3). The 1-hour limits of SO2, NO2 and CO belong to hourly reports only (note 1) and are not used.
 * The declaration order is the order of Table 1 and decides the order of tied primary pollutants.
 */
public enum Pollutant {
  SO2("so2", "so2", "二氧化硫", "SO2 24-hour mean", "µg/m³", 0, 0, 50, 150, 475, 800, 1600, 2100, 2620),
  NO2("no2", "no2", "二氧化氮", "NO2 24-hour mean", "µg/m³", 0, 0, 40, 80, 180, 280, 565, 750, 940),
  PM10("pm10", "pm10", "颗粒物(PM10)", "PM10 24-hour mean", "µg/m³", 0, 0, 50, 150, 250, 350, 420, 500, 600),
  CO("co", "co", "一氧化碳", "CO 24-hour mean", "mg/m³", 1, 0, 2, 4, 14, 24, 36, 48, 60),
  O3_1H("o3_1h", "o3", "臭氧1小时", "O3 daily maximum 1-hour value", "µg/m³", 0,
      0, 160, 200, 300, 400, 800, 1000, 1200),
  O3_8H("o3_8h", "o3", "臭氧8小时", "O3 daily maximum 8-hour mean", "µg/m³", 0, 0, 100, 160, 215, 265, 800),
  PM25("pm25", "pm25", "细颗粒物(PM2.5)", "PM2.5 24-hour mean", "µg/m³", 0, 0, 35, 75, 115, 150, 250, 350, 500);

  /** IAQI at each breakpoint of Table 1. */
  static final int[] IAQI_POINTS = {0, 50, 100, 150, 200, 300, 400, 500};

  private final String code;
  private final String metric;
  private final String nameZh;
  private final String nameEn;
  private final String unit;
  private final int decimals;
  private final double[] breakpoints;

  Pollutant(String code, String metric, String nameZh, String nameEn, String unit, int decimals,
      double... breakpoints) {
    this.code = code;
    this.metric = metric;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.unit = unit;
    this.decimals = decimals;
    this.breakpoints = breakpoints;
  }

  /** Key of the item in the gold tables' maps, e.g. {@code pm25}, {@code o3_8h}. */
  public String code() {
    return code;
  }

  /** The sensor metric the item is computed from ({@code o3} for both O3 items). */
  public String metric() {
    return metric;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  /** µg/m³, or mg/m³ for CO. */
  public String unit() {
    return unit;
  }

  /** Decimals of the reported concentration: integers, CO to 0.1 mg/m³ (HJ 663-2013 data rounding). */
  public int decimals() {
    return decimals;
  }

  /** Concentrations at IAQI 0, 50, 100, ... as far as Table 1 defines them. */
  double[] breakpoints() {
    return breakpoints.clone();
  }

  /** Highest concentration with an IAQI in Table 1. */
  public double topBreakpoint() {
    return breakpoints[breakpoints.length - 1];
  }

  /** True when concentrations above the top breakpoint have no IAQI of their own (8-hour O3 above 800). */
  public boolean reportedByAnotherItemAboveTop() {
    return this == O3_8H;
  }

  /** The item of a map key such as {@code pm25}. */
  public static Optional<Pollutant> byCode(String code) {
    return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
  }
}
