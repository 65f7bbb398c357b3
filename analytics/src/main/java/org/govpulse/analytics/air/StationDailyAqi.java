package org.govpulse.analytics.air;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.govpulse.core.table.Col.KIND;
import static org.govpulse.core.table.Col.LOCAL_DATE;
import static org.govpulse.core.table.Col.METRIC;
import static org.govpulse.core.table.Col.METRICS;
import static org.govpulse.core.table.Col.REGION_CODE;
import static org.govpulse.core.table.Col.SENSOR_ID;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.govpulse.analytics.sensors.HourlyProfiles;
import org.govpulse.analytics.sensors.SparkValues;
import org.govpulse.core.table.GoldTables;

/**
 * gold.aqi_station_daily from the hourly profiles: the profiles of one station and day are gathered into one row
 * (a few hundred thousand rows for ten million readings) and {@link StationDay} computes statistics, validity and
 * AQI in plain Java.
 *
 * <p>Only registered air-quality stations count (kind {@value #AIR_QUALITY}), and of each station only the metrics
 * the registry lists, so that a micro-sensor on a traffic light does not enter the official index.
 */
public final class StationDailyAqi {
  /** Registry kind of the monitoring stations the AQI is computed for. */
  public static final String AIR_QUALITY = "air_quality";
  /** The sensor metrics the AQI is computed from. */
  public static final List<String> AQI_METRICS = List.of("pm25", "pm10", "so2", "no2", "co", "o3");

  private static final String PROFILES = "profiles";

  private StationDailyAqi() {}

  /**
   * The station days of a set of hourly profiles, in the schema of gold.aqi_station_daily.
   *
   * @param hourlyProfiles output of {@link HourlyProfiles#of}
   * @param sensors silver.sensors
   */
  public static Dataset<Row> compute(Dataset<Row> hourlyProfiles, Dataset<Row> sensors) {
    Dataset<Row> stations = airStations(sensors).select(col(SENSOR_ID), col(METRICS));
    return hourlyProfiles.filter(col(METRIC).isin(AQI_METRICS.toArray()))
        .join(broadcast(stations), SENSOR_ID)
        .filter(array_contains(col(METRICS), col(METRIC)))
        .groupBy(col(SENSOR_ID), col(REGION_CODE), col(LOCAL_DATE))
        .agg(first(col(METRICS)).as(METRICS), collect_list(struct(col(METRIC), col(HourlyProfiles.HOURLY))).as(PROFILES))
        .map((MapFunction<Row, Row>) StationDailyAqi::toRow, Encoders.row(GoldTables.AQI_STATION_DAILY.schema()));
  }

  /** Registered air-quality stations with {@code metrics} narrowed to the AQI metrics; stations without any dropped. */
  public static Dataset<Row> airStations(Dataset<Row> sensors) {
    Column aqiMetrics = array(AQI_METRICS.stream().map(m -> lit(m)).toArray(Column[]::new));
    return sensors.filter(col(KIND).equalTo(lit(AIR_QUALITY)))
        .withColumn(METRICS, array_intersect(col(METRICS), aqiMetrics))
        .filter(size(col(METRICS)).gt(0));
  }

  private static Row toRow(Row in) {
    List<String> measured = in.getList(in.fieldIndex(METRICS));
    Map<String, double[]> hourly = new HashMap<>();
    for (Row p : in.<Row>getList(in.fieldIndex(PROFILES))) {
      hourly.put(p.getString(0), SparkValues.doubles(p, 1));
    }
    StationDay day = StationDay.of(hourly, measured);
    AqiResult aqi = day.aqi();
    return RowFactory.create(
        in.getString(in.fieldIndex(SENSOR_ID)),
        in.getString(in.fieldIndex(REGION_CODE)),
        in.get(in.fieldIndex(LOCAL_DATE)),
        aqi == null ? null : aqi.aqi(),
        aqi == null ? null : aqi.level().level(),
        aqi == null ? null : aqi.primaryCodes(),
        aqi != null && aqi.goodDay(),
        SparkValues.map(day.iaqi()),
        SparkValues.map(day.concentrations()),
        SparkValues.map(day.hours()),
        day.valid(),
        day.invalidReason());
  }
}
