package org.govpulse.analytics.air;

/**
 * Daily statistics of hourly concentrations and their validity (GB 3095-2012 Table 4, HJ 663-2013 section 6).
 *
 * <p>Input is the 24 hourly values of one natural day in local time, index 0 being the hour 00:00-01:00 (readings
 * are stamped with the start of their hour); a missing hour is {@code NaN}.
 *
 * <ul>
 *   <li>24-hour mean (SO2, NO2, CO, PM10, PM2.5): valid with at least {@value #MIN_HOURS_24H} hourly values.</li>
 *   <li>8-hour O3 mean: the mean of the hourly values of 8 consecutive hours, valid with at least
 *       {@value #MIN_HOURS_8H} of them.</li>
 *   <li>Daily maximum 8-hour O3: the highest valid 8-hour mean of the windows ending at 8:00, 9:00, ... 24:00, the
 *       {@value #O3_WINDOWS} windows that lie inside the natural day; valid with at least {@value #MIN_WINDOWS_8H}
 *       valid 8-hour means, or, with fewer, when the maximum already exceeds the grade II limit of
 *       {@value #O3_8H_LIMIT} µg/m³ (HJ 663-2013: an exceedance seen on partial data stands).</li>
 *   <li>Daily maximum 1-hour O3: the highest hourly value.</li>
 * </ul>
 */
public final class DailyStatistics {
  /** Hourly values a 24-hour mean needs (GB 3095-2012 Table 4: "每日至少有20个小时平均浓度值"). */
  public static final int MIN_HOURS_24H = 20;
  /** Hourly values an 8-hour O3 mean needs ("每8小时至少有6小时平均浓度值"). */
  public static final int MIN_HOURS_8H = 6;
  /** Valid 8-hour means the daily maximum needs, of the windows ending 8:00 to 24:00 (HJ 663-2013). */
  public static final int MIN_WINDOWS_8H = 14;
  /** Hours of a day. */
  public static final int HOURS = 24;
  /** Length of the O3 moving average. */
  public static final int WINDOW_8H = 8;
  /** Windows ending at 8:00 ... 24:00. */
  public static final int O3_WINDOWS = HOURS - WINDOW_8H + 1;
  /** Grade II limit of the daily maximum 8-hour O3 mean, µg/m³ (GB 3095-2012 Table 1). */
  public static final double O3_8H_LIMIT = 160;

  private DailyStatistics() {}

  /** The 24-hour mean of a pollutant. */
  public static DailyValue mean24h(double[] hourly) {
    requireDay(hourly);
    double sum = 0;
    int n = 0;
    for (double v : hourly) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return new DailyValue(n == 0 ? Double.NaN : sum / n, n, MIN_HOURS_24H, n >= MIN_HOURS_24H,
        "of 24 hourly values");
  }

  /** The daily maximum 8-hour mean of O3. */
  public static DailyValue max8h(double[] hourly) {
    requireDay(hourly);
    double max = Double.NaN;
    int validWindows = 0;
    for (int start = 0; start < O3_WINDOWS; start++) {
      double sum = 0;
      int n = 0;
      for (int h = start; h < start + WINDOW_8H; h++) {
        if (!Double.isNaN(hourly[h])) {
          sum += hourly[h];
          n++;
        }
      }
      if (n >= MIN_HOURS_8H) {
        validWindows++;
        double mean = sum / n;
        max = Double.isNaN(max) ? mean : Math.max(max, mean);
      }
    }
    boolean valid = validWindows >= MIN_WINDOWS_8H || (validWindows > 0 && max > O3_8H_LIMIT);
    return new DailyValue(max, validWindows, MIN_WINDOWS_8H, valid, "of 17 valid 8-hour means");
  }

  /** The daily maximum hourly value; valid as soon as there is one (its use follows the 8-hour statistic). */
  public static DailyValue max1h(double[] hourly) {
    requireDay(hourly);
    double max = Double.NaN;
    int n = 0;
    for (double v : hourly) {
      if (!Double.isNaN(v)) {
        max = n == 0 ? v : Math.max(max, v);
        n++;
      }
    }
    return new DailyValue(max, n, 1, n > 0, "hourly values");
  }

  private static void requireDay(double[] hourly) {
    if (hourly.length != HOURS) {
      throw new IllegalArgumentException("a day has 24 hourly values, got " + hourly.length);
    }
  }
}
