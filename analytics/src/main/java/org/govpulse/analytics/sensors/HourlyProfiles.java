package org.govpulse.analytics.sensors;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;
import static org.govpulse.core.table.Col.LOCAL_DATE;
import static org.govpulse.core.table.Col.METRIC;
import static org.govpulse.core.table.Col.REGION_CODE;
import static org.govpulse.core.table.Col.SENSOR_ID;
import static org.govpulse.core.table.Col.TS_UTC;
import static org.govpulse.core.table.Col.UTC_OFFSET;
import static org.govpulse.core.table.Col.VALUE;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The readings of each sensor, metric and local day as one row holding the 24 hourly values: the one shape both the
 * AQI statistics and the anomaly detectors need. One aggregation, generated code and a map-side partial aggregate,
 * instead of sorting ten million readings into per-day groups in Java.
 *
 * <p>Output columns: {@code sensor_id, region_code, metric, local_date, offset_seconds, hourly, first_ts, last_ts},
 * where {@code hourly} is an array of 24 doubles, element {@code h} the mean of the readings stamped in the local
 * hour starting at h:00 (one reading per hour in practice), null when there is none. Local hours use the sensor's
 * UTC offset from the registry, the offset ingestion used for {@code local_date}.
 */
public final class HourlyProfiles {
  /** The sensor's UTC offset in seconds. */
  public static final String OFFSET_SECONDS = "offset_seconds";
  /** Earliest reading time of the row, UTC. */
  public static final String FIRST_TS = "first_ts";
  /** Latest reading time of the row, UTC. */
  public static final String LAST_TS = "last_ts";
  /** Array of the 24 hourly values of the local day. */
  public static final String HOURLY = "hourly";
  /** Offset assumed for a sensor missing from the registry: China Standard Time. */
  public static final int DEFAULT_OFFSET_SECONDS = 8 * 3600;
  /** Hours of a day. */
  public static final int HOURS = 24;

  private static final int SECONDS_PER_DAY = 86_400;
  private static final int SECONDS_PER_HOUR = 3_600;

  private HourlyProfiles() {}

  /**
   * The hourly profiles of the readings.
   *
   * @param readings rows with the columns of silver.sensor_readings (at least sensor, region, metric, times, value)
   * @param sensors silver.sensors (for the UTC offsets)
   */
  public static Dataset<Row> of(Dataset<Row> readings, Dataset<Row> sensors) {
    Column offset = coalesce(col(OFFSET_SECONDS), lit(DEFAULT_OFFSET_SECONDS));
    Column localHour = pmod(unix_seconds(col(TS_UTC)).plus(col(OFFSET_SECONDS)), lit(SECONDS_PER_DAY))
        .divide(SECONDS_PER_HOUR).cast("int");
    Column[] hours = new Column[HOURS];
    for (int h = 0; h < HOURS; h++) {
      hours[h] = avg(when(localHour.equalTo(h), col(VALUE)));
    }
    return readings.select(col(SENSOR_ID), col(REGION_CODE), col(METRIC), col(TS_UTC), col(LOCAL_DATE), col(VALUE))
        .join(broadcast(offsets(sensors)), SENSOR_ID, "left")
        .withColumn(OFFSET_SECONDS, offset)
        .groupBy(col(SENSOR_ID), col(REGION_CODE), col(METRIC), col(LOCAL_DATE), col(OFFSET_SECONDS))
        .agg(array(hours).as(HOURLY), min(col(TS_UTC)).as(FIRST_TS), max(col(TS_UTC)).as(LAST_TS));
  }

  /** {@code sensor_id, offset_seconds} from the registry's {@code utc_offset} (+08:00, -03:30 or Z). */
  public static Dataset<Row> offsets(Dataset<Row> sensors) {
    Column o = col(UTC_OFFSET);
    Column sign = when(o.startsWith("-"), lit(-1)).otherwise(lit(1));
    Column magnitude = substring(o, 2, 2).cast("int").multiply(SECONDS_PER_HOUR)
        .plus(substring(o, 5, 2).cast("int").multiply(60));
    Column seconds = when(o.equalTo("Z"), lit(0)).otherwise(sign.multiply(magnitude));
    return sensors.select(col(SENSOR_ID), seconds.cast("int").as(OFFSET_SECONDS));
  }
}
