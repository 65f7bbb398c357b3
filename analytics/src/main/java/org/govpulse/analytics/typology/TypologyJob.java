package org.govpulse.analytics.typology;

import static org.govpulse.core.table.Col.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;

/**
 * Writes gold.region_tiers from silver.regions. The regions table is reference data of a few dozen to a few
 * thousand rows, so the classification runs on the driver where every step of the method can be read in
 * {@link RegionTypology}.
 */
public final class TypologyJob {
  private final Warehouse warehouse;

  public TypologyJob(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** The tiers assigned. */
  public List<TierAssignment> execute() {
    warehouse.spark().sparkContext().setJobDescription("govpulse analyze: region typology");
    List<RegionAttributes> attributes = new ArrayList<>();
    for (Row r : warehouse.read(IngestTables.REGIONS).collectAsList()) {
      if ("city".equals(r.getAs(LEVEL)) || r.isNullAt(r.fieldIndex(POPULATION))
          || r.isNullAt(r.fieldIndex(GDP_PER_CAPITA)) || r.isNullAt(r.fieldIndex(URBANISATION_RATE))) {
        continue;
      }
      Double endowment = r.getAs(RESOURCE_ENDOWMENT);
      attributes.add(new RegionAttributes(r.getAs(REGION_CODE), r.<Double>getAs(POPULATION),
          r.<Double>getAs(GDP_PER_CAPITA), r.<Double>getAs(URBANISATION_RATE), endowment == null ? 0.5 : endowment));
    }
    attributes.sort(java.util.Comparator.comparing(RegionAttributes::regionCode));
    List<TierAssignment> tiers = new RegionTypology(3).classify(attributes);
    List<Row> rows = tiers.stream().map(t -> RowFactory.create(t.regionCode(), t.tier(), t.developmentIndex(),
        t.attributeScores(), t.rank(), t.peers(), RegionTypology.METHOD)).toList();
    warehouse.overwrite(warehouse.spark().createDataFrame(rows, GoldTables.REGION_TIERS.schema()),
        GoldTables.REGION_TIERS);
    return tiers;
  }
}
