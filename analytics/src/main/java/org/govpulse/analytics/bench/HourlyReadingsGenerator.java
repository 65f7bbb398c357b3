package org.govpulse.analytics.bench;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.govpulse.core.table.Col.BATCH_ID;
import static org.govpulse.core.table.Col.INGESTED_AT;
import static org.govpulse.core.table.Col.LINE_NO;
import static org.govpulse.core.table.Col.LOCAL_DATE;
import static org.govpulse.core.table.Col.METRIC;
import static org.govpulse.core.table.Col.REGION_CODE;
import static org.govpulse.core.table.Col.SENSOR_ID;
import static org.govpulse.core.table.Col.SOURCE_FILE;
import static org.govpulse.core.table.Col.TS_UTC;
import static org.govpulse.core.table.Col.UNIT;
import static org.govpulse.core.table.Col.VALUE;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.IngestTables;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Writes a benchmark city straight into the silver tables: air-quality stations in ten districts, hourly readings
 * of six pollutants with diurnal cycles, weather that varies by district and day, station offsets and log-normal
 * noise, rounded as Chinese monitoring networks publish them (integers, CO to 0.1 mg/m³). The readings are made by
 * Spark from {@code spark.range}, so ten million of them never pass through the driver.
 *
 * <p>The faults of the sample city are planted on distinct stations: 2 outages of 3 to 10 days, 2 stuck metrics
 * (24 to 72 h), 3 spikes (twelve times the metric's level) and 1 clock skew (UTC stamped as local time from a
 * random day on). Deterministic for a seed.
 */
