package org.govpulse.analytics.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {
  private static final long T0 = 493_000;

  @Test
  void an_isolated_absurd_hour_between_normal_hours_is_a_spike() {
    double[] pm25 = HourlySeries.diurnal(24 * 10, 40, 0.3, 22, 0.15, 5);
    pm25[130] = 900;
    List<Anomaly> found = SpikeDetector.find("pm25", pm25, T0);
    assertThat(found).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(AnomalyKind.SPIKE);
      assertThat(a.startHour()).isEqualTo(T0 + 130);
      assertThat(a.endHour()).isEqualTo(T0 + 131);
      assertThat(a.statistic()).isGreaterThan(SpikeDetector.HIGH_Z);
      assertThat(a.severity()).isEqualTo(Severity.HIGH);
      assertThat(a.detail()).startsWith("pm25 = 900.0 at ");
    });
  }

  @Test
  void a_missing_hour_next_to_the_spike_does_not_hide_it() {
    double[] pm25 = HourlySeries.diurnal(24 * 10, 40, 0.3, 22, 0.15, 5);
    pm25[130] = 900;
    pm25[131] = Double.NaN;
    assertThat(SpikeDetector.find("pm25", pm25, T0)).singleElement()
        .satisfies(a -> assertThat(a.startHour()).isEqualTo(T0 + 130));
  }

  @Test
  void a_drop_far_below_the_local_level_is_a_spike_too() {
    double[] o3 = HourlySeries.diurnal(24 * 10, 400, 0.1, 15, 0.03, 9);
    o3[100] = 2;
    assertThat(SpikeDetector.find("o3", o3, T0)).singleElement()
        .satisfies(a -> assertThat(a.statistic()).isLessThan(-SpikeDetector.MIN_Z));
  }

  @Test
  void a_high_value_that_lasts_several_hours_is_an_episode_not_a_spike() {
    double[] pm25 = HourlySeries.diurnal(24 * 10, 40, 0.3, 22, 0.15, 5);
    for (int t = 130; t < 134; t++) {
      pm25[t] = 900;
    }
    assertThat(SpikeDetector.find("pm25", pm25, T0)).isEmpty();
  }

  @Test
  void a_doubling_for_one_hour_is_not_absurd_enough_for_a_concentration() {
    // SO2 steady at 10 +- 0.3: one hour at 21 is far outside the local distribution (z about 25) but only twice
    // the median, which plumes and log-normal noise produce; 31 (over three times) is a spike.
    double[] so2 = HourlySeries.diurnal(24 * 5, 10, 0.0, 0, 0.02, 13);
    so2[60] = 21;
    assertThat(SpikeDetector.find("so2", so2, T0)).isEmpty();
    so2[60] = 31;
    assertThat(SpikeDetector.find("so2", so2, T0)).hasSize(1);
  }

  @Test
  void decibels_are_judged_by_the_z_score_alone() {
    // Noise 55 dB +- 1: 80 dB is only 1.5 times the median but 25 dB out of line in a logarithmic unit.
    double[] noise = HourlySeries.diurnal(24 * 5, 55, 0.0, 0, 0.02, 17);
    noise[60] = 80;
    assertThat(SpikeDetector.find("noise_db", noise, T0)).hasSize(1);
  }

  @Test
  void clean_diurnal_series_have_no_spikes() {
    for (long seed = 1; seed <= 20; seed++) {
      assertThat(SpikeDetector.find("o3", HourlySeries.ozone(24 * 30, seed), T0)).as("seed " + seed).isEmpty();
      assertThat(SpikeDetector.find("pm25", HourlySeries.diurnal(24 * 30, 40, 0.3, 22, 0.25, seed), T0))
          .as("seed " + seed).isEmpty();
    }
  }
}
