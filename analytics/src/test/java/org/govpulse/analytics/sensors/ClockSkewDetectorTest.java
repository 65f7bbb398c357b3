package org.govpulse.analytics.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockSkewDetectorTest {
  private static final int DAY0 = 20_500;
  private static final int CST = 8 * 3600;

  /** 20 days of O3 (peak 15:00) and NO2 (peak 08:00); from {@code skewFromDay} the station runs {@code lag} h off. */
  private static List<ClockSkewDetector.DayProfile> days(int skewFromDay, int lag) {
    int days = 20;
    double[] o3 = HourlySeries.ozone(24 * (days + 2), 1);
    double[] o3Ref = HourlySeries.ozone(24 * (days + 2), 2);
    double[] no2 = HourlySeries.diurnal(24 * (days + 2), 40, 0.4, 8, 0.15, 3);
    double[] no2Ref = HourlySeries.diurnal(24 * (days + 2), 40, 0.4, 8, 0.05, 4);
    List<ClockSkewDetector.DayProfile> out = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      int shift = d >= skewFromDay ? lag : 0;
      out.add(profile("o3", d, o3, o3Ref, shift));
      out.add(profile("no2", d, no2, no2Ref, shift));
    }
    return out;
  }

  /** Day {@code d} (series offset by one day so that shifted hours exist) with station[h] = true[h - lag]. */
  private static ClockSkewDetector.DayProfile profile(String metric, int d, double[] station, double[] reference,
      int lag) {
    double[] s = new double[24];
    for (int h = 0; h < 24; h++) {
      s[h] = station[24 * (d + 1) + h - lag];
    }
    return new ClockSkewDetector.DayProfile(metric, DAY0 + d, s,
        Arrays.copyOfRange(reference, 24 * (d + 1), 24 * (d + 2)), 5);
  }

  @Test
  void a_station_stamping_utc_as_local_time_is_found_with_its_shift_and_start_day() {
    List<Anomaly> found = ClockSkewDetector.find(days(8, -8), CST);
    assertThat(found).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(AnomalyKind.CLOCK_SKEW);
      assertThat(a.statistic()).isEqualTo(-8.0);
      // local midnight of day 8 is 16:00 UTC the day before
      assertThat(a.startHour()).isEqualTo((DAY0 + 8) * 24L - 8);
      assertThat(a.endHour()).isEqualTo((DAY0 + 20) * 24L - 8);
      assertThat(a.severity()).isEqualTo(Severity.HIGH);
      assertThat(a.detail()).contains("shifted by -8 h", "run 8 h behind", "UTC times are taken for local time");
    });
  }

  @Test
  void a_station_in_step_with_its_neighbours_has_no_clock_skew() {
    assertThat(ClockSkewDetector.find(days(99, 0), CST)).isEmpty();
  }

  @Test
  void a_shift_of_a_few_days_is_not_sustained() {
    assertThat(ClockSkewDetector.find(days(17, -8), CST)).isEmpty();
  }

  @Test
  void without_other_stations_nothing_is_decided() {
    List<ClockSkewDetector.DayProfile> alone = new ArrayList<>();
    for (ClockSkewDetector.DayProfile p : days(8, -8)) {
      alone.add(new ClockSkewDetector.DayProfile(p.metric(), p.epochDay(), p.station(), p.reference(), 1));
    }
    assertThat(ClockSkewDetector.find(alone, CST)).isEmpty();
  }
}
