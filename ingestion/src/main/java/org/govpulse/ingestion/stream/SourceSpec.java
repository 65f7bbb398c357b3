package org.govpulse.ingestion.stream;

import static org.govpulse.core.table.Col.*;

import java.io.Serializable;
import java.util.List;
import org.govpulse.core.table.IngestTables;
import org.govpulse.ingestion.landing.LandingFormat;
import org.govpulse.ingestion.validate.PostValidator;
import org.govpulse.ingestion.validate.RecordValidator;
import org.govpulse.ingestion.validate.ReportValidator;
import org.govpulse.ingestion.validate.SensorValidator;
import org.govpulse.ingestion.validate.SurveyValidator;

/**
 * Everything that differs between streamed sources: the landing format, the validator, the duplicate rule and the
 * silver writer.
 */
public record SourceSpec(RecordValidator validator, DedupeRule dedupe, SilverWriter writer) implements Serializable {

  public LandingFormat format() {
    return validator.format();
  }

  public String source() {
    return format().source();
  }

  public static final SourceSpec REPORTS = new SourceSpec(new ReportValidator(),
      new DedupeRule(List.of(REGION_CODE, INDICATOR_CODE, PERIOD, SUBMITTED_AT), List.of(VALUE, DEPT_CODE), null),
      new ReportsWriter());

  public static final SourceSpec SENSORS = new SourceSpec(new SensorValidator(),
      new DedupeRule(List.of(SENSOR_ID, METRIC, TS_UTC), List.of(VALUE), LOCAL_DATE),
      SilverWriter.append(IngestTables.SENSOR_READINGS));

  public static final SourceSpec POSTS = new SourceSpec(new PostValidator(),
      new DedupeRule(List.of(CHANNEL, POST_ID), List.of(TEXT), null),
      SilverWriter.append(IngestTables.POSTS));

  public static final SourceSpec SURVEYS = new SourceSpec(new SurveyValidator(),
      new DedupeRule(List.of(RESPONSE_ID), List.of(REGION_CODE, SERVICE_AREA, SCORE, SURVEYED_ON), null),
      SilverWriter.append(IngestTables.SURVEY_RESPONSES));

  /** All streamed sources, in ingestion order. */
  public static List<SourceSpec> all() {
    return List.of(REPORTS, SENSORS, POSTS, SURVEYS);
  }
}
