package org.govpulse.analytics.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.govpulse.analytics.sensors.Severity;
import org.govpulse.core.error.GovPulseException;
import org.govpulse.ingestion.samplecity.PlantedItem;
import org.govpulse.ingestion.samplecity.PlantedKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditEvaluationTest {
  private static final PlantedItem SMOOTH = new PlantedItem("P001", PlantedKind.SMOOTH_SERIES, "JZ07",
      "URBAN_UNEMPLOYMENT", "HRSS", "", "2023-01", "2025-12", "flat");
  private static final PlantedItem LATE = new PlantedItem("P011", PlantedKind.LATE_REPORTING, "", "", "TRA", "",
      "2021-01", "2026-10", "late");
  private static final PlantedItem INFLATED = new PlantedItem("P010", PlantedKind.INFLATED, "JZ01", "RETAIL_SALES",
      "STATS", "", "2021-01", "2026-10", "15% up");
  private static final PlantedItem TROUBLE = new PlantedItem("P012", PlantedKind.TARGET_MISS, "JZ03", "FAI_GROWTH",
      "", "", "2026-03", "2026-10", "real");

  private static Finding finding(FindingKind kind, String dept, String region, String indicator, String from,
      String to) {
    return new Finding(kind, Severity.MEDIUM, dept, region, indicator, from, to, 1.0, kind.code() + " " + region);
  }

  @Test
  void a_plant_is_found_by_a_finding_of_its_kind_on_the_same_series_and_periods() {
    AuditEvaluation.Result r = AuditEvaluation.score(List.of(SMOOTH, LATE, INFLATED, TROUBLE), List.of(
        finding(FindingKind.SMOOTH_SERIES, "HRSS", "JZ07", "URBAN_UNEMPLOYMENT", "2024-01", "2024-12"),
        finding(FindingKind.MISSING_REPORTS, "TRA", null, null, "2026-09", "2026-09"),
        finding(FindingKind.RATIO_OUTLIER, "STATS", "JZ01", "RETAIL_SALES", "2021", "2025")));
    assertThat(r.score("smooth_series").recall()).isEqualTo(1.0);
    assertThat(r.score("late_reporting").recall()).as("missing reports reveal the late department").isEqualTo(1.0);
    assertThat(r.score("inflated").recall()).as("annual findings overlap monthly plants").isEqualTo(1.0);
    assertThat(r.recall()).isEqualTo(1.0);
    assertThat(r.precision()).isEqualTo(1.0);
    assertThat(r.scores()).extracting(AuditEvaluation.Score::kind).doesNotContain("target_miss");
  }

  @Test
  void findings_on_other_periods_series_or_real_troubles_are_false_alarms() {
    AuditEvaluation.Result r = AuditEvaluation.score(List.of(SMOOTH, LATE, TROUBLE), List.of(
        finding(FindingKind.SMOOTH_SERIES, "HRSS", "JZ07", "URBAN_UNEMPLOYMENT", "2021-01", "2022-12"),
        finding(FindingKind.SMOOTH_SERIES, "DRC", "JZ03", "FAI_GROWTH", "2026-03", "2026-10"),
        finding(FindingKind.LATE_REPORTING, "GSA", null, null, "2021-01", "2026-10"),
        finding(FindingKind.BENFORD_DEVIATION, "FIN", null, "FISCAL_REVENUE", "2021-01", "2026-10")));
    assertThat(r.score("smooth_series").recall()).isZero();
    assertThat(r.score("smooth_series").precision()).isZero();
    assertThat(r.score("smooth_series").missed()).singleElement().asString().contains("P001");
    assertThat(r.score("late_reporting").falseAlarms()).hasSize(1);
    assertThat(r.unmatchedKinds()).hasSize(1);
    assertThat(r.precision()).isZero();
    assertThat(r.report()).contains("false alarm (no planted kind): benford_deviation");
  }

  @Test
  void the_planted_csv_is_read_with_quoted_details(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("planted.csv"), "planted_id,kind,region_code,indicator_code,dept_code,sensor_id,"
        + "period_from,period_to,detail\nP004,digit_preference,JZ11,FISCAL_REVENUE,FIN,,2021-01,2026-10,"
        + "\"nudged to end in 8 (in 万元, as FIN reports it)\"\n");
    assertThat(AuditEvaluation.readPlanted(dir)).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(PlantedKind.DIGIT_PREFERENCE);
      assertThat(p.detail()).isEqualTo("nudged to end in 8 (in 万元, as FIN reports it)");
    });
    assertThatThrownBy(() -> AuditEvaluation.readPlanted(dir.resolve("nowhere")))
        .isInstanceOf(GovPulseException.class).hasMessageContaining("No ground truth")
        .hasMessageContaining("./govpulse generate");
  }

  @Test
  void a_finding_id_depends_on_what_it_is_about_not_on_when_it_was_found() {
    Finding a = finding(FindingKind.SMOOTH_SERIES, "HRSS", "JZ07", "URBAN_UNEMPLOYMENT", "2023-01", "2025-12");
    Finding same = new Finding(FindingKind.SMOOTH_SERIES, Severity.HIGH, "HRSS", "JZ07", "URBAN_UNEMPLOYMENT",
        "2023-01", "2025-12", 0.0, "other words");
    Finding later = finding(FindingKind.SMOOTH_SERIES, "HRSS", "JZ07", "URBAN_UNEMPLOYMENT", "2023-01", "2026-06");
    assertThat(a.id()).hasSize(16).isEqualTo(same.id()).isNotEqualTo(later.id());
    assertThat(a.toRow(java.time.Instant.EPOCH).getString(0)).isEqualTo(a.id());
  }
}
