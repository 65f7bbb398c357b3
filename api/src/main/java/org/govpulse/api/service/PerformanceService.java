package org.govpulse.api.service;

import static org.govpulse.core.table.Col.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.govpulse.api.delta.Record;
import org.govpulse.api.snapshot.SnapshotStore;
import org.govpulse.api.snapshot.WarehouseSnapshot;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.ForecastTables;
import org.govpulse.core.table.GoldTables;

/** The risk of missing targets, the composite scorecards with their contributions, and rankings per indicator. */
public final class PerformanceService {
  /** Scopes of the scorecard. */
  public static final List<String> SCOPES = List.of("region", "department");

  private final SnapshotStore store;

  public PerformanceService(SnapshotStore store) {
    this.store = store;
  }

  /** Target risks, most likely misses first. */
  public Map<String, Object> risk(String region, String indicator, String year, Double minProbability) {
    WarehouseSnapshot s = store.current();
    List<Record> out = s.rows(ForecastTables.TARGET_RISK).stream()
        .filter(r -> region == null || region.equals(r.str(REGION_CODE)))
        .filter(r -> indicator == null || indicator.equals(r.str(INDICATOR_CODE)))
        .filter(r -> year == null || year.equals(r.str(PERIOD)))
        .filter(r -> minProbability == null || r.dbl(PROBABILITY_MISS) >= minProbability)
        .sorted(Comparator.comparing((Record r) -> -r.dbl(PROBABILITY_MISS))
            .thenComparing(r -> r.str(REGION_CODE)).thenComparing(r -> r.str(INDICATOR_CODE)))
        .toList();
    return Envelope.of(out, "version", s.version(ForecastTables.TARGET_RISK));
  }

  /** A scorecard of one scope and year (default: the latest year), by rank. */
  public Map<String, Object> scorecard(String scope, String year, String tier) {
    WarehouseSnapshot s = store.current();
    String y = year != null ? year : latestYear(s, scope);
    List<Record> out = s.rows(GoldTables.SCORECARD).stream()
        .filter(r -> scope.equals(r.str(SCOPE)) && Objects.equals(y, r.str(PERIOD)))
        .filter(r -> tier == null || tier.equals(r.str(TIER)))
        .sorted(Comparator.comparing((Record r) -> r.integer(RANK)).thenComparing(r -> r.str(ENTITY_CODE)))
        .toList();
    return Envelope.of(out, SCOPE, scope, PERIOD, y, "tiers", tiers(out), "version", s.version(GoldTables.SCORECARD));
  }

  /** One entity's scores over the years and what each indicator contributed in one year. */
  public Map<String, Object> entity(String scope, String entity, String year) {
    WarehouseSnapshot s = store.current();
    List<Record> scores = s.rows(GoldTables.SCORECARD).stream()
        .filter(r -> scope.equals(r.str(SCOPE)) && entity.equals(r.str(ENTITY_CODE)))
        .sorted(Comparator.comparing(r -> r.str(PERIOD))).toList();
    if (scores.isEmpty()) {
      throw Lookup.notFound("Scorecard of " + scope + " " + entity, "gold.scorecard",
          "GET /api/v1/scorecards?scope=" + scope);
    }
    String y = year != null ? year : scores.get(scores.size() - 1).str(PERIOD);
    Record score = scores.stream().filter(r -> y.equals(r.str(PERIOD))).findFirst().orElseThrow(() ->
        Errors.notFound("No score of " + scope + " " + entity + " for " + y, "gold.scorecard has the years "
            + scores.stream().map(r -> r.str(PERIOD)).toList(), "Ask for one of those years"));
    List<Record> contributions = s.rows(GoldTables.SCORE_CONTRIBUTIONS).stream()
        .filter(r -> scope.equals(r.str(SCOPE)) && entity.equals(r.str(ENTITY_CODE)) && y.equals(r.str(PERIOD)))
        .sorted(Comparator.comparing((Record r) -> -r.dbl(CONTRIBUTION)).thenComparing(r -> r.str(INDICATOR_CODE)))
        .toList();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(SCOPE, scope);
    m.put(ENTITY_CODE, entity);
    m.put(PERIOD, y);
    m.put("score", score);
    m.put("history", scores);
    m.put("contributions", contributions);
    return m;
  }

  /** Entities ranked on one indicator's normalised annual value (100 = best), from the scorecard's inputs. */
  public Map<String, Object> ranking(String scope, String indicator, String year) {
    WarehouseSnapshot s = store.current();
    Lookup.found(ReferenceService.indicatorOf(s, indicator), "Indicator " + indicator, "silver.indicators",
        "GET /api/v1/indicators");
    String y = year != null ? year : s.rows(GoldTables.SCORE_CONTRIBUTIONS).stream()
        .filter(r -> scope.equals(r.str(SCOPE)) && indicator.equals(r.str(INDICATOR_CODE)))
        .map(r -> r.str(PERIOD)).max(String::compareTo).orElse(null);
    List<Record> rows = s.rows(GoldTables.SCORE_CONTRIBUTIONS).stream()
        .filter(r -> scope.equals(r.str(SCOPE)) && indicator.equals(r.str(INDICATOR_CODE))
            && Objects.equals(y, r.str(PERIOD)))
        .sorted(Comparator.comparing((Record r) -> -r.dbl(NORMALISED)).thenComparing(r -> r.str(ENTITY_CODE)))
        .toList();
    List<Map<String, Object>> out = new ArrayList<>();
    int rank = 0;
    double previous = Double.NaN;
    for (int i = 0; i < rows.size(); i++) {
      Record r = rows.get(i);
      if (r.dbl(NORMALISED) != previous) {
        rank = i + 1;
        previous = r.dbl(NORMALISED);
      }
      Map<String, Object> m = r.toMap(ENTITY_CODE, VALUE, NORMALISED);
      m.put(RANK, rank);
      out.add(m);
    }
    return Envelope.of(out, SCOPE, scope, INDICATOR_CODE, indicator, PERIOD, y);
  }

  private static String latestYear(WarehouseSnapshot s, String scope) {
    return s.rows(GoldTables.SCORECARD).stream().filter(r -> scope.equals(r.str(SCOPE)))
        .map(r -> r.str(PERIOD)).max(String::compareTo).orElse(null);
  }

  private static List<String> tiers(List<Record> rows) {
    return rows.stream().map(r -> r.str(TIER)).filter(Objects::nonNull).distinct().sorted().toList();
  }
}
