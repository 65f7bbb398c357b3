package org.govpulse.models.forecast.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.govpulse.models.forecast.TestSeries;
import org.govpulse.models.forecast.TimeSeries;
import org.govpulse.models.forecast.method.Methods;
import org.junit.jupiter.api.Test;

class OptimisersTest {

  @Test
  void golden_section_finds_the_minimum_of_a_parabola() {
    Minimum m = GoldenSection.standard().minimise(x -> (x - 0.3) * (x - 0.3) + 2, 0, 1);
    assertThat(m.x()).isCloseTo(0.3, within(1e-5));
    assertThat(m.value()).isCloseTo(2, within(1e-9));
  }

  @Test
  void golden_section_escapes_a_local_minimum_thanks_to_its_grid() {
    // a shallow valley near 0.1 and the deep one near 0.8
    Minimum m = GoldenSection.standard().minimise(
        x -> Math.min((x - 0.1) * (x - 0.1) + 0.5, 10 * (x - 0.8) * (x - 0.8)), 0, 1);
    assertThat(m.x()).isCloseTo(0.8, within(1e-4));
  }

  @Test
  void nelder_mead_finds_the_minimum_of_the_rosenbrock_function() {
    Minimum m = new NelderMead(5000, 1e-14).minimise(
        p -> 100 * Math.pow(p[1] - p[0] * p[0], 2) + Math.pow(1 - p[0], 2), new double[] {-1.2, 1},
        new double[] {0.5, 0.5});
    assertThat(m.point()[0]).isCloseTo(1, within(1e-3));
    assertThat(m.point()[1]).isCloseTo(1, within(1e-3));
  }

  @Test
  void optimisers_give_bit_identical_results_on_repeated_runs() {
    Minimum a = new NelderMead(400, 1e-9).minimise(p -> Math.cosh(p[0] - 1) + p[1] * p[1], new double[] {3, 3},
        new double[] {1, 1});
    Minimum b = new NelderMead(400, 1e-9).minimise(p -> Math.cosh(p[0] - 1) + p[1] * p[1], new double[] {3, 3},
        new double[] {1, 1});
    assertThat(a.point()).containsExactly(b.point());
    assertThat(a.evaluations()).isEqualTo(b.evaluations());
  }

  @Test
  void fitted_methods_are_deterministic() {
    double[] y = TestSeries.noisy(new Random(7), 60, 100, 0.5, 2, 1, 0.9, 1.1, 1.2, 0.8);
    for (var method : Methods.all()) {
      double[] first = method.fit(TimeSeries.of(4, y)).predict(8);
      double[] second = method.fit(TimeSeries.of(4, y)).predict(8);
      assertThat(second).as(method.name()).containsExactly(first);
    }
  }
}
