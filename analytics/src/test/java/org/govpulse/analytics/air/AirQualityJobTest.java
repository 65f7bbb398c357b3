package org.govpulse.analytics.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * The air quality job on a hand-made city: 江州 (JZ) with districts JZ01 (stations A and B) and JZ02 (station C), a
 * noise sensor N that must not count, three days across a month end. Hourly values are constant within a day, so
 * every daily statistic equals the hourly value and the expected indices can be worked by hand.
 */
class AirQualityJobTest {
  private static final LocalDate D1 = LocalDate.of(2026, 3, 30);
  private static final LocalDate D2 = LocalDate.of(2026, 3, 31);
  private static final LocalDate D3 = LocalDate.of(2026, 4, 1);
  private static final List<String> SIX = List.of("pm25", "pm10", "so2", "no2", "co", "o3");

  @TempDir
  static Path dir;
  private static AirQualityResult result;
  private static List<Row> stationDays;
  private static List<Row> regionDays;
  private static List<Row> regionMonths;

  /** Constant hourly values of the six metrics for hours {@code 0..lastHourOfPm25} (pm25) and 0..23 (others). */
  private static void station(SensorFixture f, String id, String region, LocalDate day, double pm25, double pm10,
      double so2, double no2, double co, double o3, int lastHourOfPm25) {
    f.day(id, region, "pm25", day, 0, lastHourOfPm25, h -> pm25);
    f.day(id, region, "pm10", day, 0, 23, h -> pm10);
    f.day(id, region, "so2", day, 0, 23, h -> so2);
    f.day(id, region, "no2", day, 0, 23, h -> no2);
    f.day(id, region, "co", day, 0, 23, h -> co);
    f.day(id, region, "o3", day, 0, 23, h -> o3);
  }

  @BeforeAll
  static void run() {
    SensorFixture f = new SensorFixture()
        .region("JZ", null, "city").region("JZ01", "JZ", "district").region("JZ02", "JZ", "district")
        .sensor("A", "JZ01", "air_quality", SIX).sensor("B", "JZ01", "air_quality", SIX)
        .sensor("C", "JZ02", "air_quality", SIX).sensor("N", "JZ01", "noise", List.of("noise_db"));
    for (LocalDate d : List.of(D1, D2, D3)) {
      station(f, "A", "JZ01", d, d.equals(D2) ? 200 : 80, 120, 10, 45, 1.1, 120, 23);
      station(f, "B", "JZ01", d, 20, 40, 10, 35, 0.9, 160, 23);
      f.day("N", "JZ01", "noise_db", d, 0, 23, h -> 55);
    }
    station(f, "C", "JZ02", D1, 30, 30, 5, 20, 0.5, 60, 23);
    station(f, "C", "JZ02", D2, 30, 30, 5, 20, 0.5, 60, 18);
    Warehouse warehouse = f.write(TestSpark.session(), dir.resolve("warehouse").toString());
    result = new AirQualityJob(warehouse).execute();
    stationDays = warehouse.read(GoldTables.AQI_STATION_DAILY).collectAsList();
    regionDays = warehouse.read(GoldTables.AQI_REGION_DAILY).collectAsList();
    regionMonths = warehouse.read(GoldTables.AIR_QUALITY_MONTHLY).collectAsList();
  }

  private static Row row(List<Row> table, String keyColumn, String key, LocalDate date) {
    List<Row> rows = table.stream()
        .filter(r -> key.equals(r.getAs(keyColumn)) && Date.valueOf(date).equals(r.getAs(Col.DATE))).toList();
    assertThat(rows).as(key + " " + date).hasSize(1);
    return rows.get(0);
  }

