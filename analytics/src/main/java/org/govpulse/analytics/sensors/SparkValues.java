package org.govpulse.analytics.sensors;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/** Conversions between Spark rows and the plain arrays and maps the Java computations use. */
public final class SparkValues {
  private SparkValues() {}

  /** The array column {@code field} of a row as doubles, NaN for null elements. */
  public static double[] doubles(Row row, int field) {
    List<Object> list = row.getList(field);
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = list.get(i);
      out[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
    }
    return out;
  }

  /** A Java map as the Scala map a Spark row of MapType must hold. */
  public static <K, V> scala.collection.Map<K, V> map(Map<K, V> javaMap) {
    return CollectionConverters.asScala(javaMap);
  }
}
