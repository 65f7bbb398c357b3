package org.govpulse.models.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.govpulse.models.forecast.TestSeries;
import org.govpulse.models.forecast.TimeSeries;
import org.govpulse.models.forecast.method.Methods;
import org.govpulse.models.forecast.select.RuleChoice;
import org.govpulse.models.forecast.select.RuleChooser;
import org.govpulse.models.forecast.select.Rules;
import org.junit.jupiter.api.Test;

class BacktestTest {
  private static final Backtester BACKTESTER = new Backtester(8, 6);

  @Test
  void forecasts_from_an_origin_use_only_the_values_before_it() {
    double[] a = TestSeries.linear(40, 10, 1);
    double[] b = a.clone();
    for (int t = 30; t < 40; t++) {
      b[t] = 1000;
    }
    var candidates = List.of(Methods.theta(), Methods.damped());
    SeriesBacktest ba = BACKTESTER.run(TimeSeries.of(1, a), candidates, 4);
    SeriesBacktest bb = BACKTESTER.run(TimeSeries.of(1, b), candidates, 4);
    for (int c = 0; c < 2; c++) {
      for (int s = 1; s <= 4; s++) {
        assertThat(bb.forecast(c, 30, s)).isEqualTo(ba.forecast(c, 30, s));
      }
    }
    assertThat(bb.forecast(0, 31, 1)).isNotEqualTo(ba.forecast(0, 31, 1));
  }

  @Test
  void a_cutoff_scores_only_steps_whose_actual_lies_before_it() {
    SeriesBacktest bt = BACKTESTER.run(TimeSeries.of(1, TestSeries.linear(30, 0, 1)),
        List.of(Methods.naive2()), 4);
    double[][] residuals = bt.scaledResiduals(26, new double[] {1});
    // origins 18..25: step 1 from all 8, step 4 only from origins 18..22
    assertThat(residuals[0]).hasSize(8);
    assertThat(residuals[3]).hasSize(5);
    // naive on a unit-slope line misses by s units, and the scale (mean absolute change) is 1
    assertThat(residuals[3]).containsOnly(4.0);
  }

  @Test
  void the_rule_chooser_picks_the_rule_that_forecasts_the_held_out_horizon_best() {
    Random random = new Random(1);
    List<SeriesBacktest> backtests = new ArrayList<>();
    var candidates = List.of(Methods.naive2(), Methods.holt());
    for (int i = 0; i < 10; i++) {
      double[] y = TestSeries.noisy(random, 40, 50, 2, 0.1, 0.2, 1);
      backtests.add(BACKTESTER.run(TimeSeries.of(1, y), candidates, 4));
    }
    RuleChoice choice = new RuleChooser(List.of(Rules.equal(Methods.NAIVE2), Rules.equal(Methods.HOLT)),
        ErrorMeasure.SMAPE).choose(backtests);
    assertThat(choice.rule().name()).isEqualTo("EQUAL(HOLT)");
    assertThat(choice.seriesValidated()).isEqualTo(10);
    assertThat(choice.validationErrors().get("EQUAL(HOLT)"))
        .isLessThan(choice.validationErrors().get("EQUAL(NAIVE2)"));
  }
}
