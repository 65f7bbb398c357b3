package org.govpulse.models.forecast.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RulesTest {
  private static final List<String> CANDIDATES = List.of("SES", "DAMPED", "THETA", "GLOBAL");

  @Test
  void equal_weights_ignore_errors_and_non_members() {
    assertThat(Rules.equal("SES", "THETA").weights(CANDIDATES, new double[] {1, 2, 30, 4}))
        .containsExactly(0.5, 0, 0.5, 0);
  }

  @Test
  void best_takes_the_member_with_the_lowest_error() {
    assertThat(Rules.best("SES", "DAMPED", "THETA").weights(CANDIDATES, new double[] {5, 3, 4, 1}))
        .containsExactly(0, 1, 0, 0);
  }

  @Test
  void top_two_averages_the_two_best() {
    assertThat(Rules.topK(2, "SES", "DAMPED", "THETA", "GLOBAL").weights(CANDIDATES, new double[] {5, 3, 4, 1}))
        .containsExactly(0, 0.5, 0, 0.5);
  }

  @Test
  void inverse_error_weights_are_proportional_to_one_over_the_error() {
    double[] w = Rules.inverseError(1, "SES", "DAMPED").weights(CANDIDATES, new double[] {1, 3, 9, 9});
    assertThat(w[0]).isCloseTo(0.75, within(1e-12));
    assertThat(w[1]).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void candidates_that_could_not_be_backtested_get_no_weight() {
    assertThat(Rules.inverseError(1, "SES", "DAMPED", "GLOBAL")
        .weights(CANDIDATES, new double[] {2, 2, 1, Double.NaN})).containsExactly(0.5, 0.5, 0, 0);
  }

  @Test
  void without_any_backtest_every_rule_falls_back_to_equal_weights_on_its_members() {
    double[] none = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    assertThat(Rules.best("SES", "THETA").weights(CANDIDATES, none)).containsExactly(0.5, 0, 0.5, 0);
    assertThat(Rules.inverseError(2, "SES", "THETA").weights(CANDIDATES, none)).containsExactly(0.5, 0, 0.5, 0);
  }
}
