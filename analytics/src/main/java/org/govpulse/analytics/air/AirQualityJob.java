package org.govpulse.analytics.air;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.govpulse.core.table.Col.METRIC;
import static org.govpulse.core.table.Col.VALID;

import java.time.Duration;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.govpulse.analytics.sensors.HourlyProfiles;
import org.govpulse.analytics.sensors.RegionHierarchy;
import org.govpulse.core.cli.JobMain;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;

/**
 * Computes the air quality tables from the hourly sensor readings: gold.aqi_station_daily, then
 * gold.aqi_region_daily from it, then gold.air_quality_monthly from both.
 *
 * <p>Every run recomputes the three tables and replaces them with {@link Warehouse#overwrite}, one Delta commit each.
 * A full recompute is the right trade here: late readings and revised registry entries (a station moved to another
 * district, a corrected UTC offset) change past days and months, which an incremental MERGE would have to track per
 * station and day; recomputing ten million readings takes seconds, and readers never see a half-written table. Each
 * stage reads the table the previous stage wrote, so no Spark cache is needed and every step is a pure transform.
 */
public final class AirQualityJob {
  private final Warehouse warehouse;

  public AirQualityJob(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Recomputes and replaces the three air quality tables. */
  public AirQualityResult execute() {
    Instant started = Instant.now();
    Dataset<Row> sensors = warehouse.read(IngestTables.SENSORS);
    Dataset<Row> regions = warehouse.readOrEmpty(IngestTables.REGIONS);
    Dataset<Row> readings = warehouse.read(IngestTables.SENSOR_READINGS)
        .filter(col(METRIC).isin(StationDailyAqi.AQI_METRICS.toArray()));

    describe("air quality: station daily AQI (HJ 633-2012)");
    warehouse.overwrite(StationDailyAqi.compute(HourlyProfiles.of(readings, sensors), sensors),
        GoldTables.AQI_STATION_DAILY);
    Dataset<Row> stationDaily = warehouse.read(GoldTables.AQI_STATION_DAILY);
    Dataset<Row> memberships = RegionHierarchy.memberships(regions, sensors);

    describe("air quality: region daily AQI");
    warehouse.overwrite(RegionDailyAqi.compute(stationDaily, memberships), GoldTables.AQI_REGION_DAILY);
    Dataset<Row> regionDaily = warehouse.read(GoldTables.AQI_REGION_DAILY);

    describe("air quality: monthly good-day ratio and availability");
    warehouse.overwrite(MonthlyAirQuality.compute(regionDaily, stationDaily, memberships, sensors),
        GoldTables.AIR_QUALITY_MONTHLY);

    describe("air quality: row counts");
    Row stations = stationDaily.agg(count(lit(1)), coalesce(sum(when(col(VALID), lit(1L))), lit(0L))).first();
    long stationDays = stations.getLong(0);
    long validStationDays = stations.getLong(1);
    long regionDays = regionDaily.count();
    long regionMonths = warehouse.read(GoldTables.AIR_QUALITY_MONTHLY).count();
    describe(null);
    double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
    return new AirQualityResult(stationDays, validStationDays, regionDays, regionMonths, seconds);
  }

  private void describe(String what) {
    warehouse.spark().sparkContext().setJobDescription(what);
  }

  /** Entry point for spark-submit: {@code --class org.govpulse.analytics.air.AirQualityJob}. */
  public static void main(String[] argv) {
    JobMain.main("air-quality", "Compute the daily AQI per station and region and the monthly air quality per region.", argv,
        (c, spark) -> new AirQualityJob(new Warehouse(spark, c.warehouse())).execute());
  }
}
