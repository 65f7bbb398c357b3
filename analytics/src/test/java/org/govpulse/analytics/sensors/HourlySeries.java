package org.govpulse.analytics.sensors;

import java.util.SplittableRandom;

/**
 * Deterministic hourly series with a diurnal cycle and noise, for the detector tests: the shape real pollutant
 * readings have, without their faults.
 */
final class HourlySeries {
  private HourlySeries() {}

  /**
   * A level times (1 + amplitude x cos(2 pi (local hour - peak) / 24)) times (1 + noise), rounded to 0.1.
   *
   * @param hours length
   * @param peakHour local hour of the daily maximum (hour 0 of the series is local midnight)
   */
  static double[] diurnal(int hours, double level, double amplitude, int peakHour, double noise, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] v = new double[hours];
    for (int t = 0; t < hours; t++) {
      double cycle = 1 + amplitude * Math.cos(2 * Math.PI * ((t % 24) - peakHour) / 24.0);
      double gauss = (rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble() - 2) * Math.sqrt(3);
      v[t] = Math.round(level * cycle * (1 + noise * gauss) * 10) / 10.0;
    }
    return v;
  }

  /** An ozone-like series: level 80, peak at 15:00, 15 % noise. */
  static double[] ozone(int hours, long seed) {
    return diurnal(hours, 80, 0.7, 15, 0.15, seed);
  }
}
