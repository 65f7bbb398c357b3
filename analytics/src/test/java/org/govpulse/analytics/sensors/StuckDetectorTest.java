package org.govpulse.analytics.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StuckDetectorTest {
  private static final long T0 = 493_000;

  @Test
  void a_value_repeated_for_two_days_in_a_varying_series_is_stuck() {
    double[] pm25 = HourlySeries.diurnal(24 * 14, 40, 0.3, 22, 0.15, 7);
    Arrays.fill(pm25, 100, 148, 37.0);
    pm25[120] = Double.NaN; // a transmission gap inside the run does not split it
    List<Anomaly> found = StuckDetector.find("pm25", pm25, T0);
    assertThat(found).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(AnomalyKind.STUCK);
      assertThat(a.metric()).isEqualTo("pm25");
      assertThat(a.startHour()).isEqualTo(T0 + 100);
      assertThat(a.endHour()).isEqualTo(T0 + 148);
      assertThat(a.severity()).isEqualTo(Severity.HIGH);
      assertThat(a.detail()).startsWith("pm25 repeated the value 37.0 for 48 h (47 identical readings)");
    });
  }

  @Test
  void half_a_day_of_repeats_is_enough_when_the_metric_never_repeats_otherwise() {
    double[] no2 = HourlySeries.diurnal(24 * 14, 40, 0.3, 8, 0.15, 11);
    Arrays.fill(no2, 200, 212, 41.3);
    assertThat(StuckDetector.find("no2", no2, T0)).singleElement()
        .satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.LOW));
  }

  @Test
  void a_clean_varying_series_has_no_stuck_values() {
    for (long seed = 1; seed <= 20; seed++) {
      assertThat(StuckDetector.find("o3", HourlySeries.ozone(24 * 30, seed), T0)).as("seed " + seed).isEmpty();
    }
  }

  @Test
  void a_coarse_metric_that_often_repeats_needs_a_longer_run() {
    // CO to 0.1 mg/m3 around 0.6 repeats its previous value in about a third of hours: 12 equal hours can happen
    // by chance, three days cannot.
    double[] co = HourlySeries.diurnal(24 * 30, 0.6, 0.3, 8, 0.1, 3);
    Arrays.fill(co, 300, 312, 0.6);
    assertThat(StuckDetector.find("co", co, T0)).isEmpty();
    Arrays.fill(co, 300, 372, 0.6);
    assertThat(StuckDetector.find("co", co, T0)).singleElement()
        .satisfies(a -> assertThat(a.hours()).isEqualTo(72));
  }

  @Test
  void a_metric_that_sits_on_one_value_most_of_the_time_is_never_stuck() {
    // 0.5 mg/m3 with 4 % noise rounds to 0.5 in most hours: runs of days are its normal behaviour.
    assertThat(StuckDetector.find("co", HourlySeries.diurnal(24 * 30, 0.5, 0.05, 8, 0.04, 3), T0)).isEmpty();
  }
}
