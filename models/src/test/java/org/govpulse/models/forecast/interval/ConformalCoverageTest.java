package org.govpulse.models.forecast.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.govpulse.models.forecast.EngineResult;
import org.govpulse.models.forecast.EngineSettings;
import org.govpulse.models.forecast.Forecast;
import org.govpulse.models.forecast.ForecastEngine;
import org.govpulse.models.forecast.Horizons;
import org.govpulse.models.forecast.TestSeries;
import org.govpulse.models.forecast.TimeSeries;
import org.junit.jupiter.api.Test;

class ConformalCoverageTest {

  @Test
  void the_conformal_quantile_is_the_ceiling_rank_of_n_plus_one() {
    double[] sorted = new double[19];
    for (int i = 0; i < 19; i++) {
      sorted[i] = i + 1;
    }
    assertThat(ConformalCalibrator.quantile(sorted, 0.80)).isEqualTo(16);
    assertThat(ConformalCalibrator.quantile(sorted, 0.95)).isEqualTo(19);
    assertThat(ConformalCalibrator.quantile(new double[] {1, 2}, 0.95)).as("too few: the largest").isEqualTo(2);
  }

  @Test
  void a_short_series_borrows_residuals_from_its_class_and_a_long_one_uses_its_own() {
    ConformalCalibrator c = new ConformalCalibrator(20);
    double[][] pooled = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}};
    double[][] longOwn = {new double[25]};
    java.util.Arrays.fill(longOwn[0], 0.5);
    assertThat(c.widths(new double[][] {{9}}, pooled).source()).containsExactly("pooled");
    assertThat(c.widths(longOwn, pooled).source()).containsExactly("own");
    assertThat(c.widths(longOwn, pooled).q95()[0]).isEqualTo(0.5);
    assertThat(c.widths(null, new double[][] {{}}).source()).containsExactly("random-walk");
  }

  @Test
  void intervals_reach_roughly_their_nominal_coverage_on_a_family_of_noisy_series() {
    Random random = new Random(2024);
    int h = 6;
    Map<String, TimeSeries> histories = new LinkedHashMap<>();
    Map<String, double[]> futures = new LinkedHashMap<>();
    for (int i = 0; i < 120; i++) {
      double drift = random.nextGaussian() * 0.5;
      double[] y = TestSeries.noisy(random, 50 + h, 100, drift, 1.0 + random.nextDouble(), 1.0, 1.0);
      histories.put("s" + i, TimeSeries.of(1, java.util.Arrays.copyOf(y, 50)));
      futures.put("s" + i, java.util.Arrays.copyOfRange(y, 50, 50 + h));
    }
    EngineResult r = new ForecastEngine(EngineSettings.statisticalOnly().withThreads(2))
        .forecast(histories, Horizons.bySeasonalPeriod(Map.of(1, h)));
    int in80 = 0;
    int in95 = 0;
    int total = 0;
    for (String id : histories.keySet()) {
      Forecast f = r.forecasts().get(id);
      double[] y = futures.get(id);
      for (int s = 0; s < h; s++) {
        in80 += y[s] >= f.lower80()[s] && y[s] <= f.upper80()[s] ? 1 : 0;
        in95 += y[s] >= f.lower95()[s] && y[s] <= f.upper95()[s] ? 1 : 0;
        total++;
      }
    }
    assertThat(100.0 * in80 / total).isCloseTo(80, within(8.0));
    assertThat(100.0 * in95 / total).isCloseTo(95, within(4.0));
  }
}
