package org.govpulse.models.forecast.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.govpulse.core.error.GovPulseException;
import org.govpulse.models.forecast.TestSeries;
import org.govpulse.models.forecast.TimeSeries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;

class GlobalModelTest {
  private static final int H = 4;
  private static List<TimeSeries> series;
  private static GlobalModel model;

  @BeforeAll
  static void train() {
    Random random = new Random(5);
    series = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      series.add(TimeSeries.of(4, TestSeries.noisy(random, 40, 50 + i, 0.3 * (i % 5), 1, 0.5, 0.9, 1.1, 1.2, 0.8)));
    }
    model = new GlobalTrainer(GlobalSettings.defaults().withLearner(Learner.XGBOOST).withTrees(30))
        .train(series, 4, H);
  }

  @Test
  void a_serialised_global_model_gives_identical_forecasts_after_loading(@TempDir Path dir) {
    Path file = dir.resolve("global.tribuo");
    model.save(file);
    GlobalModel loaded = GlobalModel.load(file);
    for (TimeSeries s : series.subList(0, 5)) {
      assertThat(loaded.fit(s).predict(H)).containsExactly(model.fit(s).predict(H));
    }
    assertThat(loaded.version()).isEqualTo(model.version());
  }

  @Test
  void the_model_keeps_tribuo_provenance_of_its_features_and_training() {
    var provenance = model.tribuoModel().getProvenance();
    assertThat(provenance.getInstanceProvenance().getMap())
        .containsKeys(GlobalTrainer.PROV_FEATURES, GlobalTrainer.PROV_HORIZON, GlobalTrainer.PROV_PERIOD);
    assertThat(provenance.getTrainerProvenance().getClassName()).contains("XGBoost");
    assertThat(model.version()).contains("m4-h4").contains(WindowFeatures.VERSION);
  }

  @Test
  void global_forecasts_follow_the_level_and_season_of_each_series() {
    TimeSeries s = series.get(0);
    double[] f = model.fit(s).predict(H);
    double lastYearMean = (s.get(36) + s.get(37) + s.get(38) + s.get(39)) / 4;
    assertThat(boxed(f)).allSatisfy(v -> assertThat(v / lastYearMean).isBetween(0.6, 1.6));
    assertThat(f[2]).as("third quarter is the seasonal high").isGreaterThan(f[3]);
  }

  @Test
  void every_learner_trains_and_round_trips_through_serialisation(@TempDir Path dir) {
    for (Learner l : Learner.values()) {
      GlobalModel m = new GlobalTrainer(GlobalSettings.defaults().withLearner(l).withTrees(20)).train(series, 4, H);
      double[] f = m.fit(series.get(1)).predict(H);
      assertThat(boxed(f)).as(l.name()).hasSize(H).allSatisfy(v -> assertThat(v).isFinite());
      Path file = dir.resolve(l.name() + ".tribuo");
      m.save(file);
      assertThat(GlobalModel.load(file).fit(series.get(1)).predict(H)).as(l.name()).containsExactly(f);
      assertThat(m.version()).contains(l.name());
    }
  }

  @Test
  void a_model_asked_for_more_steps_than_it_was_trained_for_says_so() {
    assertThatThrownBy(() -> model.fit(series.get(0)).predict(H + 1)).isInstanceOf(GovPulseException.class)
        .hasMessageContaining("at most " + H + " steps");
  }

  @Test
  void a_tribuo_model_without_the_forecast_feature_layout_is_refused(@TempDir Path dir) throws Exception {
    Model<?> plain = new org.tribuo.regression.rtree.CARTRegressionTrainer(2)
        .train(new GlobalTrainer(GlobalSettings.defaults()).windows(series, 4, H));
    assertThatThrownBy(() -> GlobalModel.wrap(plain)).isInstanceOf(GovPulseException.class)
        .hasMessageContaining("is not a GovPulse global forecasting model");
  }

  @Test
  void a_global_model_refuses_series_that_are_not_positive() {
    TimeSeries negative = TimeSeries.of(4, TestSeries.linear(20, -5, 0.1));
    assertThat(model.supports(negative)).isFalse();
    assertThatThrownBy(() -> model.fit(negative)).isInstanceOf(GovPulseException.class)
        .hasMessageContaining("strictly positive");
  }

  private static java.util.List<Double> boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
