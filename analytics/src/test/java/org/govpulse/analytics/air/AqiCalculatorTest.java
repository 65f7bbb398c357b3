package org.govpulse.analytics.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of HJ 633-2012 formula (1), IAQI = (IAQI_Hi - IAQI_Lo) / (BP_Hi - BP_Lo) x (C - BP_Lo) + IAQI_Lo,
 * rounded up, with the breakpoints of Table 1.
 */
class AqiCalculatorTest {

  private static int iaqi(Pollutant p, double c) {
    return AqiCalculator.iaqi(p, c).orElseThrow();
  }

  @Test
  void breakpoints_of_table_1_map_to_their_iaqi_exactly() {
    // At a breakpoint both neighbouring segments give the same value: PM2.5 35 -> 50, 75 -> 100, 115 -> 150,
    // 150 -> 200, 250 -> 300, 350 -> 400, 500 -> 500.
    assertThat(iaqi(Pollutant.PM25, 0)).isZero();
    assertThat(iaqi(Pollutant.PM25, 35)).isEqualTo(50);
    assertThat(iaqi(Pollutant.PM25, 75)).isEqualTo(100);
    assertThat(iaqi(Pollutant.PM25, 115)).isEqualTo(150);
    assertThat(iaqi(Pollutant.PM25, 150)).isEqualTo(200);
    assertThat(iaqi(Pollutant.PM25, 250)).isEqualTo(300);
    assertThat(iaqi(Pollutant.PM25, 350)).isEqualTo(400);
    assertThat(iaqi(Pollutant.PM25, 500)).isEqualTo(500);
    // SO2 24 h: 50 / 150 / 475 / 800 / 1600 / 2100 / 2620; NO2 24 h: 40 / 80 / 180 / 280 / 565 / 750 / 940.
    assertThat(iaqi(Pollutant.SO2, 475)).isEqualTo(150);
    assertThat(iaqi(Pollutant.SO2, 2620)).isEqualTo(500);
    assertThat(iaqi(Pollutant.NO2, 80)).isEqualTo(100);
    assertThat(iaqi(Pollutant.NO2, 565)).isEqualTo(300);
    // PM10 24 h: 50 / 150 / 250 / 350 / 420 / 500 / 600; CO 24 h (mg/m3): 2 / 4 / 14 / 24 / 36 / 48 / 60.
    assertThat(iaqi(Pollutant.PM10, 420)).isEqualTo(300);
    assertThat(iaqi(Pollutant.CO, 14)).isEqualTo(150);
    // O3 8 h: 100 / 160 / 215 / 265 / 800; O3 1 h: 160 / 200 / 300 / 400 / 800 / 1000 / 1200.
    assertThat(iaqi(Pollutant.O3_8H, 160)).isEqualTo(100);
    assertThat(iaqi(Pollutant.O3_8H, 800)).isEqualTo(300);
    assertThat(iaqi(Pollutant.O3_1H, 200)).isEqualTo(100);
  }

  @Test
  void one_above_a_breakpoint_rounds_up_into_the_next_integer() {
    // PM2.5 36: (100-50)/(75-35) x (36-35) + 50 = 51.25 -> 52
    assertThat(iaqi(Pollutant.PM25, 36)).isEqualTo(52);
    // PM2.5 76: (150-100)/(115-75) x (76-75) + 100 = 101.25 -> 102
    assertThat(iaqi(Pollutant.PM25, 76)).isEqualTo(102);
    // PM10 151: (150-100)/(250-150) x (151-150) + 100 = 100.5 -> 101
    assertThat(iaqi(Pollutant.PM10, 151)).isEqualTo(101);
    // SO2 476: (200-150)/(800-475) x (476-475) + 150 = 150.154 -> 151
    assertThat(iaqi(Pollutant.SO2, 476)).isEqualTo(151);
    // O3 8 h 161: (150-100)/(215-160) x (161-160) + 100 = 100.909 -> 101
    assertThat(iaqi(Pollutant.O3_8H, 161)).isEqualTo(101);
  }

  @Test
  void interpolation_inside_a_segment_is_exact_decimal_arithmetic() {
    // NO2 100: (150-100)/(180-80) x (100-80) + 100 = 110 exactly
    assertThat(iaqi(Pollutant.NO2, 100)).isEqualTo(110);
    // CO 2.2: (100-50)/(4-2) x (2.2-2) + 50 = 55 exactly; in binary floating point 2.2-2 = 0.20000000000000018
    // and the result 55.000000000000004 would round up to 56.
    assertThat(iaqi(Pollutant.CO, 2.2)).isEqualTo(55);
    // CO 1.1: (50-0)/(2-0) x 1.1 = 27.5 -> 28
    assertThat(iaqi(Pollutant.CO, 1.1)).isEqualTo(28);
    // PM2.5 30: 50/35 x 30 = 42.857 -> 43
    assertThat(iaqi(Pollutant.PM25, 30)).isEqualTo(43);
  }

  @Test
  void beyond_the_top_breakpoint_the_iaqi_is_the_top_of_the_scale() {
    assertThat(iaqi(Pollutant.PM25, 600)).isEqualTo(500);
    assertThat(iaqi(Pollutant.PM10, 650)).isEqualTo(500);
    assertThat(iaqi(Pollutant.CO, 75)).isEqualTo(500);
    assertThat(iaqi(Pollutant.O3_1H, 1300)).isEqualTo(500);
  }

