package org.govpulse.ingestion.samplecity;

import java.util.List;

/**
 * One row of {@code indicators.csv}, plus two generator-only facts: the number of decimals departments report and
 * whether the indicator is a bounded share (0-100 %, as opposed to a growth rate that may be negative).
 */
record Indicator(
    String code,
    String nameZh,
    String nameEn,
    String deptCode,
    String unit,
    boolean higherBetter,
    Frequency frequency,
    String category,
    String aggregation,
    double weight,
    String source,
    List<String> aliases,
    String evidenceIndicator,
    int decimals,
    boolean share) {

  static final String SOURCE_REPORT = "report";

  String polarity() {
    return higherBetter ? "higher_better" : "lower_better";
  }

  boolean reported() {
    return SOURCE_REPORT.equals(source);
  }

  /** +1 when higher is better, -1 otherwise: multiply a change by it to get "improvement". */
  double sign() {
    return higherBetter ? 1.0 : -1.0;
  }

  /** Growth rates and reductions may be negative; every other indicator is non-negative. */
  boolean mayBeNegative() {
    return code.endsWith("_GROWTH") || code.equals("ENERGY_INTENSITY_REDUCTION");
  }
}
