package org.govpulse.analytics.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The air quality index of HJ 633-2012 (环境空气质量指数 (AQI) 技术规定), section 4.
 *
 * <ul>
 *   <li>IAQI of an item (formula 1): linear interpolation between the two breakpoints of Table 1 around the
 *       concentration, rounded up to an integer. The arithmetic is exact (decimal), so that CO = 2.2 mg/m³ gives 55
 *       and not the 56 that binary floating point would give after rounding up 55.000000000000004.</li>
 *   <li>Above the top breakpoint the IAQI is 500, the top of the scale (the table ends there; the national platform
 *       reports such days as 500). The 8-hour O3 above 800 µg/m³ has no IAQI: O3 is then reported by the 1-hour
 *       item (Table 1, note 3).</li>
 *   <li>AQI = max IAQI (formula 2); when AQI > 50 the item(s) with the highest IAQI are the primary pollutants,
 *       ties all listed (4.3.2).</li>
 * </ul>
 *
 * <p>Concentrations are taken as given; {@link #roundForReport} applies the reporting precision the daily
 * statistics are published with, before the IAQI is computed from them.
 */
public final class AqiCalculator {
  /** Highest IAQI of the scale. */
  public static final int MAX_IAQI = 500;
  /** A day is "good" (达标, excellent or good) up to this AQI. */
  public static final int GOOD_DAY_MAX_AQI = 100;
  /** Primary pollutants are named only above this AQI. */
  public static final int PRIMARY_POLLUTANT_MIN_AQI = 51;

  private AqiCalculator() {}

  /**
   * The individual index of one item, or empty when the standard computes none (8-hour O3 above 800 µg/m³).
   *
   * @param concentration in the item's unit (µg/m³; CO in mg/m³), not negative
   * @throws IllegalArgumentException for a negative or non-finite concentration
   */
  public static OptionalInt iaqi(Pollutant item, double concentration) {
    if (!Double.isFinite(concentration) || concentration < 0) {
      throw new IllegalArgumentException(item.code() + " concentration " + concentration
          + " is not a non-negative number");
    }
    double[] bp = item.breakpoints();
    if (concentration > item.topBreakpoint()) {
      return item.reportedByAnotherItemAboveTop() ? OptionalInt.empty() : OptionalInt.of(MAX_IAQI);
    }
    int hi = 1;
    while (concentration > bp[hi]) {
      hi++;
    }
    BigDecimal c = BigDecimal.valueOf(concentration);
    BigDecimal bpLo = BigDecimal.valueOf(bp[hi - 1]);
    BigDecimal bpHi = BigDecimal.valueOf(bp[hi]);
    int iaqiLo = Pollutant.IAQI_POINTS[hi - 1];
    int iaqiHi = Pollutant.IAQI_POINTS[hi];
    BigDecimal rise = BigDecimal.valueOf(iaqiHi - iaqiLo).multiply(c.subtract(bpLo))
        .divide(bpHi.subtract(bpLo), 0, RoundingMode.CEILING);
    return OptionalInt.of(iaqiLo + rise.intValueExact());
  }

  /**
   * AQI, level, primary pollutants and IAQIs of a set of item concentrations.
   *
   * @throws IllegalArgumentException when no item has an IAQI
   */
  public static AqiResult aqi(Map<Pollutant, Double> concentrations) {
    Map<Pollutant, Integer> iaqi = new EnumMap<>(Pollutant.class);
    for (Map.Entry<Pollutant, Double> e : concentrations.entrySet()) {
      iaqi(e.getKey(), e.getValue()).ifPresent(v -> iaqi.put(e.getKey(), v));
    }
    if (iaqi.isEmpty()) {
      throw new IllegalArgumentException("no item with an IAQI among " + concentrations.keySet());
    }
    int aqi = Collections.max(iaqi.values());
    List<Pollutant> primary = new ArrayList<>();
    if (aqi >= PRIMARY_POLLUTANT_MIN_AQI) {
      for (Map.Entry<Pollutant, Integer> e : iaqi.entrySet()) {
        if (e.getValue() == aqi) {
          primary.add(e.getKey());
        }
      }
    }
    return new AqiResult(aqi, AqiLevel.of(aqi), primary, iaqi);
  }

  /**
   * A concentration at the precision daily statistics are reported with (HJ 663-2013): integers in µg/m³, CO to
   * 0.1 mg/m³, rounded half to even as GB/T 8170 prescribes (四舍六入五成双).
   */
  public static double roundForReport(Pollutant item, double concentration) {
    return BigDecimal.valueOf(concentration).setScale(item.decimals(), RoundingMode.HALF_EVEN).doubleValue();
  }
}
