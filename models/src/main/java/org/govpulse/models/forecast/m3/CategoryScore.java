package org.govpulse.models.forecast.m3;

/**
 * Accumulates accuracy over the series of one M3 category: mean sMAPE and MASE over series, and the share of actual
 * values inside the 80% and 95% intervals (when intervals are given).
 */
final class CategoryScore {
  private double smape;
  private double mase;
  private int series;
  private int inside80;
  private int inside95;
  private int points;

  void add(double seriesSmape, double seriesMase) {
    smape += seriesSmape;
    mase += seriesMase;
    series++;
  }

  void addCoverage(boolean in80, boolean in95) {
    inside80 += in80 ? 1 : 0;
    inside95 += in95 ? 1 : 0;
    points++;
  }

  int series() {
    return series;
  }

  double smape() {
    return series == 0 ? Double.NaN : smape / series;
  }

  double mase() {
    return series == 0 ? Double.NaN : mase / series;
  }

  double coverage80() {
    return points == 0 ? Double.NaN : 100.0 * inside80 / points;
  }

  double coverage95() {
    return points == 0 ? Double.NaN : 100.0 * inside95 / points;
  }
}
