package org.govpulse.ingestion.reference;

import static org.govpulse.core.table.Col.*;

import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import org.apache.spark.sql.Row;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.TableContract;
import org.govpulse.core.time.Frequency;
import org.govpulse.ingestion.validate.ReferenceData;
import org.govpulse.ingestion.validate.Units;

/** Builds the in-memory {@link ReferenceData} from the silver reference tables (small: collected to the driver). */
public final class ReferenceReader {
  private ReferenceReader() {}

  /** Reference data from whatever reference tables exist. */
  public static ReferenceData read(Warehouse warehouse) {
    return build(table -> rows(warehouse, table));
  }

  /** Reference data from the rows of each reference table, however obtained. */
  public static ReferenceData build(java.util.function.Function<TableContract, List<Row>> rows) {
    ReferenceData ref = new ReferenceData();
    for (Row r : rows.apply(IngestTables.REGIONS)) {
      ref.addRegion(new ReferenceData.Region(r.getAs(REGION_CODE), r.getAs(NAME_ZH), r.getAs(NAME_EN),
          r.getAs(LEVEL)), strings(r, ALIASES));
    }
    for (Row r : rows.apply(IngestTables.DEPARTMENTS)) {
      ref.addDepartment(r.getAs(DEPT_CODE), r.getAs(NAME_ZH), r.getAs(NAME_EN));
    }
    for (Row r : rows.apply(IngestTables.INDICATORS)) {
      ref.addIndicator(new ReferenceData.Indicator(r.getAs(INDICATOR_CODE), r.getAs(DEPT_CODE),
              Units.find(r.getAs(UNIT)).orElseThrow(), Frequency.parse(r.getAs(FREQUENCY)).orElseThrow(),
              r.getAs(SOURCE), r.getAs(VALID_MIN), r.getAs(VALID_MAX)),
          r.getAs(NAME_ZH), r.getAs(NAME_EN), strings(r, ALIASES));
    }
    for (Row r : rows.apply(IngestTables.INDICATOR_DEFINITIONS)) {
      ref.addDefinition(r.getAs(INDICATOR_CODE), new ReferenceData.Definition(r.<Integer>getAs(DEFINITION_VERSION),
          r.<java.sql.Date>getAs(PERIOD_START).toLocalDate()));
    }
    for (Row r : rows.apply(IngestTables.SENSORS)) {
      ref.addSensor(new ReferenceData.Sensor(r.getAs(SENSOR_ID), r.getAs(REGION_CODE),
          new HashSet<>(strings(r, METRICS)), ZoneOffset.of(r.getAs(UTC_OFFSET))));
    }
    return ref;
  }

  /** An array column as a Java list, whether the row came from a table (Scala Seq) or from memory (List). */
  @SuppressWarnings("unchecked")
  static List<String> strings(Row r, String column) {
    Object v = r.get(r.fieldIndex(column));
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> list) {
      return (List<String>) list;
    }
    return r.getList(r.fieldIndex(column));
  }

  private static List<Row> rows(Warehouse warehouse, TableContract table) {
    return warehouse.exists(table) ? warehouse.read(table).collectAsList() : List.of();
  }
}
