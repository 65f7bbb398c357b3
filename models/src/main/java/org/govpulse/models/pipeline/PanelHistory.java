package org.govpulse.models.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.govpulse.core.table.Col.*;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.analytics.catalogue.Indicator;
import org.govpulse.core.time.Frequency;
import org.govpulse.core.time.Period;

/**
 * Reads the panel's series at each indicator's own frequency into memory, for forecasting and target risk.
 *
 * <p>This is a deliberate collect to the driver: the input of forecasting is small — thousands of series of tens of
 * values (about 20,000 series of 70 values, some 20 MB, for the 64-district city) — and the forecasting engine
 * works across series (its global model learns from all series of a frequency at once).
 */
public final class PanelHistory {
  private PanelHistory() {}

  /** Every series of the panel at its indicator's native frequency. */
  public static Map<String, SeriesHistory> load(Dataset<Row> panel, Catalogue catalogue) {
    Map<String, SeriesHistory> out = new TreeMap<>();
    for (Row r : panel.select(col(REGION_CODE), col(INDICATOR_CODE), col(PERIOD), col(FREQUENCY), col(VALUE),
        col(DEFINITION_VERSION)).collectAsList()) {
      String indicatorCode = r.getString(1);
      Indicator indicator = catalogue.find(indicatorCode).orElse(null);
      Frequency frequency = Frequency.parse(r.getString(3)).orElseThrow();
      if (indicator == null || indicator.frequency() != frequency) {
        continue;
      }
      String id = SeriesHistory.id(r.getString(0), indicatorCode, frequency);
      out.computeIfAbsent(id, k -> new SeriesHistory(r.getString(0), indicatorCode, frequency))
          .add(Period.parseCanonical(r.getString(2)), r.getDouble(4), r.getInt(5));
    }
    return out;
  }
}
