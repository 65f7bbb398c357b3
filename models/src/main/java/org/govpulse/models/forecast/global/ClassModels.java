package org.govpulse.models.forecast.global;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.govpulse.models.forecast.SeriesClass;

/**
 * The global models of one frequency class: the one trained on the full histories, which forecasts, and those
 * trained on histories cut 1, 2, ... horizons early, which the backtests use (see {@link BacktestGlobal}).
 *
 * @param finalModel trained on the full histories
 * @param cuts element {@code k - 1} trained on histories cut {@code k} horizons early (null where there was too
 *     little data)
 * @param version what to record with forecasts that use them: the registry version, or the model's own version
 */
public record ClassModels(GlobalModel finalModel, List<GlobalModel> cuts, String version) {
  public ClassModels {
    cuts = Collections.unmodifiableList(new ArrayList<>(cuts));
  }

  /** How many cut models a class with this horizon needs for backtests with {@code extraOrigins}. */
  public static int cutsNeeded(int horizon, int extraOrigins) {
    return (2 * horizon + extraOrigins + horizon - 1) / horizon;
  }

  /** Registry key of the cut-{@code k} companion model. */
  public static String cutKey(int k) {
    return "cut-" + k;
  }

  /** Registry name of a class's global forecaster, e.g. global_forecaster_m12_h12. */
  public static String registryName(SeriesClass c) {
    return "global_forecaster_m" + c.seasonalPeriod() + "_h" + c.horizon();
  }
}
