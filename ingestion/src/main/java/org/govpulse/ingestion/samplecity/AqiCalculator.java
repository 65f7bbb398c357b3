package org.govpulse.ingestion.samplecity;

/**
 * The daily air quality index of HJ 633-2012 (环境空气质量指数 AQI 技术规定): the individual index of each pollutant
 * is interpolated linearly between the breakpoints of its 24-hour mean (O3: daily maximum 8-hour mean) and rounded
 * up; the AQI is the largest of them. A day is "good" (优良) when the AQI is at most 100.
 */
final class AqiCalculator {

  private static final double[] IAQI = {0, 50, 100, 150, 200, 300, 400, 500};
  private static final double[] SO2_24H = {0, 50, 150, 475, 800, 1600, 2100, 2620};
  private static final double[] NO2_24H = {0, 40, 80, 180, 280, 565, 750, 940};
  private static final double[] PM10_24H = {0, 50, 150, 250, 350, 420, 500, 600};
  private static final double[] CO_24H = {0, 2, 4, 14, 24, 36, 48, 60};
  /** O3 8-hour breakpoints stop at 800 µg/m³ (IAQI 300); above that HJ 633 switches to the 1-hour mean. */
  private static final double[] O3_8H = {0, 100, 160, 215, 265, 800};
  private static final double[] PM25_24H = {0, 35, 75, 115, 150, 250, 350, 500};

  /** The good/not-good threshold. */
  static final int GOOD_MAX = 100;

  private AqiCalculator() {
  }

  /**
   * Daily AQI from 24-hour means (µg/m³; CO in mg/m³) and the daily maximum 8-hour O3 mean.
   */
  static int dailyAqi(double pm25, double pm10, double so2, double no2, double co, double o3Max8h) {
    int aqi = iaqi(pm25, PM25_24H);
    aqi = Math.max(aqi, iaqi(pm10, PM10_24H));
    aqi = Math.max(aqi, iaqi(so2, SO2_24H));
    aqi = Math.max(aqi, iaqi(no2, NO2_24H));
    aqi = Math.max(aqi, iaqi(co, CO_24H));
    return Math.max(aqi, iaqi(o3Max8h, O3_8H));
  }

  static boolean isGood(int aqi) {
    return aqi <= GOOD_MAX;
  }

  /** Individual air quality index of one concentration. */
  static int iaqi(double c, double[] breakpoints) {
    if (c <= 0) {
      return 0;
    }
    for (int i = 1; i < breakpoints.length; i++) {
      if (c <= breakpoints[i]) {
        double v = IAQI[i - 1] + (IAQI[i] - IAQI[i - 1]) * (c - breakpoints[i - 1])
            / (breakpoints[i] - breakpoints[i - 1]);
        return (int) Math.ceil(v - 1e-9);
      }
    }
    return (int) IAQI[breakpoints.length - 1];
  }

  /** Daily maximum of the 8-hour moving means whose windows lie inside the day (hours 0-7 .. 16-23). */
  static double maxEightHourMean(double[] hourly) {
    double best = 0;
    for (int start = 0; start + 8 <= hourly.length; start++) {
      double sum = 0;
      for (int h = start; h < start + 8; h++) {
        sum += hourly[h];
      }
      best = Math.max(best, sum / 8.0);
    }
    return best;
  }
}
