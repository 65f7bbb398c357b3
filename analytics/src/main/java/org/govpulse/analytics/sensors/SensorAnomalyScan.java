package org.govpulse.analytics.sensors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs every detector over the hourly profiles of one sensor: lays the local days out on the UTC hour timeline, finds
 * outages of the sensor and of each metric, stuck values and spikes per metric, and clock skew against the other
 * stations of its city.
 */
public final class SensorAnomalyScan {
  private static final int HOURS = 24;

  private SensorAnomalyScan() {}

  /**
   * One local day of one metric of the sensor, with the sums and counts of the same hours over every station of its
   * reference group (the sensor included).
   */
  public record SensorDay(String metric, int epochDay, double[] hourly, double[] referenceSum, long[] referenceCount) {}

  /** Where the sensor's timeline lies. */
  public record Span(int offsetSeconds, Integer installedDay, long dataFirstHour, long dataLastHour) {}

  /**
   * Every anomaly of one sensor.
   *
   * @param days its local days, any order
   * @param span its UTC offset, installation day and the first and last hours of data in the warehouse
   */
  public static List<Anomaly> scan(List<SensorDay> days, Span span) {
    if (days.isEmpty()) {
      return List.of();
    }
    int offsetHours = Math.floorDiv(span.offsetSeconds(), 3600);
    long ownFirst = Long.MAX_VALUE;
    long ownLast = Long.MIN_VALUE;
    for (SensorDay d : days) {
      for (int h = 0; h < HOURS; h++) {
        if (!Double.isNaN(d.hourly()[h])) {
          long t = utcHour(d.epochDay(), h, offsetHours);
          ownFirst = Math.min(ownFirst, t);
          ownLast = Math.max(ownLast, t);
        }
      }
    }
    if (ownFirst == Long.MAX_VALUE) {
      return List.of();
    }
    // the timeline starts at the installation (not before the data), else at the sensor's own first reading
    long first = span.installedDay() == null ? ownFirst
        : Math.min(ownFirst, Math.max(span.dataFirstHour(), utcHour(span.installedDay(), 0, offsetHours)));
    long last = Math.max(ownLast, span.dataLastHour());
    int length = (int) (last - first + 1);
    Map<String, double[]> series = new TreeMap<>();
    boolean[] any = new boolean[length];
    List<ClockSkewDetector.DayProfile> profiles = new ArrayList<>();
    for (SensorDay d : days) {
      double[] values = series.computeIfAbsent(d.metric(), m -> {
        double[] a = new double[length];
        Arrays.fill(a, Double.NaN);
        return a;
      });
      for (int h = 0; h < HOURS; h++) {
        int i = (int) (utcHour(d.epochDay(), h, offsetHours) - first);
        if (i >= 0 && i < length && !Double.isNaN(d.hourly()[h])) {
          values[i] = d.hourly()[h];
          any[i] = true;
        }
      }
      profiles.add(profile(d));
    }
    List<Anomaly> out = new ArrayList<>(OutageDetector.sensorOutages(any, first));
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      double[] values = e.getValue();
      boolean[] present = new boolean[length];
      for (int i = 0; i < length; i++) {
        present[i] = !Double.isNaN(values[i]);
      }
      out.addAll(OutageDetector.metricOutages(e.getKey(), present, any, first));
      out.addAll(StuckDetector.find(e.getKey(), values, first));
      out.addAll(SpikeDetector.find(e.getKey(), values, first));
    }
    out.addAll(ClockSkewDetector.find(profiles, span.offsetSeconds()));
    return out;
  }

  /** The day's profile against the mean of the other stations (the sensor's own value taken out of the sums). */
  private static ClockSkewDetector.DayProfile profile(SensorDay d) {
    double[] reference = new double[HOURS];
    int others = 0;
    for (int h = 0; h < HOURS; h++) {
      double own = d.hourly()[h];
      boolean hasOwn = !Double.isNaN(own);
      long n = d.referenceCount()[h] - (hasOwn ? 1 : 0);
      reference[h] = n > 0 ? (d.referenceSum()[h] - (hasOwn ? own : 0)) / n : Double.NaN;
      others = (int) Math.max(others, n);
    }
    return new ClockSkewDetector.DayProfile(d.metric(), d.epochDay(), d.hourly(), reference, others);
  }

  private static long utcHour(long epochDay, int localHour, int offsetHours) {
    return epochDay * HOURS + localHour - offsetHours;
  }
}