public final class HourlyReadingsGenerator {
  /** The AQI metrics, their units and typical levels. */
  static final String[] METRICS = {"pm25", "pm10", "so2", "no2", "co", "o3"};
  private static final double[] LEVELS = {40, 70, 10, 35, 0.8, 70};
  private static final int DISTRICTS = 10;
  private static final String CITY = "BC";
  private static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 1);
  private static final int OFFSET_HOURS = 8;
  private static final double NOISE_SIGMA = 0.15;
  private static final double SPIKE_FACTOR = 12;

  private static final String STATION = "station";
  private static final String METRIC_INDEX = "metric_index";
  private static final String HOUR_INDEX = "hour_index";
  private static final String STAMP_INDEX = "stamp_index";
  private static final String ID = "id";

  private HourlyReadingsGenerator() {}

  /** A planted fault, on the UTC hour timeline; {@code metric} null for whole-sensor faults. */
  public record Fault(String kind, String sensorId, String metric, long startHour, long endHour) {}

  /** What was written. */
  public record Generated(long readings, int stations, int days, List<Fault> faults) {}

  /**
   * Replaces silver.regions, silver.sensors and silver.sensor_readings of a warehouse with about {@code readings}
   * readings over {@code days} days.
   */
  public static Generated write(Warehouse warehouse, long readings, int days, long seed) {
    SparkSession spark = warehouse.spark();
    int hours = days * 24;
    int stations = (int) Math.max(12, Math.round(readings / (double) (hours * METRICS.length)));
    warehouse.overwrite(spark.createDataFrame(regions(), IngestTables.REGIONS.schema()), IngestTables.REGIONS);
    warehouse.overwrite(spark.createDataFrame(sensors(stations), IngestTables.SENSORS.schema()),
        IngestTables.SENSORS);
    long firstHour = FIRST_DAY.atStartOfDay().toEpochSecond(ZoneOffset.ofHours(OFFSET_HOURS)) / 3600;
    List<Planted> plan = plan(stations, hours, seed);
    warehouse.overwrite(plant(base(spark, stations, hours, seed), plan, firstHour), IngestTables.SENSOR_READINGS);
    return existing(warehouse, days, seed);
  }

  /** What an earlier {@link #write} with the same days and seed put into the warehouse. */
  public static Generated existing(Warehouse warehouse, int days, long seed) {
    int stations = (int) warehouse.count(IngestTables.SENSORS);
    long firstHour = FIRST_DAY.atStartOfDay().toEpochSecond(ZoneOffset.ofHours(OFFSET_HOURS)) / 3600;
    List<Fault> faults = plan(stations, days * 24, seed).stream().map(p -> p.fault(firstHour)).toList();
    return new Generated(warehouse.count(IngestTables.SENSOR_READINGS), stations, days, faults);
  }

  /** Readings without faults: station, metric index, hour index and value. */
  private static Dataset<Row> base(SparkSession spark, int stations, int hours, long seed) {
    Column id = col(ID);
    Column metricIndex = pmod(id, lit(METRICS.length)).cast("int");
    Column rest = id.minus(metricIndex).divide(METRICS.length).cast("long");
    Column hourIndex = pmod(rest, lit(hours)).cast("int");
    Column station = rest.minus(hourIndex).divide(hours).cast("int");
    Column localHour = pmod(col(HOUR_INDEX), lit(24));
    Column day = col(HOUR_INDEX).minus(localHour).divide(24);
    Column u1 = uniform(id, seed, 1).multiply(0.999_999).plus(0.000_000_5);
    Column u2 = uniform(id, seed, 2);
    Column gauss = sqrt(log(u1).multiply(-2)).multiply(cos(u2.multiply(2 * Math.PI)));
    Column stationFactor = lit(0.8).plus(uniform(col(STATION).multiply(METRICS.length).plus(col(METRIC_INDEX)),
        seed, 3).multiply(0.4));
    Column weather = lit(1).plus(sin(day.plus(pmod(col(STATION), lit(DISTRICTS))).multiply(2 * Math.PI / 7))
        .multiply(0.4));
    Column value = element_at(array(levels()), col(METRIC_INDEX).plus(1))
        .multiply(stationFactor)
        .multiply(when(col(METRIC_INDEX).equalTo(5), lit(1)).otherwise(weather))
        .multiply(cycle(localHour))
        .multiply(exp(gauss.multiply(NOISE_SIGMA)));
    return spark.range(0, (long) stations * hours * METRICS.length)
        .select(id, metricIndex.as(METRIC_INDEX), hourIndex.as(HOUR_INDEX), station.as(STATION))
        .withColumn(VALUE, when(col(METRIC_INDEX).equalTo(4), round(value, 1)).otherwise(round(value, 0)));
  }

  /** The diurnal cycle of each metric at a local hour. */
  private static Column cycle(Column hour) {
    Column o3 = cosine(hour, 15, 1, 0.7);
    Column no2 = cosine(hour, 8, 2, 0.35);
    Column pm25 = cosine(hour, 22, 1, 0.3);
    Column pm10 = cosine(hour, 21, 1, 0.25);
    Column co = cosine(hour, 20, 1, 0.25);
    Column so2 = cosine(hour, 11, 1, 0.2);
    return element_at(array(pm25, pm10, so2, no2, co, o3), col(METRIC_INDEX).plus(1));
  }

  private static Column cosine(Column hour, int peak, int perDay, double amplitude) {
    return lit(1).plus(cos(hour.minus(peak).multiply(2 * Math.PI * perDay / 24)).multiply(amplitude));
  }

  /** A uniform number in [0, 1) from a hash of {@code key}, the seed and a stream number. */
  private static Column uniform(Column key, long seed, int stream) {
    return pmod(xxhash64(key, lit(seed), lit(stream)), lit(1L << 31)).divide((double) (1L << 31));
  }

  private static Column[] levels() {
    Column[] c = new Column[LEVELS.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = lit(LEVELS[i]);
    }
    return c;
  }

  /** A fault on the generator's grid: station, metric index (-1 for all), hour indices [from, to), value set. */
  private record Planted(String kind, int station, int metric, int from, int to, double value) {
    Fault fault(long firstHour) {
      return new Fault(kind, sensorId(station), metric < 0 ? null : METRICS[metric], firstHour + from,
          firstHour + to);
    }
  }

  /** The faults of a seed, on distinct stations: 2 outages, 2 stuck metrics, 3 spikes, 1 clock skew. */
  private static List<Planted> plan(int stations, int hours, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] chosen = rnd.ints(0, stations).distinct().limit(8).toArray();
    List<Planted> plan = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int length = 24 * (3 + rnd.nextInt(8));
      int start = 24 + rnd.nextInt(Math.max(1, hours - length - 48));
      plan.add(new Planted("outage", chosen[i], -1, start, start + length, Double.NaN));
    }
    for (int i = 2; i < 4; i++) {
      int metric = rnd.nextInt(METRICS.length);
      int length = 24 + rnd.nextInt(49);
      int start = 24 + rnd.nextInt(hours - length - 48);
      double stuck = metric == 4 ? Math.round(LEVELS[metric] * 11) / 10.0 : Math.round(LEVELS[metric] * 1.1);
      plan.add(new Planted("stuck", chosen[i], metric, start, start + length, stuck));
    }
    for (int i = 4; i < 7; i++) {
      int metric = rnd.nextInt(METRICS.length);
      int at = 24 + rnd.nextInt(hours - 48);
      plan.add(new Planted("spike", chosen[i], metric, at, at + 1,
          Math.round(LEVELS[metric] * SPIKE_FACTOR * 10) / 10.0));
    }
    int skewFrom = 24 * (3 + rnd.nextInt(Math.max(1, hours / 24 - 10)));
    plan.add(new Planted("clock_skew", chosen[7], -1, skewFrom, hours, Double.NaN));
    return plan;
  }

  /** Applies the planted faults and turns indices into the columns of silver.sensor_readings. */
  private static Dataset<Row> plant(Dataset<Row> df, List<Planted> plan, long firstHour) {
    Column keep = lit(true);
    Column value = col(VALUE);
    Column stamp = col(HOUR_INDEX);
    for (Planted p : plan) {
      Column station = col(STATION).equalTo(p.station());
      Column during = col(HOUR_INDEX).geq(p.from()).and(col(HOUR_INDEX).lt(p.to()));
      switch (p.kind()) {
        case "outage":
          keep = keep.and(not(station.and(during)));
          break;
        case "clock_skew":
          stamp = when(station.and(during), col(HOUR_INDEX).minus(OFFSET_HOURS)).otherwise(stamp);
          // the first 8 shifted stamps fall on hours already stamped: ingestion keeps the first value received
          keep = keep.and(not(station.and(during).and(col(HOUR_INDEX).lt(p.from() + OFFSET_HOURS))));
          break;
        default:
          value = when(station.and(col(METRIC_INDEX).equalTo(p.metric())).and(during), lit(p.value()))
              .otherwise(value);
      }
    }
    Column stampDay = floor(col(STAMP_INDEX).divide(24)).cast("int");
    return df.withColumn(VALUE, value).filter(keep)
        .withColumn(STAMP_INDEX, stamp)
        .select(
            sensorIdColumn().as(SENSOR_ID),
            regionColumn().as(REGION_CODE),
            element_at(array(metricNames()), col(METRIC_INDEX).plus(1)).as(METRIC),
            timestamp_seconds(lit(firstHour * 3600).plus(col(STAMP_INDEX).multiply(3600L))).as(TS_UTC),
            date_add(lit(Date.valueOf(FIRST_DAY)), stampDay).as(LOCAL_DATE),
            col(VALUE),
            when(col(METRIC_INDEX).equalTo(4), lit("mg/m³")).otherwise(lit("µg/m³")).as(UNIT),
            lit("bench").as(SOURCE_FILE),
            col(ID).as(LINE_NO),
            lit(0L).as(BATCH_ID),
            current_timestamp().as(INGESTED_AT));
  }

  private static Column[] metricNames() {
    Column[] c = new Column[METRICS.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = lit(METRICS[i]);
    }
    return c;
  }

  private static Column sensorIdColumn() {
    return format_string("S%05d", col(STATION));
  }

  private static Column regionColumn() {
    return format_string(CITY + "%02d", pmod(col(STATION), lit(DISTRICTS)).plus(1));
  }

  static String sensorId(int station) {
    return String.format("S%05d", station);
  }

  private static List<Row> regions() {
    List<Row> rows = new ArrayList<>();
    rows.add(region(CITY, null, "city"));
    for (int d = 1; d <= DISTRICTS; d++) {
      rows.add(region(String.format(CITY + "%02d", d), CITY, "district"));
    }
    return rows;
  }

  private static Row region(String code, String parent, String level) {
    return RowFactory.create(code, "基准" + code, "Bench " + code, parent, level, null, null, null, null, null,
        CollectionConverters.asScala(List.<String>of()).toSeq());
  }

  private static List<Row> sensors(int stations) {
    List<Row> rows = new ArrayList<>();
    for (int s = 0; s < stations; s++) {
      rows.add(RowFactory.create(sensorId(s), "站点" + s, "Station " + s, String.format(CITY + "%02d", s % DISTRICTS + 1),
          "air_quality", CollectionConverters.asScala(List.of(METRICS)).toSeq(), "+08:00", null, null,
          Date.valueOf(FIRST_DAY.minusYears(1))));
    }
    return rows;
  }
}
