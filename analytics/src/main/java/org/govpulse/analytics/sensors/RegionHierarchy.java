package org.govpulse.analytics.sensors;

import static org.apache.spark.sql.functions.col;
import static org.govpulse.core.table.Col.PARENT_CODE;
import static org.govpulse.core.table.Col.REGION_CODE;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which regions a station counts for. A station of a district counts for the district and for the city above it,
 * as Chinese city air quality is computed from every monitoring station of the city.
 */
public final class RegionHierarchy {
  /** The enclosing (or same) region a row counts for. */
  public static final String MEMBER_OF = "member_of";

  private static final String CHILD = "child";
  private static final String PARENT = "parent";

  private RegionHierarchy() {}

  /**
   * {@code region_code, member_of}: every region with itself, its parent and its grandparent (the city of a
   * district of a county-level city).
   *
   * @param regions silver.regions (may be empty: then every region stands alone)
   * @param regionCodes any rows with a region_code column, for regions the registry knows but silver.regions
   *     does not
   */
  public static Dataset<Row> memberships(Dataset<Row> regions, Dataset<Row> regionCodes) {
    Dataset<Row> self = regionCodes.select(col(REGION_CODE)).union(regions.select(col(REGION_CODE)))
        .select(col(REGION_CODE), col(REGION_CODE).as(MEMBER_OF));
    Dataset<Row> parent = parents(regions);
    Dataset<Row> grandparent = parent.as(CHILD)
        .join(parent.as(PARENT), col(CHILD + "." + MEMBER_OF).equalTo(col(PARENT + "." + REGION_CODE)))
        .select(col(CHILD + "." + REGION_CODE).as(REGION_CODE), col(PARENT + "." + MEMBER_OF).as(MEMBER_OF));
    return self.union(parent).union(grandparent).distinct();
  }

  /** {@code region_code, member_of}: each region with its direct parent, for regions that have one. */
  public static Dataset<Row> parents(Dataset<Row> regions) {
    return regions.filter(col(PARENT_CODE).isNotNull())
        .select(col(REGION_CODE), col(PARENT_CODE).as(MEMBER_OF));
  }
}
