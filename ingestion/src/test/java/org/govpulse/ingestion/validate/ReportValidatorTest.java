package org.govpulse.ingestion.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.govpulse.core.table.Col;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.time.Frequency;
import org.govpulse.core.time.Period;
import org.junit.jupiter.api.Test;

class ReportValidatorTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private final ReportValidator validator = new ReportValidator();
  private final ReferenceData ref = new ReferenceData()
      .addRegion(new ReferenceData.Region("JZ01", "江城区", "Jiangcheng District", "district"), List.of("JC"))
      .addDepartment("STATS", "统计局", "Statistics Bureau")
      .addIndicator(new ReferenceData.Indicator("GDP", "STATS", Units.find("亿元").orElseThrow(), Frequency.QUARTERLY,
          "report", null, null), "地区生产总值", "GDP", List.of())
      .addIndicator(new ReferenceData.Indicator("RATE", "STATS", Units.find("%").orElseThrow(), Frequency.MONTHLY,
          "report", 0.0, 100.0), "比率", "Rate", List.of())
      .addIndicator(new ReferenceData.Indicator("PM25_MONITORED", "STATS", Units.find("µg/m³").orElseThrow(),
          Frequency.MONTHLY, "sensors", null, null), "监测PM2.5", "Monitored PM2.5", List.of())
      .addDefinition("RATE", new ReferenceData.Definition(2, LocalDate.of(2024, 1, 1)));

  private Row bronze(String region, String indicator, String period, String value, String unit, String submitted) {
    Object[] v = new Object[IngestTables.BRONZE_REPORTS.columns().size()];
    List<String> names = List.of(IngestTables.BRONZE_REPORTS.columnNames());
    v[names.indexOf(Col.REGION)] = region;
    v[names.indexOf(Col.INDICATOR)] = indicator;
    v[names.indexOf(Col.PERIOD)] = period;
    v[names.indexOf(Col.VALUE)] = value;
    v[names.indexOf(Col.UNIT)] = unit;
    v[names.indexOf(Col.SUBMITTED_AT)] = submitted;
    return new GenericRowWithSchema(v, IngestTables.BRONZE_REPORTS.schema());
  }

  private Object[] valid(Row row) {
    Object[] out = new Object[IngestTables.REPORT_REVISIONS.columns().size()];
    assertThat(validator.validate(row, ref, NOW, out)).isNull();
    return out;
  }

  private Object get(Object[] out, String column) {
    return out[List.of(IngestTables.REPORT_REVISIONS.columnNames()).indexOf(column)];
  }

  @Test
  void values_are_converted_into_the_canonical_unit_and_period() {
    Object[] out = valid(bronze("JC", "地区生产总值", "2024年第一季度", "１，２３４，５００", "万元", "2024-04-20"));
    assertThat(get(out, Col.REGION_CODE)).isEqualTo("JZ01");
    assertThat(get(out, Col.INDICATOR_CODE)).isEqualTo("GDP");
    assertThat(get(out, Col.PERIOD)).isEqualTo("2024-Q1");
    assertThat((double) get(out, Col.VALUE)).isEqualTo(123.45, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(get(out, Col.UNIT)).isEqualTo("亿元");
    assertThat(((Timestamp) get(out, Col.SUBMITTED_AT)).toInstant()).isEqualTo(Instant.parse("2024-04-19T16:00:00Z"));
  }

  @Test
  void a_percent_sign_sets_the_unit_and_fractions_become_percent() {
    assertThat((double) get(valid(bronze("JZ01", "RATE", "2024-05", "5.2%", null, "2024-06-10")), Col.VALUE))
        .isEqualTo(5.2);
    assertThat((double) get(valid(bronze("JZ01", "RATE", "2024-05", "0.052", "fraction", "2024-06-10")), Col.VALUE))
        .isEqualTo(5.2, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void the_definition_in_force_is_stamped_by_period() {
    assertThat(get(valid(bronze("JZ01", "RATE", "2023-12", "5", "%", "2024-01-10")), Col.DEFINITION_VERSION))
        .isEqualTo(1);
    assertThat(get(valid(bronze("JZ01", "RATE", "2024-01", "5", "%", "2024-02-10")), Col.DEFINITION_VERSION))
        .isEqualTo(2);
  }

  @Test
  void indicators_derived_from_sensors_cannot_be_reported() {
    Rejection r = validator.validate(bronze("JZ01", "PM25_MONITORED", "2024-05", "30", null, "2024-06-10"), ref,
        NOW, new Object[IngestTables.REPORT_REVISIONS.columns().size()]);
    assertThat(r.reason()).isEqualTo(Reason.INDICATOR_UNKNOWN);
    assertThat(r.detail()).contains("derived from sensors");
  }

  @Test
  void the_first_failing_check_names_the_reason() {
    Object[] out = new Object[IngestTables.REPORT_REVISIONS.columns().size()];
    assertThat(validator.validate(bronze("JZ01", "RATE", "2024-05", "150", "%", "2024-06-10"), ref, NOW, out)
        .reason()).isEqualTo(Reason.VALUE_OUT_OF_RANGE);
    assertThat(validator.validate(bronze("JZ01", "GDP", "2024-05", "1", "亿元", "2024-06-10"), ref, NOW, out)
        .reason()).isEqualTo(Reason.PERIOD_FREQUENCY_MISMATCH);
    assertThat(validator.validate(bronze("JZ01", "GDP", "2024Q3", "-1", "亿元", "2024-06-10"), ref, NOW, out)
        .reason()).isEqualTo(Reason.PERIOD_IN_FUTURE);
    assertThat(validator.validate(bronze("JZ01", "GDP", "2024Q1", "-1", "亿元", "2024-06-10"), ref, NOW, out)
        .reason()).isEqualTo(Reason.VALUE_OUT_OF_RANGE);
    assertThat(Period.parseCanonical("2024-Q1").frequency()).isEqualTo(Frequency.QUARTERLY);
  }
}
