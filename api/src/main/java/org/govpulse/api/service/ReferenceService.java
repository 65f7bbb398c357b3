package org.govpulse.api.service;

import static org.govpulse.core.table.Col.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.govpulse.api.delta.Record;
import org.govpulse.api.snapshot.Derived;
import org.govpulse.api.snapshot.SnapshotStore;
import org.govpulse.api.snapshot.WarehouseSnapshot;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;

/** The indicator catalogue, the departments, and the regions with their tiers. */
public final class ReferenceService {
  /** Indicators by code, in code order. */
  public static final Derived<Map<String, Record>> INDICATORS = Derived.of("indicators",
      s -> byKey(s.rows(IngestTables.INDICATORS), INDICATOR_CODE), IngestTables.INDICATORS);
  /** Departments by code. */
  public static final Derived<Map<String, Record>> DEPARTMENTS = Derived.of("departments",
      s -> byKey(s.rows(IngestTables.DEPARTMENTS), DEPT_CODE), IngestTables.DEPARTMENTS);
  /** Regions by code, each with its tier (or null), in code order. */
  public static final Derived<Map<String, Map<String, Object>>> REGIONS = Derived.of("regions",
      ReferenceService::regions, IngestTables.REGIONS, GoldTables.REGION_TIERS);

  private final SnapshotStore store;

  public ReferenceService(SnapshotStore store) {
    this.store = store;
  }

  /** The catalogue, optionally only one category or department. */
  public Map<String, Object> indicators(String category, String department) {
    List<Record> out = store.current().get(INDICATORS).values().stream()
        .filter(r -> category == null || category.equals(r.str(CATEGORY)))
        .filter(r -> department == null || department.equals(r.str(DEPT_CODE)))
        .toList();
    return Envelope.of(out, "version", store.current().version(IngestTables.INDICATORS));
  }

  public Record indicator(String code) {
    return Lookup.found(indicatorOf(store.current(), code), "Indicator " + code, "silver.indicators",
        "GET /api/v1/indicators");
  }

  /** An indicator of a snapshot, if it exists. */
  public static Optional<Record> indicatorOf(WarehouseSnapshot s, String code) {
    return Optional.ofNullable(s.get(INDICATORS).get(code));
  }

  public Map<String, Object> departments() {
    return Envelope.of(List.copyOf(store.current().get(DEPARTMENTS).values()));
  }

  /** Regions with tiers, optionally only one tier or level. */
  public Map<String, Object> regions(String tier, String level) {
    List<Map<String, Object>> out = store.current().get(REGIONS).values().stream()
        .filter(r -> tier == null || tierOf(r).filter(tier::equals).isPresent())
        .filter(r -> level == null || level.equals(r.get(LEVEL)))
        .toList();
    return Envelope.of(out);
  }

  public Map<String, Object> region(String code) {
    return Lookup.found(Optional.ofNullable(store.current().get(REGIONS).get(code)), "Region " + code,
        "silver.regions", "GET /api/v1/regions");
  }

  /** True when the region exists in the snapshot. */
  public static boolean regionExists(WarehouseSnapshot s, String code) {
    return s.get(REGIONS).containsKey(code);
  }

  @SuppressWarnings("unchecked")
  private static Optional<String> tierOf(Map<String, Object> region) {
    Object t = region.get("tier");
    return t == null ? Optional.empty() : Optional.ofNullable((String) ((Map<String, Object>) t).get(TIER));
  }

  private static Map<String, Record> byKey(List<Record> rows, String key) {
    Map<String, Record> m = new LinkedHashMap<>();
    rows.stream().sorted(Comparator.comparing(r -> r.str(key))).forEach(r -> m.put(r.str(key), r));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Map<String, Map<String, Object>> regions(WarehouseSnapshot s) {
    Map<String, Record> tiers = byKey(s.rows(GoldTables.REGION_TIERS), REGION_CODE);
    List<Record> regions = new ArrayList<>(s.rows(IngestTables.REGIONS));
    regions.sort(Comparator.comparing(r -> r.str(REGION_CODE)));
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Record r : regions) {
      Map<String, Object> m = r.toMap();
      Record t = tiers.get(r.str(REGION_CODE));
      m.put("tier", t == null ? null : t.toMap(TIER, DEVELOPMENT_INDEX, RANK, ATTRIBUTE_SCORES, PEERS, METHOD));
      out.put(r.str(REGION_CODE), java.util.Collections.unmodifiableMap(m));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** The names of a region, for feeds and exports ("" when unknown). */
  public static String regionName(WarehouseSnapshot s, String code, boolean chinese) {
    Map<String, Object> r = s.get(REGIONS).get(code);
    return r == null ? Objects.toString(code, "") : (String) r.get(chinese ? NAME_ZH : NAME_EN);
  }
}
