package org.govpulse.models.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govpulse.models.forecast.SeriesClass;
import org.govpulse.models.forecast.TimeSeries;
import org.govpulse.models.forecast.global.ClassModels;
import org.govpulse.models.forecast.global.GlobalModel;
import org.govpulse.models.forecast.global.GlobalSource;
import org.govpulse.models.registry.ModelRegistry;
import org.govpulse.models.registry.RegisteredModel;
import org.tribuo.Model;

/**
 * The production global forecasters of the registry as the engine's {@link GlobalSource}: each class uses the
 * production version of {@code global_forecaster_m<period>_h<horizon>} (its final model and the cut models stored
 * beside it), and forecasts record that registry version. A class with no production version gets no global
 * candidate. Promoting or rolling back a version changes what the next forecast run uses.
 */
public final class RegisteredForecasters implements GlobalSource {
  /** Model kind in the registry. */
  public static final String KIND = "global_forecaster";

  private final Map<String, ClassModels> byName;

  private RegisteredForecasters(Map<String, ClassModels> byName) {
    this.byName = byName;
  }

  /** Loads every production global forecaster of the registry. */
  public static RegisteredForecasters load(ModelRegistry registry) {
    Map<String, ClassModels> byName = new LinkedHashMap<>();
    for (RegisteredModel m : registry.list()) {
      if (!m.isProduction() || !KIND.equals(m.kind())) {
        continue;
      }
      GlobalModel finalModel = GlobalModel.wrap(registry.load(m));
      List<GlobalModel> cuts = new ArrayList<>();
      for (int k = 1; ; k++) {
        Optional<Model<?>> cut = registry.loadCompanion(m, ClassModels.cutKey(k));
        if (cut.isEmpty()) {
          break;
        }
        cuts.add(GlobalModel.wrap(cut.get()));
      }
      byName.put(m.name(), new ClassModels(finalModel, cuts, m.id()));
    }
    return new RegisteredForecasters(byName);
  }

  @Override
  public ClassModels forClass(SeriesClass cls, List<TimeSeries> series) {
    ClassModels m = byName.get(ClassModels.registryName(cls));
    // a model of another seasonal period or horizon under this name would forecast nonsense: skip it
    return m != null && m.finalModel().seasonalPeriod() == cls.seasonalPeriod()
        && m.finalModel().horizon() == cls.horizon() ? m : null;
  }

  /** Registry name to the version used. */
  public Map<String, String> versions() {
    Map<String, String> v = new LinkedHashMap<>();
    byName.forEach((k, m) -> v.put(k, m.version()));
    return v;
  }
}
