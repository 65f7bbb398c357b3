package org.govpulse.ingestion.samplecity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The spec: defaults, immutable copies, and validation messages that say what, why and how to fix. */
class SampleCitySpecTest {

  @Test
  void defaults_describe_the_1x_city_as_of_15_november_2026() {
    SampleCitySpec spec = SampleCitySpec.defaults();
    assertThat(spec.asOf()).isEqualTo(LocalDate.of(2026, 11, 15));
    assertThat(spec.scale()).isEqualTo(1.0);
    assertThat(spec.districtCount()).isEqualTo(12);
    assertThat(spec.reportsFrom()).isEqualTo(YearMonth.of(2021, 1));
    assertThat(spec.sensorMonths()).isEqualTo(12);
    assertThat(spec.postsFrom()).isEqualTo(YearMonth.of(2023, 1));
  }

  @Test
  void small_is_a_four_district_city_with_one_month_of_sensors() {
    SampleCitySpec spec = SampleCitySpec.small();
    assertThat(spec.districtCount()).isEqualTo(4);
    assertThat(spec.sensorMonths()).isEqualTo(1);
    assertThat(spec.reportsFrom()).isEqualTo(YearMonth.of(2023, 1));
  }

  @Test
  void with_methods_return_changed_copies_and_leave_the_original_alone() {
    SampleCitySpec base = SampleCitySpec.defaults();
    SampleCitySpec changed = base.withSeed(7L).withScale(10);
    assertThat(base.seed()).isEqualTo(42L);
    assertThat(changed.seed()).isEqualTo(7L);
    assertThat(changed.districtCount()).isEqualTo(120);
    assertThat(changed.scaledPostsPerMonth()).isEqualTo(8700);
    assertThat(base.withSeed(42L)).isEqualTo(base).hasSameHashCodeAs(base);
  }

  @Test
  void a_zero_scale_is_rejected_with_what_why_and_how_to_fix() {
    assertThatThrownBy(() -> SampleCitySpec.defaults().withScale(0))
        .isInstanceOf(SampleCityException.class)
        .hasMessageContaining("scale = 0.0")
        .hasMessageContaining("multiplies districts")
        .hasMessageContaining("Use a value above 0");
  }

  @Test
  void fewer_than_three_districts_are_rejected_because_tiers_need_terciles() {
    assertThatThrownBy(() -> SampleCitySpec.defaults().withDistricts(2))
        .hasMessageContaining("districts = 2").hasMessageContaining("tercile");
  }

  @Test
  void reports_starting_too_late_for_last_years_targets_are_rejected() {
    assertThatThrownBy(() -> SampleCitySpec.defaults().withReportsFrom(YearMonth.of(2025, 1)))
        .hasMessageContaining("reportsFrom = 2025-01").hasMessageContaining("2024-01");
  }

  @Test
  void sensor_coverage_outside_the_reporting_range_is_rejected() {
    assertThatThrownBy(() -> SampleCitySpec.small().withSensorMonths(60))
        .hasMessageContaining("sensorMonths = 60");
  }
}
