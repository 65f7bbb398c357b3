package org.govpulse.analytics.sensors;

import java.util.ArrayList;
import java.util.List;

/**
 * Outages: hours without readings. A sensor outage is a run of hours with no reading of any metric; a metric outage
 * is a run of hours in which the sensor kept reporting other metrics but not this one (a failed analyser in a working
 * station).
 */
public final class OutageDetector {
  /**
   * Shortest outage reported, hours. A whole day without data voids the station's daily AQI (which needs 20 hours)
   * however the gap falls; shorter gaps are routine (calibration, transmission retries) and already show as invalid
   * hours in gold.aqi_station_daily.
   */
  public static final int MIN_HOURS = 24;
  /** From two days on, two daily values are lost: medium. */
  public static final int MEDIUM_HOURS = 48;
  /**
   * From four days on the station loses its month: GB 3095-2012 Table 4 asks 27 valid daily values for a monthly
   * mean, so four missing days in a 30-day month already fail it: high.
   */
  public static final int HIGH_HOURS = 96;

  private OutageDetector() {}

  /**
   * Runs of at least {@value #MIN_HOURS} hours without any reading.
   *
   * @param present whether the sensor sent anything in hour {@code firstHour + i}
   */
  public static List<Anomaly> sensorOutages(boolean[] present, long firstHour) {
    List<Anomaly> out = new ArrayList<>();
    for (int[] run : missingRuns(present, null)) {
      long start = firstHour + run[0];
      long end = firstHour + run[1];
      String until = run[1] == present.length ? " and still silent at the end of the data"
          : ", until " + Anomaly.time(end);
      out.add(new Anomaly(AnomalyKind.OUTAGE, null, start, end, severity(end - start), end - start,
          String.format("No readings of any metric for %d h (%.1f days) from %s%s.", end - start,
              (end - start) / 24.0, Anomaly.time(start), until)));
    }
    return out;
  }

  /**
   * Runs of at least {@value #MIN_HOURS} hours in which the sensor reported but not this metric.
   *
   * @param metricPresent whether the metric was read in hour {@code firstHour + i}
   * @param sensorPresent whether any metric was read then
   */
  public static List<Anomaly> metricOutages(String metric, boolean[] metricPresent, boolean[] sensorPresent,
      long firstHour) {
    List<Anomaly> out = new ArrayList<>();
    for (int[] run : missingRuns(metricPresent, sensorPresent)) {
      long start = firstHour + run[0];
      long end = firstHour + run[1];
      out.add(new Anomaly(AnomalyKind.OUTAGE, metric, start, end, severity(end - start), end - start,
          String.format("No %s readings for %d h (%.1f days) from %s to %s while the sensor kept sending its other "
              + "metrics.", metric, end - start, (end - start) / 24.0, Anomaly.time(start), Anomaly.time(end))));
    }
    return out;
  }

  /** Runs [start, end) of hours where {@code present} is false (and {@code within}, when given, is true). */
  private static List<int[]> missingRuns(boolean[] present, boolean[] within) {
    List<int[]> runs = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= present.length; i++) {
      boolean missing = i < present.length && !present[i] && (within == null || within[i]);
      if (missing && start < 0) {
        start = i;
      } else if (!missing && start >= 0) {
        if (i - start >= MIN_HOURS) {
          runs.add(new int[] {start, i});
        }
        start = -1;
      }
    }
    return runs;
  }

  private static Severity severity(long hours) {
    return hours >= HIGH_HOURS ? Severity.HIGH : hours >= MEDIUM_HOURS ? Severity.MEDIUM : Severity.LOW;
  }
}
