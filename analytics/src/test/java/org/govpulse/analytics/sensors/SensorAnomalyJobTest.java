package org.govpulse.analytics.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.govpulse.analytics.SensorFixture;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.Col;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The anomaly job on a hand-made city of five stations over 16 days of hourly O3, NO2 and PM2.5 with one planted
 * fault of each kind: S1 silent for 48 hours, S2's PM2.5 stuck at 37.0 for 30 hours, one absurd NO2 hour at S3, and
 * S4 stamping UTC as local time from 9 March. S5 and every other series are clean, so exactly four anomalies must be
 * found.
 */
class SensorAnomalyJobTest {
  private static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
  private static final int DAYS = 16;
  private static final List<String> METRICS = List.of("o3", "no2", "pm25");
  private static final LocalDateTime OUTAGE_FROM = LocalDateTime.of(2026, 3, 5, 10, 0);
  private static final LocalDateTime STUCK_FROM = LocalDateTime.of(2026, 3, 8, 0, 0);
  private static final LocalDateTime SPIKE_AT = LocalDateTime.of(2026, 3, 10, 13, 0);
  private static final LocalDateTime SKEW_FROM = LocalDateTime.of(2026, 3, 9, 0, 0);

  @TempDir
  static Path dir;
  private static Warehouse warehouse;
  private static SensorAnomalyResult result;
  private static List<Row> anomalies;

  /** A plausible hourly value: the metric's diurnal cycle, a city-wide weather factor per day, 10 % noise. */
  private static double value(String metric, LocalDateTime local, SplittableRandom noise) {
    int h = local.getHour();
    double weather = 1 + 0.3 * Math.sin(2 * Math.PI * local.toLocalDate().toEpochDay() / 5.0);
    double cycle = switch (metric) {
      case "o3" -> 80 * (1 + 0.7 * Math.cos(2 * Math.PI * (h - 15) / 24.0));
      case "no2" -> 40 * (1 + 0.4 * Math.cos(4 * Math.PI * (h - 8) / 24.0));
      default -> 40 * weather * (1 + 0.3 * Math.cos(2 * Math.PI * (h - 22) / 24.0));
    };
    double gauss = (noise.nextDouble() + noise.nextDouble() + noise.nextDouble() + noise.nextDouble() - 2) * 1.7;
    return Math.max(0, Math.round(cycle * (1 + 0.1 * gauss) * 10) / 10.0);
  }

  @BeforeAll
  static void run() {
    SensorFixture f = new SensorFixture()
        .region("JZ", null, "city").region("JZ01", "JZ", "district").region("JZ02", "JZ", "district");
    String[][] stations = {{"S1", "JZ01"}, {"S2", "JZ01"}, {"S3", "JZ01"}, {"S4", "JZ02"}, {"S5", "JZ02"}};
    for (String[] s : stations) {
      f.sensor(s[0], s[1], "air_quality", METRICS);
      for (String m : METRICS) {
        SplittableRandom noise = new SplittableRandom((s[0] + m).hashCode());
        for (int i = 0; i < DAYS * 24; i++) {
          LocalDateTime local = FIRST.atStartOfDay().plusHours(i);
          double v = value(m, local, noise);
          LocalDateTime stamp = local;
          if (s[0].equals("S1") && !local.isBefore(OUTAGE_FROM) && local.isBefore(OUTAGE_FROM.plusHours(48))) {
            continue;
          }
          if (s[0].equals("S2") && m.equals("pm25") && !local.isBefore(STUCK_FROM)
              && local.isBefore(STUCK_FROM.plusHours(30))) {
            v = 37.0;
          }
          if (s[0].equals("S3") && m.equals("no2") && local.equals(SPIKE_AT)) {
            v = 600;
          }
          if (s[0].equals("S4") && !local.isBefore(SKEW_FROM)) {
            stamp = local.minusHours(8);
            if (stamp.isBefore(SKEW_FROM)) {
              continue; // those stamps were already taken by the true readings: the first value stays
            }
          }
          f.reading(s[0], s[1], m, stamp, v);
        }
      }
    }
    warehouse = f.write(TestSpark.session(), dir.resolve("warehouse").toString());
    result = new SensorAnomalyJob(warehouse).execute();
    anomalies = warehouse.read(GoldTables.SENSOR_ANOMALIES).collectAsList();
  }

