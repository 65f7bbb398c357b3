package org.govpulse.analytics.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of data-quality finding, with the code stored in {@code gold.quality_findings.kind}. */
public enum FindingKind {
  /** A department submits a large share of its reports after the due date. */
  LATE_REPORTING,
  /** Reports that are overdue and have not arrived at all. */
  MISSING_REPORTS,
  /** A reported value contradicts the stations measuring the same thing. */
  SENSOR_CONTRADICTION,
  /** A reported value contradicts another independent source named by the catalogue (not sensors). */
  CROSS_SOURCE_CONTRADICTION,
  /** Leading digits of amounts spanning several orders of magnitude depart from Benford's law. */
  BENFORD_DEVIATION,
  /** The last digits of a series are not uniform: some digits are preferred (rounding, invented values). */
  DIGIT_PREFERENCE,
  /** A series moves far less than the same indicator in every other region. */
  SMOOTH_SERIES,
  /** A revision that turns a missed target into a met one, landing just past it. */
  SUSPICIOUS_REVISION,
  /** The last period of the year stands out against the rest of the year, year after year, unlike the peers. */
  PERIOD_END_SPIKE,
  /** An amount out of proportion to the region's GDP compared with every other region, year after year. */
  RATIO_OUTLIER;

  /** The stored code, e.g. {@code late_reporting}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of a stored code. */
  public static Optional<FindingKind> of(String code) {
    return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
  }
}