  @Test
  void eight_hour_ozone_above_800_has_no_iaqi_and_is_reported_by_the_one_hour_value() {
    assertThat(AqiCalculator.iaqi(Pollutant.O3_8H, 801)).isEqualTo(OptionalInt.empty());
    // O3 1 h 1100: (500-400)/(1200-1000) x (1100-1000) + 400 = 450
    Map<Pollutant, Double> c = new EnumMap<>(Pollutant.class);
    c.put(Pollutant.O3_8H, 850.0);
    c.put(Pollutant.O3_1H, 1100.0);
    c.put(Pollutant.PM25, 40.0);
    AqiResult r = AqiCalculator.aqi(c);
    assertThat(r.iaqi()).doesNotContainKey(Pollutant.O3_8H).containsEntry(Pollutant.O3_1H, 450);
    assertThat(r.aqi()).isEqualTo(450);
    assertThat(r.primaryCodes()).isEqualTo("o3_1h");
    assertThat(r.level()).isEqualTo(AqiLevel.SEVERELY_POLLUTED);
  }

  @Test
  void a_daily_report_takes_the_highest_iaqi_and_names_its_pollutant() {
    // pm25 80: 100 + 50/40 x 5 = 106.25 -> 107;  pm10 120: 50 + 50/100 x 70 = 85;  so2 10: 10;
    // no2 45: 50 + 50/40 x 5 = 56.25 -> 57;  co 1.1: 27.5 -> 28;  o3_8h 120: 50 + 50/60 x 20 = 66.67 -> 67;
    // o3_1h 150: 50/160 x 150 = 46.875 -> 47.  AQI = 107, level 3 (轻度污染), primary PM2.5.
    Map<Pollutant, Double> c = new EnumMap<>(Pollutant.class);
    c.put(Pollutant.PM25, 80.0);
    c.put(Pollutant.PM10, 120.0);
    c.put(Pollutant.SO2, 10.0);
    c.put(Pollutant.NO2, 45.0);
    c.put(Pollutant.CO, 1.1);
    c.put(Pollutant.O3_8H, 120.0);
    c.put(Pollutant.O3_1H, 150.0);
    AqiResult r = AqiCalculator.aqi(c);
    assertThat(r.iaqi()).containsExactlyInAnyOrderEntriesOf(Map.of(Pollutant.PM25, 107, Pollutant.PM10, 85,
        Pollutant.SO2, 10, Pollutant.NO2, 57, Pollutant.CO, 28, Pollutant.O3_8H, 67, Pollutant.O3_1H, 47));
    assertThat(r.aqi()).isEqualTo(107);
    assertThat(r.level().level()).isEqualTo(3);
    assertThat(r.level().nameZh()).isEqualTo("轻度污染");
    assertThat(r.primaryPollutants()).containsExactly(Pollutant.PM25);
    assertThat(r.goodDay()).isFalse();
  }

  @Test
  void tied_pollutants_are_all_primary_in_table_order() {
    // pm25 75 -> 100 and pm10 150 -> 100: both primary, PM10 first as in Table 1.
    AqiResult r = AqiCalculator.aqi(Map.of(Pollutant.PM25, 75.0, Pollutant.PM10, 150.0, Pollutant.NO2, 40.0));
    assertThat(r.aqi()).isEqualTo(100);
    assertThat(r.primaryCodes()).isEqualTo("pm10,pm25");
    assertThat(r.goodDay()).isTrue();
  }

  @Test
  void there_is_no_primary_pollutant_up_to_aqi_50() {
    // pm25 30 -> 43, pm10 40 -> 40: AQI 43, 优, no primary pollutant.
    AqiResult r = AqiCalculator.aqi(Map.of(Pollutant.PM25, 30.0, Pollutant.PM10, 40.0));
    assertThat(r.aqi()).isEqualTo(43);
    assertThat(r.level()).isEqualTo(AqiLevel.EXCELLENT);
    assertThat(r.primaryPollutants()).isEmpty();
    assertThat(r.primaryCodes()).isNull();
  }

  @Test
  void levels_follow_table_2_at_their_boundaries() {
    int[][] cases = {{0, 1}, {50, 1}, {51, 2}, {100, 2}, {101, 3}, {150, 3}, {151, 4}, {200, 4}, {201, 5},
        {300, 5}, {301, 6}, {500, 6}};
    for (int[] c : cases) {
      assertThat(AqiLevel.of(c[0]).level()).as("AQI " + c[0]).isEqualTo(c[1]);
    }
    assertThat(AqiLevel.ofLevel(1).nameZh()).isEqualTo("优");
    assertThat(AqiLevel.ofLevel(2).nameZh()).isEqualTo("良");
    assertThat(AqiLevel.ofLevel(4).nameEn()).isEqualTo("Moderately polluted");
    assertThat(AqiLevel.ofLevel(5).nameZh()).isEqualTo("重度污染");
    assertThat(AqiLevel.ofLevel(6).nameZh()).isEqualTo("严重污染");
  }

  @Test
  void reported_concentrations_round_half_to_even() {
    // GB/T 8170: 35.5 -> 36 (5 after an odd digit rounds up), 34.5 -> 34, CO 1.25 -> 1.2, 1.35 -> 1.4.
    assertThat(AqiCalculator.roundForReport(Pollutant.PM25, 35.5)).isEqualTo(36.0);
    assertThat(AqiCalculator.roundForReport(Pollutant.PM25, 34.5)).isEqualTo(34.0);
    assertThat(AqiCalculator.roundForReport(Pollutant.PM25, 34.51)).isEqualTo(35.0);
    assertThat(AqiCalculator.roundForReport(Pollutant.CO, 1.25)).isEqualTo(1.2);
    assertThat(AqiCalculator.roundForReport(Pollutant.CO, 1.35)).isEqualTo(1.4);
  }

  @Test
  void negative_concentrations_are_refused_with_the_item_named() {
    assertThatThrownBy(() -> AqiCalculator.iaqi(Pollutant.NO2, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no2");
  }
}
