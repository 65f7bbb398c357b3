package org.govpulse.analytics.air;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_values;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.govpulse.core.table.Col.AQI;
import static org.govpulse.core.table.Col.AVAILABILITY;
import static org.govpulse.core.table.Col.CONCENTRATIONS;
import static org.govpulse.core.table.Col.DATE;
import static org.govpulse.core.table.Col.GOOD_DAY;
import static org.govpulse.core.table.Col.GOOD_DAYS;
import static org.govpulse.core.table.Col.GOOD_DAY_RATIO;
import static org.govpulse.core.table.Col.HOURS;
import static org.govpulse.core.table.Col.INSTALLED_ON;
import static org.govpulse.core.table.Col.METRICS;
import static org.govpulse.core.table.Col.PERIOD;
import static org.govpulse.core.table.Col.PM25_MEAN;
import static org.govpulse.core.table.Col.REGION_CODE;
import static org.govpulse.core.table.Col.SENSOR_ID;
import static org.govpulse.core.table.Col.STATIONS;
import static org.govpulse.core.table.Col.VALID_DAYS;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.govpulse.analytics.sensors.RegionHierarchy;

/**
 * gold.air_quality_monthly: per region and month, the good days (region AQI <= 100) among the days with a valid
 * region AQI, their share in percent, the mean PM2.5 of the valid days, and the availability of the stations: the
 * hourly readings received for the AQI metrics of the region's stations over the readings expected.
 *
 * <p>There is a row for every region with stations and every month from the first to the last day of data, also
 * for a month in which every station of the region was silent (no valid day, availability 0). Readings are expected for every hour of every day from the later of the month's start, the first day of data in
 * the warehouse and the station's installation, to the earlier of the month's end and the last day of data; a month
 * still in progress therefore is not penalised for the days to come.
 */
public final class MonthlyAirQuality {
  private static final String MONTH_START = "month_start";
  private static final String MONTH_END = "month_end";
  private static final String DATA_START = "data_start";
  private static final String DATA_END = "data_end";
  private static final String METRIC_COUNT = "metric_count";
  private static final String FROM = "span_from";
  private static final String TO = "span_to";
  private static final String EXPECTED = "expected";
  private static final String RECEIVED = "received";
  private static final String PERIOD_FORMAT = "yyyy-MM";

  private MonthlyAirQuality() {}

  /**
   * Region months.
   *
   * @param regionDaily gold.aqi_region_daily
   * @param stationDaily gold.aqi_station_daily (for the hours received)
   * @param memberships {@link RegionHierarchy#memberships}
   * @param sensors silver.sensors (the stations expected to report)
   */
  public static Dataset<Row> compute(Dataset<Row> regionDaily, Dataset<Row> stationDaily, Dataset<Row> memberships,
      Dataset<Row> sensors) {
    Dataset<Row> months = stationDaily.agg(min(col(DATE)).as(DATA_START), max(col(DATE)).as(DATA_END))
        .select(explode(sequence(trunc(col(DATA_START), "month"), col(DATA_END), lit(java.time.Period.ofMonths(1))))
            .as(MONTH_START), col(DATA_START), col(DATA_END))
        .withColumn(MONTH_END, last_day(col(MONTH_START)))
        .withColumn(PERIOD, date_format(col(MONTH_START), PERIOD_FORMAT));
    String[] key = {REGION_CODE, PERIOD};
    return expected(months, memberships, sensors)
        .join(days(regionDaily), key, "left")
        .join(received(stationDaily, memberships), key, "left")
        .withColumn(VALID_DAYS, coalesce(col(VALID_DAYS), lit(0)))
        .withColumn(GOOD_DAYS, coalesce(col(GOOD_DAYS), lit(0)))
        .withColumn(GOOD_DAY_RATIO, when(col(VALID_DAYS).gt(0),
            col(GOOD_DAYS).multiply(100.0).divide(col(VALID_DAYS))))
        .withColumn(AVAILABILITY, when(col(EXPECTED).gt(0),
            least(coalesce(col(RECEIVED), lit(0L)).divide(col(EXPECTED)), lit(1.0))).otherwise(lit(0.0)));
  }

  /** Valid days, good days and mean PM2.5 per region and month. */
  private static Dataset<Row> days(Dataset<Row> regionDaily) {
    Column validDay = col(AQI).isNotNull();
    return regionDaily
        .groupBy(col(REGION_CODE), date_format(col(DATE), PERIOD_FORMAT).as(PERIOD))
        .agg(sum(when(validDay, lit(1)).otherwise(lit(0))).cast("int").as(VALID_DAYS),
            sum(when(validDay.and(col(GOOD_DAY)), lit(1)).otherwise(lit(0))).cast("int").as(GOOD_DAYS),
            avg(when(validDay, element_at(col(CONCENTRATIONS), lit(Pollutant.PM25.code())))).as(PM25_MEAN));
  }

  /** Stations and expected hourly readings per region and month of the data's extent. */
  private static Dataset<Row> expected(Dataset<Row> months, Dataset<Row> memberships, Dataset<Row> sensors) {
    Dataset<Row> stations = StationDailyAqi.airStations(sensors)
        .select(col(SENSOR_ID), col(REGION_CODE), col(INSTALLED_ON), size(col(METRICS)).as(METRIC_COUNT))
        .join(memberships, REGION_CODE)
        .drop(REGION_CODE)
        .withColumnRenamed(RegionHierarchy.MEMBER_OF, REGION_CODE);
    Column installed = col(INSTALLED_ON).isNull().or(col(INSTALLED_ON).leq(col(MONTH_END)));
    return stations.crossJoin(months)
        .withColumn(FROM, greatest(col(MONTH_START), col(DATA_START), coalesce(col(INSTALLED_ON), col(MONTH_START))))
        .withColumn(TO, least(col(MONTH_END), col(DATA_END)))
        .withColumn(EXPECTED, greatest(datediff(col(TO), col(FROM)).plus(1), lit(0)).cast("long")
            .multiply(24).multiply(col(METRIC_COUNT)))
        .groupBy(col(REGION_CODE), col(PERIOD))
        .agg(sum(col(EXPECTED)).as(EXPECTED), sum(when(installed, lit(1)).otherwise(lit(0))).cast("int").as(STATIONS));
  }

  private static Dataset<Row> received(Dataset<Row> stationDaily, Dataset<Row> memberships) {
    Column hours = aggregate(map_values(col(HOURS)), lit(0L), (acc, h) -> acc.plus(h));
    return stationDaily.join(memberships, REGION_CODE)
        .groupBy(col(RegionHierarchy.MEMBER_OF).as(REGION_CODE), date_format(col(DATE), PERIOD_FORMAT).as(PERIOD))
        .agg(sum(hours).as(RECEIVED));
  }
}
