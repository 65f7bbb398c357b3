package org.govpulse.ingestion.samplecity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The HJ 633-2012 individual indices at their breakpoints, and the good-day threshold. */
class AqiCalculatorTest {

  @Test
  void pm25_breakpoints_map_to_the_index_breakpoints() {
    assertThat(AqiCalculator.dailyAqi(35, 0, 0, 0, 0, 0)).isEqualTo(50);
    assertThat(AqiCalculator.dailyAqi(75, 0, 0, 0, 0, 0)).isEqualTo(100);
    assertThat(AqiCalculator.dailyAqi(75.1, 0, 0, 0, 0, 0)).isEqualTo(101);
    assertThat(AqiCalculator.dailyAqi(150, 0, 0, 0, 0, 0)).isEqualTo(200);
  }

  @Test
  void the_largest_individual_index_wins_and_is_rounded_up() {
    assertThat(AqiCalculator.dailyAqi(20, 50, 10, 20, 0.5, 161)).isEqualTo(101);
    assertThat(AqiCalculator.dailyAqi(20, 151, 10, 20, 0.5, 60)).isEqualTo(101);
    assertThat(AqiCalculator.dailyAqi(10, 10, 10, 10, 4.0, 10)).isEqualTo(100);
    assertThat(AqiCalculator.isGood(100)).isTrue();
    assertThat(AqiCalculator.isGood(101)).isFalse();
  }

  @Test
  void the_eight_hour_ozone_maximum_uses_windows_inside_the_day() {
    double[] hours = new double[24];
    for (int h = 12; h < 20; h++) {
      hours[h] = 160;
    }
    assertThat(AqiCalculator.maxEightHourMean(hours)).isEqualTo(160);
  }
}
