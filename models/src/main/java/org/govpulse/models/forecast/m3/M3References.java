package org.govpulse.models.forecast.m3;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.govpulse.models.forecast.metric.ErrorMeasures;

/**
 * Published M3 results to compare with: sMAPE per category from
 * {@code m3_smape_recomputed_from_original_forecasts.csv}, and MASE per category computed here from the submitted
 * forecasts in {@code m3_original_forecasts_24methods.csv} with the benchmark's own MASE definition, on the same
 * series as the benchmark run.
 */
final class M3References {
  static final List<String> CATEGORIES = List.of("YEARLY", "QUARTERLY", "MONTHLY", "OTHER", "ALL");

  /** method to category to published sMAPE. */
  final Map<String, Map<String, Double>> publishedSmape = new LinkedHashMap<>();
  /** method to category to score (sMAPE and MASE) on the benchmark's series. */
  final Map<String, Map<String, CategoryScore>> onSeries = new LinkedHashMap<>();

  static M3References read(Path dir, List<M3Series> series, Set<String> methods) {
    M3References r = new M3References();
    for (String[] row : M3Data.rows(dir.resolve(M3Data.PUBLISHED_SMAPE))) {
      if (methods.contains(row[0])) {
        Map<String, Double> byCategory = new LinkedHashMap<>();
        for (int k = 0; k < CATEGORIES.size(); k++) {
          String v = row[2 + 2 * k];
          byCategory.put(CATEGORIES.get(k), v.isEmpty() ? Double.NaN : Double.parseDouble(v));
        }
        r.publishedSmape.put(row[0], byCategory);
      }
    }
    Map<String, M3Series> byId = new HashMap<>();
    series.forEach(s -> byId.put(s.id(), s));
    for (String[] row : M3Data.rows(dir.resolve(M3Data.ORIGINAL_FORECASTS))) {
      M3Series s = byId.get(row[1]);
      if (!methods.contains(row[0]) || s == null) {
        continue;
      }
      double[] f = new double[s.horizon()];
      for (int i = 0; i < f.length; i++) {
        f[i] = Double.parseDouble(row[2 + i]);
      }
      double[] train = s.train().values();
      double smape = ErrorMeasures.smape(s.test(), f);
      double mase = ErrorMeasures.mase(s.test(), f, ErrorMeasures.maseScale(train, s.train().seasonalPeriod()));
      Map<String, CategoryScore> scores = r.onSeries.computeIfAbsent(row[0], k -> new LinkedHashMap<>());
      scores.computeIfAbsent(s.category(), k -> new CategoryScore()).add(smape, mase);
      scores.computeIfAbsent("ALL", k -> new CategoryScore()).add(smape, mase);
    }
    return r;
  }
}
