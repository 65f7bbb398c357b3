package org.govpulse.ingestion.samplecity;

/** How often an indicator is reported; the codes are the ones written in {@code indicators.csv}. */
enum Frequency {
  MONTHLY("monthly", 12),
  QUARTERLY("quarterly", 4),
  ANNUAL("annual", 1);

  private final String code;
  private final int perYear;

  Frequency(String code, int perYear) {
    this.code = code;
    this.perYear = perYear;
  }

  String code() {
    return code;
  }

  /** Number of periods of this frequency in one year. */
  int perYear() {
    return perYear;
  }
}
