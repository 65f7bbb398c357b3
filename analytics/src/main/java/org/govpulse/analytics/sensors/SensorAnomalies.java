package org.govpulse.analytics.sensors;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.govpulse.core.table.Col.INSTALLED_ON;
import static org.govpulse.core.table.Col.LOCAL_DATE;
import static org.govpulse.core.table.Col.METRIC;
import static org.govpulse.core.table.Col.REGION_CODE;
import static org.govpulse.core.table.Col.SENSOR_ID;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.govpulse.core.table.GoldTables;

/**
 * gold.sensor_anomalies from the readings: the hourly profiles of every sensor, joined with the hourly sums of its
 * city's stations for the same metric and day, are grouped per sensor and handed to {@link SensorAnomalyScan}.
 *
 * <p>The reference group of a sensor is the parent of its region (the city of a district), or the region itself
 * when it has none. The only shuffles are the profile aggregation (partial, map-side) and the grouping of a few
 * hundred thousand profile rows by sensor; nothing is collected to the driver.
 */
public final class SensorAnomalies {
  private static final String GROUP = "reference_group";
  private static final String EPOCH_DAY = "epoch_day";
  private static final String REFERENCE_SUM = "reference_sum";
  private static final String REFERENCE_COUNT = "reference_count";
  private static final String INSTALLED_DAY = "installed_day";
  private static final String FIRST_HOUR = "first_hour";
  private static final String LAST_HOUR = "last_hour";
  private static final int HOURS = HourlyProfiles.HOURS;

  private SensorAnomalies() {}

  /**
   * Every anomaly of every sensor, in the schema of gold.sensor_anomalies.
   *
   * @param readings silver.sensor_readings
   * @param sensors silver.sensors
   * @param regions silver.regions (may be empty)
   */
  public static Dataset<Row> detect(Dataset<Row> readings, Dataset<Row> sensors, Dataset<Row> regions) {
    Dataset<Row> profiles = HourlyProfiles.of(readings, sensors)
        .join(broadcast(RegionHierarchy.parents(regions)), REGION_CODE, "left")
        .withColumn(GROUP, coalesce(col(RegionHierarchy.MEMBER_OF), col(REGION_CODE)))
        .withColumn(EPOCH_DAY, unix_date(col(LOCAL_DATE)));
    Column[] sums = new Column[HOURS];
    Column[] counts = new Column[HOURS];
    for (int h = 0; h < HOURS; h++) {
      Column v = element_at(col(HourlyProfiles.HOURLY), h + 1);
      sums[h] = coalesce(sum(v), lit(0.0));
      counts[h] = count(v);
    }
    Dataset<Row> reference = profiles.groupBy(col(GROUP), col(EPOCH_DAY), col(METRIC))
        .agg(array(sums).as(REFERENCE_SUM), array(counts).as(REFERENCE_COUNT));
    Dataset<Row> extent = profiles.agg(
        floor(min(unix_seconds(col(HourlyProfiles.FIRST_TS))).divide(3600)).as(FIRST_HOUR),
        floor(max(unix_seconds(col(HourlyProfiles.LAST_TS))).divide(3600)).as(LAST_HOUR));
    Dataset<Row> installed = sensors.select(col(SENSOR_ID), unix_date(col(INSTALLED_ON)).as(INSTALLED_DAY));
    return profiles.join(reference, new String[] {GROUP, EPOCH_DAY, METRIC})
        .join(broadcast(installed), new String[] {SENSOR_ID}, "left")
        .crossJoin(broadcast(extent))
        .select(col(SENSOR_ID), col(REGION_CODE), col(METRIC), col(EPOCH_DAY), col(HourlyProfiles.OFFSET_SECONDS),
            col(HourlyProfiles.HOURLY), col(REFERENCE_SUM), col(REFERENCE_COUNT), col(INSTALLED_DAY),
            col(FIRST_HOUR), col(LAST_HOUR))
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) SensorAnomalies::scan,
            Encoders.row(GoldTables.SENSOR_ANOMALIES.schema()));
  }

  /** The anomalies of one sensor; fields by position, in the order of the select in {@link #detect}. */
  private static Iterator<Row> scan(String sensorId, Iterator<Row> rows) {
    List<SensorAnomalyScan.SensorDay> days = new ArrayList<>();
    Row any = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      any = r;
      List<Long> countList = r.getList(7);
      long[] counts = new long[HOURS];
      for (int h = 0; h < HOURS; h++) {
        counts[h] = countList.get(h);
      }
      days.add(new SensorAnomalyScan.SensorDay(r.getString(2), r.getInt(3), SparkValues.doubles(r, 5),
          SparkValues.doubles(r, 6), counts));
    }
    if (any == null) {
      return Collections.emptyIterator();
    }
    SensorAnomalyScan.Span span = new SensorAnomalyScan.Span(any.getInt(4), any.isNullAt(8) ? null : any.getInt(8),
        any.getLong(9), any.getLong(10));
    String region = any.getString(1);
    List<Row> out = new ArrayList<>();
    for (Anomaly a : SensorAnomalyScan.scan(days, span)) {
      out.add(RowFactory.create(sensorId, region, a.metric(), a.kind().code(),
          new Timestamp(a.startHour() * 3_600_000L), new Timestamp(a.endHour() * 3_600_000L), a.severity().code(),
          a.statistic(), a.detail()));
    }
    return out.iterator();
  }
}
