package org.govpulse.models.forecast.method;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.govpulse.core.error.GovPulseException;
import org.govpulse.models.forecast.TimeSeries;
import org.junit.jupiter.api.Test;

class BadInputTest {

  @Test
  void a_missing_value_is_refused_with_its_position() {
    assertThatThrownBy(() -> TimeSeries.of(12, 1, 2, Double.NaN, 4))
        .isInstanceOf(GovPulseException.class)
        .hasMessageContaining("position 2")
        .hasMessageContaining("not a number")
        .hasMessageContaining("Fill or remove the gap");
  }

  @Test
  void an_empty_series_is_refused() {
    assertThatThrownBy(() -> TimeSeries.of(1)).isInstanceOf(GovPulseException.class)
        .hasMessageContaining("no values");
  }

  @Test
  void a_seasonal_period_below_one_is_refused() {
    assertThatThrownBy(() -> TimeSeries.of(0, 1, 2, 3)).isInstanceOf(GovPulseException.class)
        .hasMessageContaining("Seasonal period 0 is invalid");
  }

  @Test
  void a_horizon_of_zero_or_less_is_refused_by_every_method() {
    TimeSeries s = TimeSeries.of(1, 1, 2, 3, 4, 5, 6, 7, 8);
    for (var m : Methods.all()) {
      assertThatThrownBy(() -> m.fit(s).predict(0)).as(m.name()).isInstanceOf(GovPulseException.class)
          .hasMessageContaining("horizon 0 is invalid");
    }
  }

  @Test
  void a_series_too_short_for_a_method_is_refused_with_what_it_needs() {
    assertThatThrownBy(() -> Methods.damped().fit(TimeSeries.of(1, 5, 6)))
        .isInstanceOf(GovPulseException.class)
        .hasMessageContaining("DAMPED cannot forecast a series of 2 values")
        .hasMessageContaining("at least 4");
    assertThatThrownBy(() -> Methods.seasonalNaive().fit(TimeSeries.of(12, 1, 2, 3)))
        .isInstanceOf(GovPulseException.class).hasMessageContaining("at least 12");
  }

  @Test
  void an_unknown_method_name_lists_the_known_ones() {
    assertThatThrownBy(() -> Methods.byName("ARIMA")).isInstanceOf(GovPulseException.class)
        .hasMessageContaining("THETA");
  }
}
