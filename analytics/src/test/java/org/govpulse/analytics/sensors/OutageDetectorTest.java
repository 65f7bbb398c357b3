package org.govpulse.analytics.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutageDetectorTest {
  private static final long T0 = 493_000;

  private static boolean[] present(int hours) {
    boolean[] p = new boolean[hours];
    Arrays.fill(p, true);
    return p;
  }

  @Test
  void a_silence_of_a_day_or_more_is_an_outage_with_its_length() {
    boolean[] p = present(24 * 10);
    Arrays.fill(p, 48, 48 + 100, false);
    List<Anomaly> found = OutageDetector.sensorOutages(p, T0);
    assertThat(found).hasSize(1);
    Anomaly a = found.get(0);
    assertThat(a.kind()).isEqualTo(AnomalyKind.OUTAGE);
    assertThat(a.metric()).isNull();
    assertThat(a.startHour()).isEqualTo(T0 + 48);
    assertThat(a.endHour()).isEqualTo(T0 + 148);
    assertThat(a.severity()).isEqualTo(Severity.HIGH);
    assertThat(a.detail()).startsWith("No readings of any metric for 100 h (4.2 days)");
  }

  @Test
  void gaps_shorter_than_a_day_are_not_outages() {
    boolean[] p = present(24 * 10);
    Arrays.fill(p, 30, 53, false);
    for (int i = 100; i < 200; i += 3) {
      p[i] = false;
    }
    assertThat(OutageDetector.sensorOutages(p, T0)).isEmpty();
  }

  @Test
  void a_sensor_still_silent_at_the_end_of_the_data_is_in_outage() {
    boolean[] p = present(24 * 5);
    Arrays.fill(p, 24 * 3, 24 * 5, false);
    Anomaly a = OutageDetector.sensorOutages(p, T0).get(0);
    assertThat(a.hours()).isEqualTo(48);
    assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(a.detail()).endsWith("still silent at the end of the data.");
  }

  @Test
  void a_metric_missing_while_the_sensor_reports_is_a_metric_outage_but_a_sensor_outage_is_not_repeated_per_metric() {
    boolean[] sensor = present(24 * 6);
    Arrays.fill(sensor, 100, 130, false);
    boolean[] pm25 = sensor.clone();
    Arrays.fill(pm25, 10, 40, false);
    List<Anomaly> found = OutageDetector.metricOutages("pm25", pm25, sensor, T0);
    assertThat(found).singleElement().satisfies(a -> {
      assertThat(a.metric()).isEqualTo("pm25");
      assertThat(a.startHour()).isEqualTo(T0 + 10);
      assertThat(a.hours()).isEqualTo(30);
      assertThat(a.severity()).isEqualTo(Severity.LOW);
    });
  }
}
