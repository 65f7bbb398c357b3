package org.govpulse.analytics.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validity rules of GB 3095-2012 Table 4 and HJ 663-2013 on hand-made days. */
class DailyStatisticsTest {

  /** A day with the value {@code v} in every hour. */
  private static double[] day(double v) {
    double[] d = new double[24];
    Arrays.fill(d, v);
    return d;
  }

  /** The day with the given hours missing. */
  private static double[] without(double[] day, int fromHour, int toHourInclusive) {
    double[] d = day.clone();
    for (int h = fromHour; h <= toHourInclusive; h++) {
      d[h] = Double.NaN;
    }
    return d;
  }

  @Test
  void a_24_hour_mean_needs_20_hourly_values() {
    DailyValue twenty = DailyStatistics.mean24h(without(day(30), 20, 23));
    assertThat(twenty.valid()).isTrue();
    assertThat(twenty.value()).isEqualTo(30.0);
    DailyValue nineteen = DailyStatistics.mean24h(without(day(30), 19, 23));
    assertThat(nineteen.valid()).isFalse();
    assertThat(nineteen.count()).isEqualTo(19);
    assertThat(nineteen.shortfall()).isEqualTo("19 of 24 hourly values (needs 20)");
  }

  @Test
  void the_daily_maximum_8_hour_ozone_is_the_highest_of_the_17_windows_ending_8_00_to_24_00() {
    // O3 rises by 10 each hour: 0, 10, ..., 230. The last window (16:00-24:00) holds 160..230, mean 195.
    double[] o3 = new double[24];
    for (int h = 0; h < 24; h++) {
      o3[h] = 10 * h;
    }
    DailyValue v = DailyStatistics.max8h(o3);
    assertThat(v.value()).isEqualTo(195.0);
    assertThat(v.count()).isEqualTo(17);
    assertThat(v.valid()).isTrue();
    assertThat(DailyStatistics.max1h(o3).value()).isEqualTo(230.0);
  }

  @Test
  void an_8_hour_window_needs_6_hours_and_averages_those_present() {
    // Only 02:00-08:00 present: 60 x 5 and 120 at 07:00. Windows starting at 0, 1, 2 hold those 6 hours,
    // mean (5 x 60 + 120) / 6 = 70; the window starting at 3 holds 5 and is invalid.
    double[] o3 = without(day(Double.NaN), 0, 23);
    for (int h = 2; h <= 6; h++) {
      o3[h] = 60;
    }
    o3[7] = 120;
    DailyValue v = DailyStatistics.max8h(o3);
    assertThat(v.value()).isCloseTo(70.0, within(1e-9));
    assertThat(v.count()).isEqualTo(3);
    assertThat(v.valid()).isFalse();
  }

  @Test
  void the_daily_ozone_maximum_needs_14_valid_windows() {
    // Missing 19:00-24:00 (5 hours): windows starting 0..13 keep at least 6 hours -> 14 valid.
    DailyValue fourteen = DailyStatistics.max8h(without(day(100), 19, 23));
    assertThat(fourteen.count()).isEqualTo(14);
    assertThat(fourteen.valid()).isTrue();
    // Missing 18:00-24:00 (6 hours): windows 0..12 -> 13 valid, maximum 100 within the limit -> invalid.
    DailyValue thirteen = DailyStatistics.max8h(without(day(100), 18, 23));
    assertThat(thirteen.count()).isEqualTo(13);
    assertThat(thirteen.valid()).isFalse();
    assertThat(thirteen.shortfall()).isEqualTo("13 of 17 valid 8-hour means (needs 14)");
  }

  @Test
  void too_few_ozone_windows_still_count_when_the_maximum_exceeds_the_limit() {
    // 13 valid windows, but the maximum 200 exceeds the grade II limit of 160: the exceedance stands.
    DailyValue v = DailyStatistics.max8h(without(day(200), 18, 23));
    assertThat(v.count()).isEqualTo(13);
    assertThat(v.valid()).isTrue();
  }

  @Test
  void a_station_day_is_valid_only_when_every_measured_pollutant_is() {
    Map<String, double[]> hourly = Map.of("pm25", without(day(80), 19, 23), "pm10", day(120), "o3", day(120));
    StationDay d = StationDay.of(hourly, List.of("pm25", "pm10", "o3"));
    assertThat(d.valid()).isFalse();
    assertThat(d.aqi()).isNull();
    assertThat(d.invalidReason()).isEqualTo("pm25: 19 of 24 hourly values (needs 20)");
    assertThat(d.hours()).containsEntry("pm25", 19).containsEntry("pm10", 24).containsEntry("o3", 24);
    // the valid items keep their statistics, as information
    assertThat(d.concentrations()).containsOnlyKeys("pm10", "o3_8h", "o3_1h");
  }

  @Test
  void a_station_day_ignores_pollutants_the_station_does_not_measure() {
    // pm25 80 -> 107, pm10 120 -> 85, o3 120 (8 h 67, 1 h 38): AQI 107 from three metrics, so2 not required.
    Map<String, double[]> hourly = Map.of("pm25", day(80), "pm10", day(120), "o3", day(120), "so2", day(1));
    StationDay d = StationDay.of(hourly, List.of("pm25", "pm10", "o3"));
    assertThat(d.valid()).isTrue();
    assertThat(d.aqi().aqi()).isEqualTo(107);
    assertThat(d.iaqi()).containsOnlyKeys("pm25", "pm10", "o3_8h", "o3_1h").containsEntry("o3_1h", 38);
    assertThat(d.hours()).doesNotContainKey("so2");
  }

  @Test
  void a_measured_pollutant_without_any_reading_makes_the_day_invalid() {
    StationDay d = StationDay.of(Map.of("pm25", day(20)), List.of("pm25", "o3"));
    assertThat(d.valid()).isFalse();
    assertThat(d.invalidReason()).isEqualTo("o3_8h: 0 of 17 valid 8-hour means (needs 14)");
    assertThat(d.hours()).containsEntry("o3", 0);
  }
}
