package org.govpulse.ingestion.validate;

import static org.govpulse.core.table.Col.*;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.govpulse.core.table.IngestTables;
import org.govpulse.ingestion.landing.LandingFormats;

/** Validates a survey response: known region and service area, an integer score 1-5, a date. */
public final class SurveyValidator extends RecordValidator {
  private static final long serialVersionUID = 1L;

  private final int fId = field(RESPONSE_ID);
  private final int fRegion = field(REGION);
  private final int fArea = field(SERVICE_AREA);
  private final int fScore = field(SCORE);
  private final int fDate = field(SURVEYED_ON);
  private final int fChannel = field(CHANNEL);
  private final int[] required = {fId, fRegion, fArea, fScore, fDate};
  private static final String[] REQUIRED_NAMES = {RESPONSE_ID, REGION, SERVICE_AREA, SCORE, SURVEYED_ON};

  private final int sId = slot(RESPONSE_ID);
  private final int sRegion = slot(REGION_CODE);
  private final int sArea = slot(SERVICE_AREA);
  private final int sScore = slot(SCORE);
  private final int sDate = slot(SURVEYED_ON);
  private final int sChannel = slot(CHANNEL);

  public SurveyValidator() {
    super(LandingFormats.SURVEYS, IngestTables.SURVEY_RESPONSES);
  }

  @Override
  public Rejection validate(Row row, ReferenceData ref, Instant now, Object[] out) {
    Rejection missing = requireAll(row, required, REQUIRED_NAMES);
    if (missing != null) {
      return missing;
    }
    Optional<String> region = ref.regionCode(row.getString(fRegion));
    if (region.isEmpty()) {
      return Reason.REGION_UNKNOWN.because("no region is called '" + row.getString(fRegion) + "'");
    }
    Optional<String> area = ServiceAreas.code(row.getString(fArea));
    if (area.isEmpty()) {
      return Reason.SERVICE_AREA_UNKNOWN.because("'" + row.getString(fArea) + "' is not one of "
          + String.join(", ", ServiceAreas.CODES));
    }
    Numbers.Parsed score = Numbers.parse(row.getString(fScore));
    if (score == null) {
      return Reason.VALUE_NOT_NUMERIC.because("score '" + row.getString(fScore) + "' is not a number");
    }
    if (score.value() != Math.rint(score.value()) || score.value() < 1 || score.value() > 5) {
      return Reason.SCORE_OUT_OF_RANGE.because("score " + row.getString(fScore) + " is not an integer 1-5");
    }
    LocalDate date = Timestamps.parseDate(row.getString(fDate));
    if (date == null) {
      return Reason.TIMESTAMP_INVALID.because("surveyed_on '" + row.getString(fDate) + "' is not a date");
    }
    out[sId] = row.getString(fId);
    out[sRegion] = region.get();
    out[sArea] = area.get();
    out[sScore] = (int) score.value();
    out[sDate] = Date.valueOf(date);
    out[sChannel] = row.isNullAt(fChannel) ? null : row.getString(fChannel).trim().toLowerCase(Locale.ROOT);
    return null;
  }
}