  @Test
  void station_days_carry_the_hj633_index_of_their_daily_statistics() {
    // A on 30 March: pm25 80 -> 107, pm10 120 -> 85, so2 10 -> 10, no2 45 -> 57, co 1.1 -> 28, o3_8h 120 -> 67,
    // o3_1h 120 -> 50/160 x 120 = 37.5 -> 38. AQI 107, level 3, primary pm25.
    Row a = row(stationDays, Col.SENSOR_ID, "A", D1);
    assertThat(a.<Integer>getAs(Col.AQI)).isEqualTo(107);
    assertThat(a.<Integer>getAs(Col.AQI_LEVEL)).isEqualTo(3);
    assertThat(a.<String>getAs(Col.PRIMARY_POLLUTANT)).isEqualTo("pm25");
    assertThat(a.<Boolean>getAs(Col.GOOD_DAY)).isFalse();
    assertThat(a.<Boolean>getAs(Col.VALID)).isTrue();
    assertThat(a.getJavaMap(a.fieldIndex(Col.IAQI))).containsAllEntriesOf(Map.of("pm25", 107, "pm10", 85, "so2", 10,
        "no2", 57, "co", 28, "o3_8h", 67, "o3_1h", 38));
    assertThat(a.getJavaMap(a.fieldIndex(Col.CONCENTRATIONS))).containsEntry("co", 1.1).containsEntry("o3_8h", 120.0);
    assertThat(a.getJavaMap(a.fieldIndex(Col.HOURS))).containsEntry("pm25", 24).hasSize(6);
    // B: o3_8h 160 -> 100 is the highest (pm25 20 -> 29): AQI 100, primary o3_8h, still a good day.
    Row b = row(stationDays, Col.SENSOR_ID, "B", D1);
    assertThat(b.<Integer>getAs(Col.AQI)).isEqualTo(100);
    assertThat(b.<String>getAs(Col.PRIMARY_POLLUTANT)).isEqualTo("o3_8h");
    assertThat(b.<Boolean>getAs(Col.GOOD_DAY)).isTrue();
  }

  @Test
  void a_station_day_with_19_hours_of_pm25_is_invalid_and_says_why() {
    Row c = row(stationDays, Col.SENSOR_ID, "C", D2);
    assertThat(c.<Boolean>getAs(Col.VALID)).isFalse();
    assertThat(c.<Integer>getAs(Col.AQI)).isNull();
    assertThat(c.<Boolean>getAs(Col.GOOD_DAY)).isFalse();
    assertThat(c.<String>getAs(Col.INVALID_REASON)).isEqualTo("pm25: 19 of 24 hourly values (needs 20)");
    assertThat(c.getJavaMap(c.fieldIndex(Col.HOURS))).containsEntry("pm25", 19);
  }

  @Test
  void sensors_that_are_not_air_quality_stations_do_not_enter_the_index() {
    assertThat(stationDays).extracting(r -> r.<String>getAs(Col.SENSOR_ID)).containsOnly("A", "B", "C");
    assertThat(result.stationDays()).isEqualTo(8);
    assertThat(result.validStationDays()).isEqualTo(7);
  }

