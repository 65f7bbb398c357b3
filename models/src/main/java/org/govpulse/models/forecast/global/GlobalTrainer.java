package org.govpulse.models.forecast.global;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.govpulse.models.forecast.ForecastErrors;
import org.govpulse.models.forecast.TimeSeries;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Trains a {@link GlobalModel} across many series of one seasonal period and horizon. Each series gives
 * {@link GlobalSettings#originsPerSeries()} windows whose whole horizon was observed, the last one ending at the end
 * of the series and the others spread over the preceding horizon; each window and step is one Tribuo example whose
 * target is the future value's ratio to the window's level.
 */
public final class GlobalTrainer {
  static final String PROV_FEATURES = "govpulse.forecast.features";
  static final String PROV_PERIOD = "govpulse.forecast.seasonalPeriod";
  static final String PROV_HORIZON = "govpulse.forecast.horizon";
  static final String PROV_SERIES = "govpulse.forecast.series";
  static final String PROV_LEARNER = "govpulse.forecast.learner";
  private static final String TARGET = "ratio";

  private final GlobalSettings settings;

  public GlobalTrainer(GlobalSettings settings) {
    this.settings = settings;
  }

  /**
   * Trains on the given series, which must all have {@code seasonalPeriod}.
   *
   * @throws org.govpulse.core.error.GovPulseException when no series yields a training window
   */
  public GlobalModel train(List<TimeSeries> series, int seasonalPeriod, int horizon) {
    MutableDataset<Regressor> data = windows(series, seasonalPeriod, horizon);
    Map<String, Provenance> run = new HashMap<>();
    run.put(PROV_FEATURES, new StringProvenance(PROV_FEATURES, WindowFeatures.VERSION));
    run.put(PROV_PERIOD, new IntProvenance(PROV_PERIOD, seasonalPeriod));
    run.put(PROV_HORIZON, new IntProvenance(PROV_HORIZON, horizon));
    run.put(PROV_SERIES, new IntProvenance(PROV_SERIES, series.size()));
    run.put(PROV_LEARNER, new StringProvenance(PROV_LEARNER, settings.learner().name()));
    Model<Regressor> model = trainer().train(data, run);
    return GlobalModel.wrap(model);
  }

  /** True when the series yield at least one training window (short or non-positive series yield none). */
  public boolean hasWindows(List<TimeSeries> series, int seasonalPeriod, int horizon) {
    return windows(series, seasonalPeriod, horizon, false).size() > 0;
  }

  /** The training windows of the series as a Tribuo dataset. */
  MutableDataset<Regressor> windows(List<TimeSeries> series, int seasonalPeriod, int horizon) {
    return windows(series, seasonalPeriod, horizon, true);
  }

  private MutableDataset<Regressor> windows(List<TimeSeries> series, int seasonalPeriod, int horizon,
      boolean required) {
    RegressionFactory factory = new RegressionFactory();
    MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance(
        "GovPulse forecast windows m" + seasonalPeriod + " h" + horizon + " (" + series.size() + " series)",
        OffsetDateTime.now(), factory), factory);
    for (TimeSeries s : series) {
      addWindows(data, s.values(), seasonalPeriod, horizon);
    }
    if (required && data.size() == 0) {
      throw ForecastErrors.globalTrainingDataEmpty(horizon);
    }
    return data;
  }

  private void addWindows(MutableDataset<Regressor> data, double[] y, int m, int horizon) {
    int n = y.length;
    int stride = Math.max(1, horizon / settings.originsPerSeries());
    for (int j = 0; j < settings.originsPerSeries(); j++) {
      int origin = n - horizon - j * stride;
      if (origin < WindowFeatures.minimumLength(m)) {
        break;
      }
      WindowFeatures w = WindowFeatures.of(java.util.Arrays.copyOf(y, origin), m, horizon);
      if (w == null) {
        continue;
      }
      for (int step = 1; step <= horizon; step++) {
        Regressor target = new Regressor(TARGET, w.target(y[origin + step - 1], step));
        data.add(new ArrayExample<>(target, w.names(step), w.values(step, horizon)));
      }
    }
  }

  private Trainer<Regressor> trainer() {
    switch (settings.learner()) {
      case CART:
        return new CARTRegressionTrainer(settings.maxDepth());
      case LINEAR:
        return new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.1, 0.1), 10, Integer.MAX_VALUE, 1,
            settings.seed());
      default:
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "reg:squarederror");
        params.put("tree_method", "hist");
        params.put("max_bin", settings.maxBins());
        params.put("max_depth", settings.maxDepth());
        params.put("eta", settings.eta());
        params.put("subsample", settings.subsample());
        params.put("colsample_bytree", 0.8);
        params.put("min_child_weight", 1.0);
        params.put("nthread", settings.threads());
        params.put("seed", (int) settings.seed());
        params.put("verbosity", 0);
        return new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR, settings.trees(), params);
    }
  }
}
