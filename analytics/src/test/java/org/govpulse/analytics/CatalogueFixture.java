package org.govpulse.analytics;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.govpulse.core.table.IngestTables;

/** silver.indicators and silver.regions rows for tests of the panel and the targets. */
public final class CatalogueFixture {
  private CatalogueFixture() {}

  private static scala.collection.immutable.Seq<String> none() {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.<String>of()).toList();
  }

  /** One indicator: code, unit, polarity (higher_better or lower_better), frequency, aggregation. */
  public static Row indicator(String code, String unit, String polarity, String frequency, String aggregation) {
    return RowFactory.create(code, code, code, "DEPT", unit, polarity, frequency, "social", aggregation, 0.1,
        "report", none(), null, null, null);
  }

  public static Dataset<Row> indicators(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), IngestTables.INDICATORS.schema());
  }

  /** One region with its parent, level and population. */
  public static Row region(String code, String parent, String level, double population) {
    return RowFactory.create(code, code, code, parent, level, population, 80_000.0, 60.0, 100.0, 0.5, none());
  }

  public static Dataset<Row> regions(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), IngestTables.REGIONS.schema());
  }
}
