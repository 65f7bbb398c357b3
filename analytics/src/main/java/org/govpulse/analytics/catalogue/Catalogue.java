package org.govpulse.analytics.catalogue;

import static org.govpulse.core.table.Col.*;

import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.time.Frequency;

/** The indicator catalogue (silver.indicators) in memory: a few dozen rows, read once per job. */
public final class Catalogue implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Map<String, Indicator> indicators;

  public Catalogue(Collection<Indicator> indicators) {
    Map<String, Indicator> m = new LinkedHashMap<>();
    indicators.forEach(i -> m.put(i.code(), i));
    this.indicators = Map.copyOf(m);
  }

  /** Reads silver.indicators. */
  public static Catalogue read(Warehouse warehouse) {
    java.util.List<Indicator> list = new java.util.ArrayList<>();
    for (Row r : warehouse.read(IngestTables.INDICATORS).collectAsList()) {
      list.add(new Indicator(r.getAs(INDICATOR_CODE), r.getAs(NAME_ZH), r.getAs(NAME_EN), r.getAs(DEPT_CODE),
          r.getAs(UNIT), "higher_better".equals(r.getAs(POLARITY)),
          Frequency.parse(r.getAs(FREQUENCY)).orElseThrow(), r.getAs(CATEGORY),
          Aggregation.parse(r.getAs(AGGREGATION)), r.<Double>getAs(WEIGHT), r.getAs(SOURCE),
          r.getAs(EVIDENCE_INDICATOR)));
    }
    if (list.isEmpty()) {
      throw Errors.invalidInput("The indicator catalogue is empty", "silver.indicators has no rows",
          "Land reference/indicators.csv and run `./govpulse ingest`");
    }
    return new Catalogue(list);
  }

  public Optional<Indicator> find(String code) {
    return Optional.ofNullable(indicators.get(code));
  }

  public Indicator get(String code) {
    return find(code).orElseThrow(() -> Errors.notFound("Indicator " + code + " is not in the catalogue",
        "silver.indicators has no such code", "Check the code against `GET /api/v1/indicators`"));
  }

  public Collection<Indicator> all() {
    return indicators.values();
  }
}
