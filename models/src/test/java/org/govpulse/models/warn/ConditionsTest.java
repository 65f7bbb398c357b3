package org.govpulse.models.warn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.govpulse.analytics.catalogue.Aggregation;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.analytics.catalogue.Indicator;
import org.govpulse.core.time.Frequency;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private final Conditions conditions = new Conditions(new Catalogue(List.of(
      new Indicator("URBAN_UNEMPLOYMENT", "城镇调查失业率", "Urban unemployment rate", "HRSS", "%", false,
          Frequency.MONTHLY, "economic", Aggregation.MEAN, 0.08, "report", null),
      new Indicator("FOREST_COVERAGE", "森林覆盖率", "Forest coverage", "EEB", "%", true, Frequency.ANNUAL,
          "environmental", Aggregation.LAST, 0.02, "report", null))),
      Map.of("JZ01", new Conditions.Names("江城区", "Jiangcheng District")));

  private Conditions.Risk risk(String indicator, double p) {
    return new Conditions.Risk("JZ01", indicator, 2026, 5.5, 5.9, p, List.of("the pace is short of the target by 0.4"),
        List.of("按当前进度高于目标0.4"), List.of("the audit flags this series (too smooth)"),
        List.of("审计发现该序列存在疑点（too_smooth）"), List.of("govpulse-forecast 1.0"));
  }

  @Test
  void a_likely_miss_of_an_important_target_is_graded_higher_than_of_a_minor_one() {
    WarningCondition important = conditions.of(risk("URBAN_UNEMPLOYMENT", 0.85)).orElseThrow();
    WarningCondition minor = conditions.of(risk("FOREST_COVERAGE", 0.85)).orElseThrow();
    assertThat(important.level()).isEqualTo(Level.RED);
    assertThat(minor.level()).isEqualTo(Level.ORANGE);
    assertThat(conditions.of(risk("URBAN_UNEMPLOYMENT", 0.2))).isEmpty();
  }

  @Test
  void a_warning_explains_itself_in_chinese_and_english_with_its_numbers_drivers_and_caveats() {
    WarningCondition c = conditions.of(risk("URBAN_UNEMPLOYMENT", 0.85)).orElseThrow();
    assertThat(c.text().zh()).contains("红色预警", "江城区", "2026年", "城镇调查失业率", "5.50%", "5.90%", "85%",
        "按当前进度高于目标0.4", "数据质量提示");
    assertThat(c.text().en()).contains("red warning", "Jiangcheng District", "Urban unemployment rate", "85% chance",
        "Main drivers: the pace is short of the target by 0.4", "Data-quality caveats");
    assertThat(c.evidence()).containsKeys("series", "forecast", "findings");
    assertThat(c.warningId()).isEqualTo(conditions.of(risk("URBAN_UNEMPLOYMENT", 0.5)).orElseThrow().warningId());
  }

  @Test
  void findings_surges_and_sensor_faults_become_warnings_of_their_own_kind() {
    WarningCondition f = conditions.of(new Conditions.Finding("f1", "too_smooth", "high", "HRSS", "JZ01",
        "URBAN_UNEMPLOYMENT", "2025-12", "changes vary 20 times less than in peer districts"), "JZ");
    assertThat(f.kind()).isEqualTo(Conditions.DATA_QUALITY);
    assertThat(f.level()).isEqualTo(Level.ORANGE);
    assertThat(f.text().zh()).contains("数据过于平滑");
    WarningCondition s = conditions.of(new Conditions.Surge("JZ01", "transport", "2026-09", 40, 3.4));
    assertThat(s.level()).isEqualTo(Level.YELLOW);
    assertThat(s.text().en()).contains("40 posts");
    assertThat(conditions.of(new Conditions.SensorFault("AQ-1", "JZ01", "stuck", "low", "2026-09-01", "x")))
        .isEmpty();
  }
}
