package org.govpulse.models.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.govpulse.core.error.GovPulseException;
import org.govpulse.core.time.Frequency;
import org.govpulse.core.time.Period;
import org.junit.jupiter.api.Test;

class ForecastEngineTest {
  private static final ForecastEngine ENGINE = new ForecastEngine(EngineSettings.statisticalOnly().withThreads(2));

  private static Map<String, TimeSeries> monthlyFamily(int count) {
    Random random = new Random(11);
    Map<String, TimeSeries> series = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      series.put("region-" + i, TimeSeries.starting(Period.month(2015, 1),
          TestSeries.noisy(random, 72, 200 + 10 * i, 0.5, 2, 2, 0.9, 0.95, 1.0, 1.05, 1.1, 1.2, 1.15, 1.05, 1.0,
              0.95, 0.9, 0.8)));
    }
    return series;
  }

  @Test
  void every_series_gets_ordered_intervals_around_its_point_forecast_with_periods() {
    EngineResult r = ENGINE.forecast(monthlyFamily(6), Horizons.of(Map.of(Frequency.MONTHLY, 12)));
    assertThat(r.forecasts()).hasSize(6);
    Forecast f = r.forecasts().get("region-0");
    assertThat(f.horizon()).isEqualTo(12);
    assertThat(f.steps().get(0).period()).contains(Period.month(2021, 1));
    assertThat(f.steps().get(11).period()).contains(Period.month(2021, 12));
    for (ForecastStep s : f.steps()) {
      assertThat(s.lower95()).isLessThanOrEqualTo(s.lower80());
      assertThat(s.lower80()).isLessThan(s.point());
      assertThat(s.point()).isLessThan(s.upper80());
      assertThat(s.upper80()).isLessThanOrEqualTo(s.upper95());
    }
    assertThat(f.weights().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
    assertThat(f.description()).contains("intervals: split-conformal");
  }

  @Test
  void held_out_values_fall_inside_the_intervals_about_as_often_as_promised() {
    EngineResult r = ENGINE.forecast(monthlyFamily(12), Horizons.of(Map.of(Frequency.MONTHLY, 12)));
    double in80 = 0;
    double in95 = 0;
    for (Accuracy a : r.accuracy().values()) {
      assertThat(a.coverage80()).isBetween(0.0, 1.0).isLessThanOrEqualTo(a.coverage95());
      in80 += a.coverage80() / r.accuracy().size();
      in95 += a.coverage95() / r.accuracy().size();
    }
    // 144 held-out values of well-behaved series: calibrated intervals cover close to their nominal level
    assertThat(in80).isBetween(0.6, 0.97);
    assertThat(in95).isBetween(0.8, 1.0);
  }

  @Test
  void the_result_reports_backtest_accuracy_rule_and_model_versions() {
    EngineResult r = ENGINE.forecast(monthlyFamily(4), Horizons.of(Map.of(Frequency.MONTHLY, 12)));
    Accuracy a = r.accuracy().get("region-1");
    assertThat(a.isAvailable()).isTrue();
    assertThat(a.origin()).isEqualTo(60);
    assertThat(a.smape()).isBetween(0.0, 50.0);
    assertThat(a.mase()).isPositive();
    assertThat(r.rules()).containsKey(new SeriesClass(12, 12));
    assertThat(r.modelVersions()).isNotEmpty().allSatisfy((k, v) -> assertThat(v).contains(ForecastEngine.VERSION));
    assertThat(r.globalModels()).isEmpty();
  }

  @Test
  void forecasts_are_identical_on_repeated_runs() {
    Map<String, TimeSeries> s = monthlyFamily(3);
    Horizons h = Horizons.of(Map.of(Frequency.MONTHLY, 6));
    EngineResult a = ENGINE.forecast(s, h);
    EngineResult b = ENGINE.forecast(s, h);
    for (String id : s.keySet()) {
      assertThat(b.forecasts().get(id).points()).containsExactly(a.forecasts().get(id).points());
      assertThat(b.forecasts().get(id).upper95()).containsExactly(a.forecasts().get(id).upper95());
    }
  }

  @Test
  void a_constant_series_is_forecast_as_the_constant() {
    EngineResult r = ENGINE.forecast(Map.of("flat", TimeSeries.of(1, TestSeries.constant(20, 3.0))),
        Horizons.bySeasonalPeriod(Map.of(1, 4)));
    assertThat(boxed(r.forecasts().get("flat").points())).allSatisfy(v -> assertThat(v).isCloseTo(3.0, within(1e-9)));
  }

  @Test
  void a_short_series_still_gets_a_forecast_with_fallback_intervals() {
    EngineResult r = ENGINE.forecast(Map.of("new", TimeSeries.of(1, 10, 12, 11, 13, 12)),
        Horizons.bySeasonalPeriod(Map.of(1, 3)));
    Forecast f = r.forecasts().get("new");
    assertThat(f.points()).hasSize(3);
    assertThat(f.upper95()[2]).isGreaterThan(f.points()[2]);
    assertThat(r.accuracy().get("new").isAvailable()).isFalse();
  }

  @Test
  void a_series_too_short_to_backtest_borrows_the_choice_of_its_frequency_class() {
    Map<String, TimeSeries> series = new LinkedHashMap<>();
    Random random = new Random(3);
    for (int i = 0; i < 5; i++) {
      series.put("long-" + i, TimeSeries.of(1, TestSeries.noisy(random, 40, 100, 3, 0.2, 0.2, 1)));
    }
    series.put("short", TimeSeries.of(1, 100, 103, 106, 109, 112));
    EngineSettings best = EngineSettings.statisticalOnly().withThreads(2)
        .withRules(java.util.List.of(org.govpulse.models.forecast.select.Rules.best(
            org.govpulse.models.forecast.method.Methods.names().toArray(new String[0]))));
    EngineResult r = new ForecastEngine(best).forecast(series, Horizons.bySeasonalPeriod(Map.of(1, 4)));
    assertThat(r.accuracy().get("short").isAvailable()).isFalse();
    assertThat(r.forecasts().get("short").weights()).hasSize(1);
    assertThat(r.forecasts().get("short").weights().keySet())
        .isSubsetOf(java.util.Set.of("HOLT", "DAMPED", "THETA"));
  }

  @Test
  void a_too_short_series_is_refused_with_its_id() {
    assertThatThrownBy(() -> ENGINE.forecast(Map.of("tiny", TimeSeries.of(1, 1, 2)),
        Horizons.bySeasonalPeriod(Map.of(1, 3))))
        .isInstanceOf(GovPulseException.class)
        .hasMessageContaining("Series tiny has only 2 values");
  }

  @Test
  void a_series_without_a_horizon_for_its_frequency_is_refused() {
    assertThatThrownBy(() -> ENGINE.forecast(Map.of("q", TimeSeries.of(4, TestSeries.constant(20, 1))),
        Horizons.of(Map.of(Frequency.MONTHLY, 12))))
        .isInstanceOf(GovPulseException.class)
        .hasMessageContaining("No forecast horizon is set for series q");
  }

  @Test
  void a_horizon_below_one_is_refused() {
    assertThatThrownBy(() -> Horizons.of(Map.of(Frequency.ANNUAL, 0)))
        .isInstanceOf(GovPulseException.class)
        .hasMessageContaining("Forecast horizon 0 is invalid");
  }

  @Test
  void no_series_is_refused() {
    assertThatThrownBy(() -> ENGINE.forecast(Map.of(), Horizons.m3()))
        .isInstanceOf(GovPulseException.class).hasMessageContaining("No series to forecast");
  }

  private static java.util.List<Double> boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
