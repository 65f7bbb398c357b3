package org.govpulse.core.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Small conveniences for the Java Dataset API: column arrays and Scala sequences of names for joins. */
public final class Columns {
  private Columns() {}

  /** Columns by name. */
  public static Column[] cols(String... names) {
    return Arrays.stream(names).map(functions::col).toArray(Column[]::new);
  }

  /** Columns by name. */
  public static Column[] cols(List<String> names) {
    return names.stream().map(functions::col).toArray(Column[]::new);
  }

  /** Join keys as the Scala sequence {@code Dataset.join(other, usingColumns, type)} wants. */
  public static scala.collection.immutable.Seq<String> seq(String... names) {
    return seq(List.of(names));
  }

  /** Join keys as a Scala sequence. */
  public static scala.collection.immutable.Seq<String> seq(List<String> names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(names).toList();
  }
}
