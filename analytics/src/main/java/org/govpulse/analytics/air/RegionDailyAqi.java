package org.govpulse.analytics.air;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.govpulse.core.table.Col.CONCENTRATIONS;
import static org.govpulse.core.table.Col.DATE;
import static org.govpulse.core.table.Col.REGION_CODE;
import static org.govpulse.core.table.Col.STATIONS;
import static org.govpulse.core.table.Col.VALID;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.govpulse.analytics.sensors.RegionHierarchy;
import org.govpulse.analytics.sensors.SparkValues;
import org.govpulse.core.table.GoldTables;

/**
 * gold.aqi_region_daily: for each region and day, the mean over the region's valid stations of each daily
 * statistic, rounded to reporting precision, then the AQI of those means. This is how the AQI of a Chinese city is
 * computed (HJ 663-2013: the city's concentration is the arithmetic mean of its stations'); a city counts the
 * stations of all its districts.
 */
public final class RegionDailyAqi {
  private static final String MEAN_PREFIX = "mean_";

  private RegionDailyAqi() {}

  /**
   * Region days from station days.
   *
   * @param stationDaily gold.aqi_station_daily
   * @param memberships {@link RegionHierarchy#memberships}
   */
  public static Dataset<Row> compute(Dataset<Row> stationDaily, Dataset<Row> memberships) {
    Pollutant[] items = Pollutant.values();
    Column[] aggs = new Column[items.length];
    for (int i = 0; i < items.length; i++) {
      aggs[i] = avg(when(col(VALID), element_at(col(CONCENTRATIONS), lit(items[i].code()))))
          .as(MEAN_PREFIX + items[i].code());
    }
    return stationDaily.join(memberships, REGION_CODE)
        .drop(REGION_CODE)
        .withColumnRenamed(RegionHierarchy.MEMBER_OF, REGION_CODE)
        .groupBy(col(REGION_CODE), col(DATE))
        .agg(sum(when(col(VALID), lit(1)).otherwise(lit(0))).cast("int").as(STATIONS), aggs)
        .map((MapFunction<Row, Row>) RegionDailyAqi::toRow, Encoders.row(GoldTables.AQI_REGION_DAILY.schema()));
  }

  private static Row toRow(Row in) {
    Map<Pollutant, Double> means = new EnumMap<>(Pollutant.class);
    for (Pollutant p : Pollutant.values()) {
      int f = in.fieldIndex(MEAN_PREFIX + p.code());
      if (!in.isNullAt(f)) {
        means.put(p, AqiCalculator.roundForReport(p, in.getDouble(f)));
      }
    }
    int stations = in.getInt(in.fieldIndex(STATIONS));
    AqiResult aqi = stations > 0 && !means.isEmpty() ? AqiCalculator.aqi(means) : null;
    Map<String, Double> concentrations = new LinkedHashMap<>();
    means.forEach((p, v) -> concentrations.put(p.code(), v));
    return RowFactory.create(
        in.getString(in.fieldIndex(REGION_CODE)),
        in.get(in.fieldIndex(DATE)),
        aqi == null ? null : aqi.aqi(),
        aqi == null ? null : aqi.level().level(),
        aqi == null ? null : aqi.primaryCodes(),
        aqi != null && aqi.goodDay(),
        stations,
        SparkValues.map(concentrations));
  }
}
