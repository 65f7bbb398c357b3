package org.govpulse.models.forecast.global;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.govpulse.core.error.Errors;
import org.govpulse.models.forecast.ForecastErrors;
import org.govpulse.models.forecast.ForecastModel;
import org.govpulse.models.forecast.BatchForecaster;
import org.govpulse.models.forecast.TimeSeries;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A trained global model, usable as a {@link Forecaster} for any series of its seasonal period: "fitting" a series
 * only computes its window features, and the Tribuo model predicts each step's ratio to the level. The wrapped
 * Tribuo model ({@link #tribuoModel()}) carries the provenance of its data, trainer and feature layout, and is what
 * a model registry stores.
 */
public final class GlobalModel implements BatchForecaster {
  /** The candidate name of global models in combinations. */
  public static final String NAME = "GLOBAL";

  private final Model<Regressor> model;
  private final int seasonalPeriod;
  private final int horizon;

  private GlobalModel(Model<Regressor> model, int seasonalPeriod, int horizon) {
    this.model = model;
    this.seasonalPeriod = seasonalPeriod;
    this.horizon = horizon;
  }

  /**
   * Wraps a Tribuo model trained by {@link GlobalTrainer} (for example one read back from a registry).
   *
   * @throws org.govpulse.core.error.GovPulseException when it is not a regression model with this version's
   *     feature layout
   */
  @SuppressWarnings("unchecked")
  public static GlobalModel wrap(Model<?> model) {
    ModelProvenance p = model.getProvenance();
    String features = string(p, GlobalTrainer.PROV_FEATURES);
    if (!WindowFeatures.VERSION.equals(features)
        || !(model.getOutputIDInfo().getDomain().iterator().next() instanceof Regressor)) {
      throw ForecastErrors.notAGlobalForecastModel(model.getName());
    }
    return new GlobalModel((Model<Regressor>) model, integer(p, GlobalTrainer.PROV_PERIOD),
        integer(p, GlobalTrainer.PROV_HORIZON));
  }

  /** Reads a model written by {@link #save}. */
  public static GlobalModel load(Path file) {
    try {
      return wrap(Model.deserializeFromFile(file));
    } catch (IOException e) {
      throw Errors.invalidInput("Cannot read the global forecasting model " + file, String.valueOf(e.getMessage()),
          "Pass a file written by GlobalModel.save (Tribuo protobuf format)");
    }
  }

  /** Writes the model in Tribuo's protobuf format. */
  public void save(Path file) {
    try {
      model.serializeToFile(file);
    } catch (IOException e) {
      throw Errors.internal("Writing the global forecasting model to " + file, e);
    }
  }

  /** The Tribuo model with its provenance. */
  public Model<Regressor> tribuoModel() {
    return model;
  }

  public int seasonalPeriod() {
    return seasonalPeriod;
  }

  /** The horizon it was trained for; it forecasts at most this many steps. */
  public int horizon() {
    return horizon;
  }

  /** A version string: learner, class, training time and Tribuo version from the provenance. */
  public String version() {
    ModelProvenance p = model.getProvenance();
    return String.format(Locale.ROOT, "GLOBAL %s m%d-h%d trained %s (Tribuo %s, %s)",
        string(p, GlobalTrainer.PROV_LEARNER), seasonalPeriod, horizon, p.getTrainingTime(), p.getTribuoVersion(),
        WindowFeatures.VERSION);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int minimumLength(int period) {
    return WindowFeatures.minimumLength(period);
  }

  @Override
  public boolean supports(TimeSeries history) {
    return history.seasonalPeriod() == seasonalPeriod && history.length() >= minimumLength(seasonalPeriod)
        && WindowFeatures.of(history.values(), seasonalPeriod, horizon) != null;
  }

  @Override
  public ForecastModel fit(TimeSeries history) {
    requireLength(history);
    WindowFeatures w = WindowFeatures.of(history.values(), seasonalPeriod, horizon);
    if (w == null || history.seasonalPeriod() != seasonalPeriod) {
      throw Errors.invalidInput("The global model cannot forecast " + history,
          "it was trained for seasonal period " + seasonalPeriod + " and needs a strictly positive history",
          "Use a statistical method for this series");
    }
    return new ForecastModel() {
      @Override
      public String method() {
        return NAME;
      }

      @Override
      public double[] predict(int steps) {
        ForecastModel.requireHorizon(steps);
        return predictMany(List.of(w), steps)[0];
      }

      @Override
      public String describe() {
        return version();
      }
    };
  }

  @Override
  public double[][] forecastOrigins(TimeSeries series, int[] origins, int steps) {
    ForecastModel.requireHorizon(steps);
    double[][] out = new double[origins.length][];
    List<WindowFeatures> windows = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    double[] y = series.values();
    for (int k = 0; k < origins.length; k++) {
      WindowFeatures w = series.seasonalPeriod() == seasonalPeriod && origins[k] >= minimumLength(seasonalPeriod)
          ? WindowFeatures.of(java.util.Arrays.copyOf(y, origins[k]), seasonalPeriod, horizon)
          : null;
      if (w == null) {
        out[k] = org.govpulse.models.forecast.backtest.Backtester.nan(steps);
      } else {
        windows.add(w);
        rows.add(k);
      }
    }
    if (!windows.isEmpty()) {
      double[][] f = predictMany(windows, steps);
      for (int i = 0; i < rows.size(); i++) {
        out[rows.get(i)] = f[i];
      }
    }
    return out;
  }

  /** Forecasts for several windows in one Tribuo call. */
  private double[][] predictMany(List<WindowFeatures> windows, int steps) {
    if (steps > horizon) {
      throw Errors.invalidInput("The global model forecasts at most " + horizon + " steps, not " + steps,
          "it was trained for horizon " + horizon, "Ask for fewer steps or retrain with a longer horizon");
    }
    List<Example<Regressor>> examples = new ArrayList<>(windows.size() * steps);
    for (WindowFeatures w : windows) {
      for (int s = 1; s <= steps; s++) {
        examples.add(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, w.names(s), w.values(s, horizon)));
      }
    }
    List<Prediction<Regressor>> predictions = model.predict(examples);
    double[][] out = new double[windows.size()][steps];
    for (int i = 0; i < windows.size(); i++) {
      for (int s = 1; s <= steps; s++) {
        out[i][s - 1] = windows.get(i).forecast(predictions.get(i * steps + s - 1).getOutput().getValues()[0], s);
      }
    }
    return out;
  }

  private static Provenance instance(ModelProvenance p, String key) {
    Provenance v = p.getInstanceProvenance().getMap().get(key);
    if (v == null) {
      throw ForecastErrors.notAGlobalForecastModel(p.getClassName());
    }
    return v;
  }

  private static String string(ModelProvenance p, String key) {
    Provenance v = instance(p, key);
    return v instanceof StringProvenance s ? s.getValue() : String.valueOf(v);
  }

  private static int integer(ModelProvenance p, String key) {
    Provenance v = instance(p, key);
    return v instanceof IntProvenance i ? i.getValue() : Integer.parseInt(String.valueOf(v));
  }
}
