package org.govpulse.models.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.govpulse.analytics.catalogue.Aggregation;
import org.junit.jupiter.api.Test;

class YearOutlookTest {
  private static YearOutlook.StepForecast step(double point, double halfWidth80) {
    return new YearOutlook.StepForecast(point, point - halfWidth80, point + halfWidth80);
  }

  @Test
  void a_sum_adds_actuals_and_forecasts_and_its_spread_grows_with_correlation() {
    YearOutlook o = new YearOutlook(Aggregation.SUM, 4, List.of(10.0, 10.0), List.of(step(10, 1.2816), step(10, 1.2816)));
    assertThat(o.expected()).isEqualTo(40.0);
    assertThat(o.sigma(0)).isCloseTo(Math.sqrt(2), within(1e-3));
    assertThat(o.sigma(1)).isCloseTo(2.0, within(1e-3));
    assertThat(o.elapsed()).isEqualTo(0.5);
  }

  @Test
  void the_probability_of_missing_is_half_when_the_forecast_lands_on_the_target() {
    YearOutlook o = new YearOutlook(Aggregation.MEAN, 4, List.of(5.0), List.of(step(5, 1), step(5, 1), step(5, 1)));
    assertThat(o.probabilityMiss(5.0, true, 0.5)).isCloseTo(0.5, within(1e-6));
    assertThat(o.probabilityMiss(4.0, true, 0.5)).isLessThan(0.05);
    assertThat(o.probabilityMiss(4.0, false, 0.5)).as("lower is better: 5 misses 4").isGreaterThan(0.95);
  }

  @Test
  void a_complete_year_is_certain_and_last_takes_the_final_period() {
    YearOutlook done = new YearOutlook(Aggregation.LAST, 4, List.of(1.0, 2.0, 3.0, 4.0), List.of());
    assertThat(done.expected()).isEqualTo(4.0);
    assertThat(done.probabilityMiss(4.5, true, 0.5)).isEqualTo(1.0);
    assertThat(done.probabilityMiss(3.5, true, 0.5)).isEqualTo(0.0);
  }

  @Test
  void the_naive_rule_extrapolates_the_pace_of_the_year() {
    YearOutlook o = new YearOutlook(Aggregation.SUM, 12, List.of(8.0, 8.0, 8.0), java.util.Collections.nCopies(9,
        step(10, 1)));
    assertThat(NaiveRule.pace(o)).isEqualTo(96.0);
    assertThat(NaiveRule.misses(o, 100, true)).isTrue();
    assertThat(o.expected()).isEqualTo(114.0);
  }

  @Test
  void an_outlook_must_cover_the_whole_year() {
    assertThatThrownBy(() -> new YearOutlook(Aggregation.SUM, 4, List.of(1.0), List.of(step(1, 1))))
        .hasMessageContaining("every period of the year");
  }

  @Test
  void the_normal_distribution_function_is_accurate() {
    assertThat(Normal.cdf(0)).isCloseTo(0.5, within(1e-7));
    assertThat(Normal.cdf(1.959963985)).isCloseTo(0.975, within(1e-6));
    assertThat(Normal.cdf(-1.2815515655)).isCloseTo(0.1, within(1e-6));
  }
}
