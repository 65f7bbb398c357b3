package org.govpulse.models.forecast.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErrorMeasuresTest {

  @Test
  void smape_follows_the_m3_definition() {
    // 200 * 10 / 210 and 200 * 0 / 200
    assertThat(ErrorMeasures.smape(new double[] {100, 100}, new double[] {110, 100}))
        .isCloseTo(100.0 * 10 / 210, within(1e-12));
    assertThat(ErrorMeasures.smapeTerm(0, 0)).isZero();
  }

  @Test
  void mase_divides_by_the_in_sample_seasonal_naive_error() {
    double[] history = {10, 20, 30, 40, 12, 22, 32, 42};
    assertThat(ErrorMeasures.maseScale(history, 4)).isEqualTo(2);
    assertThat(ErrorMeasures.mase(new double[] {14, 24}, new double[] {12, 22}, 2)).isEqualTo(1);
  }

  @Test
  void a_constant_history_has_no_mase_scale_but_a_positive_error_scale() {
    double[] flat = {5, 5, 5, 5};
    assertThat(ErrorMeasures.maseScale(flat, 1)).isZero();
    assertThat(ErrorMeasures.mase(new double[] {6}, new double[] {5}, 0)).isNaN();
    assertThat(ErrorMeasures.positiveScale(flat, 1)).isEqualTo(0.05);
  }
}