  @Test
  void a_region_day_is_the_index_of_the_mean_concentrations_of_its_valid_stations() {
    // JZ01 on 30 March, mean of A and B: pm25 50 -> 50 + 50/40 x 15 = 68.75 -> 69; pm10 80 -> 65; so2 10;
    // no2 40 -> 50; co 1.0 -> 25; o3_8h 140 -> 50 + 50/60 x 40 = 83.3 -> 84; o3_1h 140 -> 43.75 -> 44.
    // AQI 84 with primary o3_8h, although the stations' own indices are 107 and 100.
    Row jz01 = row(regionDays, Col.REGION_CODE, "JZ01", D1);
    assertThat(jz01.<Integer>getAs(Col.AQI)).isEqualTo(84);
    assertThat(jz01.<String>getAs(Col.PRIMARY_POLLUTANT)).isEqualTo("o3_8h");
    assertThat(jz01.<Integer>getAs(Col.STATIONS)).isEqualTo(2);
    assertThat(jz01.getJavaMap(jz01.fieldIndex(Col.CONCENTRATIONS))).containsEntry("pm25", 50.0).containsEntry("co", 1.0);
    // The city on 30 March averages A, B and C: pm25 43.3 -> 43 -> 60; pm10 63.3 -> 63 -> 56.5 -> 57; so2 8.3 -> 8;
    // no2 33.3 -> 33 -> 41.25 -> 42; co 0.83 -> 0.8 -> 20; o3_8h 113.3 -> 113 -> 50 + 50/60 x 13 = 60.8 -> 61.
    Row city = row(regionDays, Col.REGION_CODE, "JZ", D1);
    assertThat(city.<Integer>getAs(Col.AQI)).isEqualTo(61);
    assertThat(city.<Integer>getAs(Col.STATIONS)).isEqualTo(3);
    assertThat(city.getJavaMap(city.fieldIndex(Col.CONCENTRATIONS))).containsEntry("pm25", 43.0)
        .containsEntry("co", 0.8);
    // JZ02 on 31 March has no valid station: no index, zero stations.
    Row jz02 = row(regionDays, Col.REGION_CODE, "JZ02", D2);
    assertThat(jz02.<Integer>getAs(Col.AQI)).isNull();
    assertThat(jz02.<Integer>getAs(Col.STATIONS)).isZero();
  }

  @Test
  void a_month_counts_good_days_among_valid_days_and_the_readings_received() {
    Map<String, Row> months = regionMonths.stream()
        .collect(java.util.stream.Collectors.toMap(
            r -> r.getAs(Col.REGION_CODE) + " " + r.getAs(Col.PERIOD), r -> r));
    assertThat(months).containsOnlyKeys("JZ 2026-03", "JZ 2026-04", "JZ01 2026-03", "JZ01 2026-04",
        "JZ02 2026-03", "JZ02 2026-04");
    // JZ01 March: 30 March AQI 84 (good); 31 March pm25 (200+20)/2 = 110 -> 100 + 50/40 x 35 = 143.75 -> 144.
    Row jz01 = months.get("JZ01 2026-03");
    assertThat(jz01.<Integer>getAs(Col.VALID_DAYS)).isEqualTo(2);
    assertThat(jz01.<Integer>getAs(Col.GOOD_DAYS)).isEqualTo(1);
    assertThat(jz01.<Double>getAs(Col.GOOD_DAY_RATIO)).isEqualTo(50.0);
    assertThat(jz01.<Double>getAs(Col.PM25_MEAN)).isEqualTo(80.0);
    assertThat(jz01.<Double>getAs(Col.AVAILABILITY)).isEqualTo(1.0);
    assertThat(jz01.<Integer>getAs(Col.STATIONS)).isEqualTo(2);
    // JZ02 March: C sent 24 x 6 hours on 30 March and 19 + 5 x 24 on 31 March: 283 of 288.
    Row jz02 = months.get("JZ02 2026-03");
    assertThat(jz02.<Integer>getAs(Col.VALID_DAYS)).isEqualTo(1);
    assertThat(jz02.<Double>getAs(Col.AVAILABILITY)).isCloseTo(283.0 / 288.0, within(1e-12));
    // JZ02 April: C is silent on 1 April, the last day of data: no valid day, nothing received.
    Row silent = months.get("JZ02 2026-04");
    assertThat(silent.<Integer>getAs(Col.VALID_DAYS)).isZero();
    assertThat(silent.<Double>getAs(Col.GOOD_DAY_RATIO)).isNull();
    assertThat(silent.<Double>getAs(Col.AVAILABILITY)).isZero();
    // The city in March: 3 stations; 30 March good (61), 31 March not (only A and B valid: 144).
    Row city = months.get("JZ 2026-03");
    assertThat(city.<Integer>getAs(Col.STATIONS)).isEqualTo(3);
    assertThat(city.<Integer>getAs(Col.GOOD_DAYS)).isEqualTo(1);
    assertThat(city.<Integer>getAs(Col.VALID_DAYS)).isEqualTo(2);
    assertThat(result.regionMonths()).isEqualTo(6);
  }
}
