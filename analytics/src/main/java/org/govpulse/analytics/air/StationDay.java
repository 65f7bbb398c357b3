package org.govpulse.analytics.air;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The air quality of one station on one local day, from the hourly values of the metrics it measures.
 *
 * <p>The day is valid when every item the station measures has a valid statistic (the 24-hour means, and for O3 the
 * daily maximum 8-hour mean); the daily maximum 1-hour O3 is used on the days its 8-hour statistic is valid, as both
 * come from the same hours. Only valid statistics appear in {@link #concentrations()} and {@link #iaqi()}, at
 * reporting precision; an invalid day keeps them (as information) but has no AQI.
 *
 * @param concentrations valid statistics per item code, at reporting precision
 * @param iaqi individual index per item code of {@code concentrations}, where the standard defines one
 * @param hours hours with a reading per measured metric
 * @param valid whether the day has an AQI
 * @param invalidReason why not, for every item that falls short; null when valid
 * @param aqi the AQI of a valid day, null otherwise
 */
public record StationDay(Map<String, Double> concentrations, Map<String, Integer> iaqi, Map<String, Integer> hours,
    boolean valid, String invalidReason, AqiResult aqi) {

  /**
   * Computes a station day.
   *
   * @param hourlyByMetric 24 hourly values per metric (NaN where missing); a measured metric may be absent
   * @param measuredMetrics the metrics the station measures (others are ignored)
   */
  public static StationDay of(Map<String, double[]> hourlyByMetric, Collection<String> measuredMetrics) {
    double[] none = new double[DailyStatistics.HOURS];
    Arrays.fill(none, Double.NaN);
    Map<String, Integer> hours = new LinkedHashMap<>();
    Map<Pollutant, Double> valid = new EnumMap<>(Pollutant.class);
    List<String> shortfalls = new ArrayList<>();
    boolean o3Valid = DailyStatistics.max8h(hourlyByMetric.getOrDefault(Pollutant.O3_8H.metric(), none)).valid();
    for (Pollutant p : Pollutant.values()) {
      if (!measuredMetrics.contains(p.metric())) {
        continue;
      }
      double[] hourly = hourlyByMetric.getOrDefault(p.metric(), none);
      hours.putIfAbsent(p.metric(), (int) Arrays.stream(hourly).filter(v -> !Double.isNaN(v)).count());
      DailyValue v = statistic(p, hourly);
      boolean usable = v.valid() && (p != Pollutant.O3_1H || o3Valid);
      if (usable) {
        valid.put(p, AqiCalculator.roundForReport(p, v.value()));
      } else if (p != Pollutant.O3_1H) {
        shortfalls.add(p.code() + ": " + v.shortfall());
      }
    }
    if (hours.isEmpty()) {
      shortfalls.add("the station measures none of the AQI pollutants");
    }
    Map<String, Double> concentrations = new LinkedHashMap<>();
    Map<String, Integer> iaqi = new LinkedHashMap<>();
    for (Map.Entry<Pollutant, Double> e : valid.entrySet()) {
      concentrations.put(e.getKey().code(), e.getValue());
      AqiCalculator.iaqi(e.getKey(), e.getValue()).ifPresent(i -> iaqi.put(e.getKey().code(), i));
    }
    boolean dayValid = shortfalls.isEmpty();
    return new StationDay(concentrations, iaqi, hours, dayValid, dayValid ? null : String.join("; ", shortfalls),
        dayValid ? AqiCalculator.aqi(valid) : null);
  }

  private static DailyValue statistic(Pollutant p, double[] hourly) {
    switch (p) {
      case O3_8H:
        return DailyStatistics.max8h(hourly);
      case O3_1H:
        return DailyStatistics.max1h(hourly);
      default:
        return DailyStatistics.mean24h(hourly);
    }
  }
}
