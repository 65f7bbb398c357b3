package org.govpulse.models.forecast.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.govpulse.models.forecast.TestSeries;
import org.govpulse.models.forecast.TimeSeries;
import org.junit.jupiter.api.Test;

class StatisticalMethodsTest {

  @Test
  void ses_on_a_constant_series_forecasts_the_constant() {
    double[] f = Methods.ses().fit(TimeSeries.of(1, TestSeries.constant(20, 42.0))).predict(5);
    assertThat(boxed(f)).hasSize(5).allSatisfy(v -> assertThat(v).isCloseTo(42.0, within(1e-9)));
  }

  @Test
  void every_method_forecasts_a_constant_series_as_that_constant() {
    TimeSeries flat = TimeSeries.of(4, TestSeries.constant(24, 7.5));
    for (var method : Methods.all()) {
      double[] f = method.fit(flat).predict(8);
      assertThat(boxed(f)).as(method.name()).allSatisfy(v -> assertThat(v).isCloseTo(7.5, within(1e-6)));
    }
  }

  @Test
  void holt_recovers_a_linear_trend() {
    double[] y = TestSeries.linear(30, 10, 2);
    double[] f = Methods.holt().fit(TimeSeries.of(1, y)).predict(6);
    for (int h = 1; h <= 6; h++) {
      assertThat(f[h - 1]).isCloseTo(10 + 2 * (29 + h), within(1e-6));
    }
  }

  @Test
  void damped_trend_keeps_rising_on_a_linear_trend_but_flattens() {
    double[] y = TestSeries.linear(30, 10, 2);
    double[] f = Methods.damped().fit(TimeSeries.of(1, y)).predict(12);
    assertThat(f[0]).isCloseTo(70, within(0.5));
    for (int h = 1; h < 12; h++) {
      assertThat(f[h]).isGreaterThan(f[h - 1]);
      assertThat(f[h] - f[h - 1]).isLessThanOrEqualTo(f[h - 1] - (h > 1 ? f[h - 2] : 68) + 1e-9);
    }
    assertThat(f[11]).isLessThan(10 + 2 * (29 + 12));
  }

  @Test
  void theta_extrapolates_a_linear_trend_from_the_last_value_with_half_its_slope() {
    // Hyndman and Billah (2003): Theta is SES with drift b/2; on a noiseless line SES tracks the last value
    double[] y = TestSeries.linear(40, 100, 3);
    double[] f = Methods.theta().fit(TimeSeries.of(1, y)).predict(8);
    for (int h = 1; h <= 8; h++) {
      assertThat(f[h - 1]).isCloseTo(y[39] + 1.5 * h, within(0.01));
    }
  }

  @Test
  void seasonal_naive_reproduces_a_pure_seasonal_pattern() {
    double[] pattern = {5, 9, 14, 7};
    double[] f = Methods.seasonalNaive().fit(TimeSeries.of(4, TestSeries.seasonal(22, pattern))).predict(8);
    // 22 values end in the second position of the pattern, so the forecast starts at the third
    assertThat(f).containsExactly(14, 7, 5, 9, 14, 7, 5, 9);
  }

  @Test
  void naive2_repeats_the_last_value_when_there_is_no_seasonality() {
    double[] y = {3, 5, 4, 6, 5, 7, 6, 8};
    assertThat(Methods.naive2().fit(TimeSeries.of(1, y)).predict(3)).containsExactly(8, 8, 8);
  }

  @Test
  void seasonal_methods_put_the_seasonal_shape_back_into_the_forecast() {
    double[] pattern = {0.8, 1.0, 1.3, 0.9};
    double[] y = TestSeries.trendTimesSeason(48, 100, 2, pattern);
    for (String name : new String[] {Methods.NAIVE2, Methods.THETA, Methods.HOLT}) {
      double[] f = Methods.byName(name).fit(TimeSeries.of(4, y)).predict(8);
      // the forecast of position 50 (third of the pattern) over 49 (second) keeps the ratio 1.3 / 1.0
      assertThat(f[2] / f[1]).as(name).isCloseTo(1.3 / 1.0, within(0.05));
      assertThat(f[4] / f[3]).as(name).isCloseTo(0.8 / 0.9, within(0.05));
    }
  }

  @Test
  void holt_on_seasonally_adjusted_trend_with_season_continues_both() {
    double[] pattern = {0.8, 1.0, 1.3, 0.9};
    double[] y = TestSeries.trendTimesSeason(60, 100, 2, pattern);
    double[] f = Methods.holt().fit(TimeSeries.of(4, y)).predict(4);
    for (int h = 1; h <= 4; h++) {
      int t = 59 + h;
      assertThat(f[h - 1]).isCloseTo((100 + 2 * t) * pattern[t % 4], within(0.03 * (100 + 2 * t)));
    }
  }

  @Test
  void the_seasonality_test_finds_a_seasonal_pattern_and_flags_white_noise_about_one_time_in_ten() {
    assertThat(SeasonalityTest.isSeasonal(TestSeries.trendTimesSeason(48, 100, 1, 0.8, 1.2, 1.1, 0.9), 4))
        .isTrue();
    java.util.Random random = new java.util.Random(3);
    int flagged = 0;
    for (int i = 0; i < 400; i++) {
      flagged += SeasonalityTest.isSeasonal(TestSeries.noisy(random, 48, 100, 0, 0, 1, 1), 4) ? 1 : 0;
    }
    assertThat(flagged / 400.0).as("false alarms at the 90% level").isBetween(0.04, 0.16);
    assertThat(SeasonalityTest.isSeasonal(TestSeries.seasonal(8, 1, 2, 3, 4), 4))
        .as("two seasons are too few to test").isFalse();
  }

  @Test
  void a_trend_flagged_by_the_seasonality_test_gets_neutral_indices() {
    // the 90% autocorrelation test of M3 also fires on strong trends; the decomposition then changes nothing
    SeasonalIndices s = SeasonalIndices.detect(TestSeries.linear(48, 100, 1), 4);
    for (int k = 0; k < 4; k++) {
      assertThat(s.at(k)).isCloseTo(1, within(0.01));
    }
  }

  @Test
  void classical_decomposition_recovers_multiplicative_indices() {
    double[] pattern = {0.8, 1.2, 1.1, 0.9};
    SeasonalIndices s = SeasonalIndices.detect(TestSeries.trendTimesSeason(48, 100, 1, pattern), 4);
    assertThat(s.isMultiplicative()).isTrue();
    for (int k = 0; k < 4; k++) {
      assertThat(s.at(k)).isCloseTo(pattern[k], within(0.01));
    }
  }

  @Test
  void series_with_zeros_get_an_additive_decomposition() {
    double[] y = TestSeries.seasonal(40, 0, 10, 20, 10);
    SeasonalIndices s = SeasonalIndices.detect(y, 4);
    assertThat(s.isMultiplicative()).isFalse();
    assertThat(boxed(s.adjust(y, 0))).allSatisfy(v -> assertThat(v).isCloseTo(10, within(1e-9)));
  }

  private static java.util.List<Double> boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
