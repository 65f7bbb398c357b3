package org.govpulse.ingestion.validate;

import static org.govpulse.core.table.Col.*;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.time.Period;
import org.govpulse.core.time.PeriodParser;
import org.govpulse.ingestion.landing.LandingFormats;

/**
 * Validates a departmental report record and harmonises it: region and indicator codes from names and aliases,
 * the canonical period, the value in the indicator's canonical unit, the definition version in force, UTC time.
 *
 * <p>Checks run in a fixed order and the first failure is the reason: missing_value, region_unknown,
 * indicator_unknown, department_unknown, period_invalid, period_frequency_mismatch, period_in_future,
 * value_not_numeric, unit_unknown, unit_incompatible, value_out_of_range, timestamp_invalid.
 */
public final class ReportValidator extends RecordValidator {
  private static final long serialVersionUID = 1L;

  private final int fDept = field(DEPARTMENT);
  private final int fRegion = field(REGION);
  private final int fIndicator = field(INDICATOR);
  private final int fPeriod = field(PERIOD);
  private final int fValue = field(VALUE);
  private final int fUnit = field(UNIT);
  private final int fSubmitted = field(SUBMITTED_AT);
  private final int[] required = {fRegion, fIndicator, fPeriod, fValue, fSubmitted};
  private static final String[] REQUIRED_NAMES = {REGION, INDICATOR, PERIOD, VALUE, SUBMITTED_AT};

  private final int sRegion = slot(REGION_CODE);
  private final int sIndicator = slot(INDICATOR_CODE);
  private final int sPeriod = slot(PERIOD);
  private final int sFrequency = slot(FREQUENCY);
  private final int sPeriodStart = slot(PERIOD_START);
  private final int sValue = slot(VALUE);
  private final int sUnit = slot(UNIT);
  private final int sDefinition = slot(DEFINITION_VERSION);
  private final int sDept = slot(DEPT_CODE);
  private final int sSubmitted = slot(SUBMITTED_AT);
  private final int sReportedValue = slot(REPORTED_VALUE);
  private final int sReportedUnit = slot(REPORTED_UNIT);

  public ReportValidator() {
    super(LandingFormats.REPORTS, IngestTables.REPORT_REVISIONS);
  }

  @Override
  public Rejection validate(Row row, ReferenceData ref, Instant now, Object[] out) {
    Rejection missing = requireAll(row, required, REQUIRED_NAMES);
    if (missing != null) {
      return missing;
    }
    String regionText = row.getString(fRegion);
    Optional<String> region = ref.regionCode(regionText);
    if (region.isEmpty()) {
      return Reason.REGION_UNKNOWN.because("no region is called '" + regionText + "'");
    }
    String indicatorText = row.getString(fIndicator);
    Optional<ReferenceData.Indicator> found = ref.indicator(indicatorText);
    if (found.isEmpty()) {
      return Reason.INDICATOR_UNKNOWN.because("no indicator is called '" + indicatorText + "'");
    }
    ReferenceData.Indicator indicator = found.get();
    if (!"report".equals(indicator.source())) {
      return Reason.INDICATOR_UNKNOWN.because(indicator.code() + " is derived from " + indicator.source()
          + " and cannot be reported");
    }
    String dept = indicator.deptCode();
    if (!row.isNullAt(fDept)) {
      Optional<String> d = ref.departmentCode(row.getString(fDept));
      if (d.isEmpty()) {
        return Reason.DEPARTMENT_UNKNOWN.because("no department is called '" + row.getString(fDept) + "'");
      }
      dept = d.get();
    }
    String periodText = row.getString(fPeriod);
    Optional<Period> parsed = PeriodParser.parse(periodText);
    if (parsed.isEmpty()) {
      return Reason.PERIOD_INVALID.because("'" + periodText + "' is not a month, quarter or year that exists");
    }
    Period period = parsed.get();
    if (period.frequency() != indicator.frequency()) {
      return Reason.PERIOD_FREQUENCY_MISMATCH.because(indicator.code() + " is " + indicator.frequency().code()
          + " but '" + periodText + "' is " + period.frequency().code());
    }
    Instant submitted = Timestamps.parseInstant(row.getString(fSubmitted), Timestamps.CHINA);
    if (submitted != null && period.start().atStartOfDay(Timestamps.CHINA).toInstant().isAfter(submitted)) {
      return Reason.PERIOD_IN_FUTURE.because("period " + period + " starts after its submission at " + submitted);
    }
    String valueText = row.getString(fValue);
    Numbers.Parsed number = Numbers.parse(valueText);
    if (number == null) {
      return Reason.VALUE_NOT_NUMERIC.because("'" + valueText + "' is not a number");
    }
    String unitText = row.isNullAt(fUnit) ? number.impliedUnit() : row.getString(fUnit);
    Units.Unit unit = indicator.unit();
    if (unitText != null) {
      Optional<Units.Unit> u = Units.find(unitText);
      if (u.isEmpty()) {
        return Reason.UNIT_UNKNOWN.because("unit '" + unitText + "' is not in the unit table");
      }
      if (!Units.compatible(u.get(), indicator.unit())) {
        return Reason.UNIT_INCOMPATIBLE.because("'" + unitText + "' cannot be converted into "
            + indicator.unit().code() + " for " + indicator.code());
      }
      unit = u.get();
    }
    double value = Units.convert(number.value(), unit, indicator.unit());
    Rejection range = checkRange(indicator, value);
    if (range != null) {
      return range;
    }
    if (submitted == null) {
      return Reason.TIMESTAMP_INVALID.because("submitted_at '" + row.getString(fSubmitted) + "' is not a time");
    }
    out[sRegion] = region.get();
    out[sIndicator] = indicator.code();
    out[sPeriod] = period.toString();
    out[sFrequency] = period.frequency().code();
    out[sPeriodStart] = Date.valueOf(period.start());
    out[sValue] = value;
    out[sUnit] = indicator.unit().code();
    out[sDefinition] = ref.definitionVersion(indicator.code(), period);
    out[sDept] = dept;
    out[sSubmitted] = Timestamp.from(submitted);
    out[sReportedValue] = valueText;
    out[sReportedUnit] = row.isNullAt(fUnit) ? null : row.getString(fUnit);
    return null;
  }

  private static Rejection checkRange(ReferenceData.Indicator indicator, double value) {
    Double min = indicator.validMin();
    Double max = indicator.validMax();
    if (min == null && Units.nonNegative(indicator.unit())) {
      min = 0.0;
    }
    if ((min != null && value < min) || (max != null && value > max)) {
      return Reason.VALUE_OUT_OF_RANGE.because(indicator.code() + " = " + value + " " + indicator.unit().code()
          + " lies outside [" + (min == null ? "-inf" : min) + ", " + (max == null ? "inf" : max) + "]");
    }
    return null;
  }
}