  private static Row only(String kind) {
    List<Row> rows = anomalies.stream().filter(r -> kind.equals(r.getAs(Col.KIND))).toList();
    assertThat(rows).as(kind + " in " + anomalies).hasSize(1);
    return rows.get(0);
  }

  private static Timestamp utc(LocalDateTime local) {
    return Timestamp.from(local.toInstant(SensorFixture.CST));
  }

  @Test
  void exactly_the_planted_faults_are_found_and_nothing_on_the_clean_series() {
    assertThat(anomalies).extracting(r -> r.getAs(Col.SENSOR_ID) + " " + r.getAs(Col.KIND))
        .containsExactlyInAnyOrder("S1 outage", "S2 stuck", "S3 spike", "S4 clock_skew");
    assertThat(result.total()).isEqualTo(4);
    assertThat(result.count(AnomalyKind.SPIKE)).isEqualTo(1);
  }

  @Test
  void the_outage_covers_the_silent_hours_of_the_whole_sensor() {
    Row r = only("outage");
    assertThat(r.<String>getAs(Col.METRIC)).isNull();
    assertThat(r.<String>getAs(Col.REGION_CODE)).isEqualTo("JZ01");
    assertThat(r.<Timestamp>getAs(Col.START_TS)).isEqualTo(utc(OUTAGE_FROM));
    assertThat(r.<Timestamp>getAs(Col.END_TS)).isEqualTo(utc(OUTAGE_FROM.plusHours(48)));
    assertThat(r.<String>getAs(Col.SEVERITY)).isEqualTo("medium");
    assertThat(r.<Double>getAs(Col.STATISTIC)).isEqualTo(48.0);
  }

  @Test
  void the_stuck_metric_and_its_run_are_named() {
    Row r = only("stuck");
    assertThat(r.<String>getAs(Col.METRIC)).isEqualTo("pm25");
    assertThat(r.<Timestamp>getAs(Col.START_TS)).isEqualTo(utc(STUCK_FROM));
    assertThat(r.<Timestamp>getAs(Col.END_TS)).isEqualTo(utc(STUCK_FROM.plusHours(30)));
    assertThat(r.<String>getAs(Col.DETAIL)).startsWith("pm25 repeated the value 37.0 for 30 h");
  }

  @Test
  void the_spike_is_the_one_absurd_hour() {
    Row r = only("spike");
    assertThat(r.<String>getAs(Col.METRIC)).isEqualTo("no2");
    assertThat(r.<Timestamp>getAs(Col.START_TS)).isEqualTo(utc(SPIKE_AT));
    assertThat(r.<Double>getAs(Col.STATISTIC)).isGreaterThan(SpikeDetector.MIN_Z);
  }

  @Test
  void the_clock_skew_reports_the_eight_hour_shift_from_the_day_it_began() {
    Row r = only("clock_skew");
    assertThat(r.<String>getAs(Col.SENSOR_ID)).isEqualTo("S4");
    assertThat(r.<Double>getAs(Col.STATISTIC)).isEqualTo(-8.0);
    assertThat(r.<Timestamp>getAs(Col.START_TS)).isEqualTo(utc(SKEW_FROM));
    assertThat(r.<Timestamp>getAs(Col.END_TS).toInstant())
        .isEqualTo(Instant.from(FIRST.plusDays(DAYS).atStartOfDay().toInstant(SensorFixture.CST)));
    assertThat(r.<String>getAs(Col.SEVERITY)).isEqualTo("high");
    assertThat(r.<String>getAs(Col.DETAIL)).contains("-8 h", "4 other stations");
  }
}
