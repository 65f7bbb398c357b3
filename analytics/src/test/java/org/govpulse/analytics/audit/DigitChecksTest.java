package org.govpulse.analytics.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.govpulse.analytics.sensors.Severity;
import org.govpulse.core.time.Period;
import org.junit.jupiter.api.Test;

class DigitChecksTest {

  private static Series jobs(long seed) {
    return SeriesFixture.monthly("R01", 70, seed, 0, (p, e) -> 2000 + 300 * e);
  }

  @Test
  void values_rounded_to_fives_are_a_digit_preference() {
    SplittableRandom rnd = new SplittableRandom(3);
    Series rounded = SeriesFixture.withValues(jobs(1), p -> rnd.nextDouble() < 0.9
        ? Math.round(p.value() / 5.0) * 5.0 : p.value(), 0);
    Optional<Finding> f = DigitChecks.lastDigit("NEW_URBAN_JOBS", rounded);
    assertThat(f).isPresent();
    assertThat(f.get().kind()).isEqualTo(FindingKind.DIGIT_PREFERENCE);
    assertThat(f.get().severity()).isEqualTo(Severity.HIGH);
    assertThat(f.get().evidence()).contains("end in 0 or 5").contains("of 70 values");
    assertThat(f.get().periodFrom()).isEqualTo("2021-01");
    assertThat(f.get().periodTo()).isEqualTo("2026-10");
  }

  @Test
  void values_nudged_to_end_in_eight_are_a_digit_preference() {
    Series eights = SeriesFixture.withValues(jobs(2), p -> p.period().index() % 4 == 0 ? p.value()
        : Math.floor(p.value() / 10) * 10 + 8, 0);
    assertThat(DigitChecks.lastDigit("FISCAL_REVENUE", eights)).get()
        .satisfies(f -> assertThat(f.evidence()).contains("end in 8"));
  }

  @Test
  void honest_series_pass_the_last_digit_test() {
    for (long seed = 10; seed < 60; seed++) {
      assertThat(DigitChecks.lastDigit("NEW_URBAN_JOBS", jobs(seed))).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void a_series_that_varies_over_few_units_of_its_last_digit_is_not_tested() {
    // a rate near 5.1 % written with one decimal: its tenths cannot be uniform, whatever the department does
    Series flat = SeriesFixture.monthly("R01", 70, 4, 1, (p, e) -> 5.1 + 0.05 * e);
    Series constant = SeriesFixture.withValues(flat, p -> 5.1, 1);
    assertThat(DigitChecks.lastDigit("URBAN_UNEMPLOYMENT", constant)).isEmpty();
  }

  @Test
  void too_few_values_are_not_tested() {
    Series shortSeries = SeriesFixture.withValues(SeriesFixture.monthly("R01", 29, 5, 0, (p, e) -> 2000 + 300 * e),
        p -> Math.round(p.value() / 10.0) * 10.0, 0);
    assertThat(DigitChecks.lastDigit("NEW_URBAN_JOBS", shortSeries)).isEmpty();
  }

  @Test
  void written_values_are_read_as_departments_write_them() {
    assertThat(DigitChecks.parse("12,345")).get().isEqualTo(new DigitChecks.Written("12345", 0));
    assertThat(DigitChecks.parse("９５．３")).get().isEqualTo(new DigitChecks.Written("953", 1));
    assertThat(DigitChecks.parse("93.4%")).get().isEqualTo(new DigitChecks.Written("934", 1));
    assertThat(DigitChecks.parse("-0.52")).get().isEqualTo(new DigitChecks.Written("052", 2));
    assertThat(DigitChecks.parse("N/A")).isEmpty();
  }

  private static List<Series> amounts(java.util.function.DoubleSupplier draw, int regions, int months) {
    List<Series> out = new ArrayList<>();
    for (int r = 1; r <= regions; r++) {
      List<Series.Point> points = new ArrayList<>();
      for (int m = 0; m < months; m++) {
        double v = draw.getAsDouble();
        points.add(new Series.Point(Period.month(2021, 1).plus(m), v, Double.toString(v)));
      }
      out.add(new Series(SeriesFixture.region(r), "FIN", points));
    }
    return out;
  }

  @Test
  void amounts_over_four_orders_of_magnitude_conform_to_benford() {
    SplittableRandom rnd = new SplittableRandom(7);
    List<Series> logUniform = amounts(() -> Math.pow(10, 1 + 4 * rnd.nextDouble()), 20, 60);
    assertThat(DigitChecks.benford("SPENDING", "FIN", true, logUniform)).isEmpty();
  }

  @Test
  void invented_amounts_over_several_orders_of_magnitude_depart_from_benford() {
    SplittableRandom rnd = new SplittableRandom(8);
    // someone typing numbers: first digits about uniform, over three orders of magnitude
    List<Series> invented = amounts(() -> (1 + 8.99 * rnd.nextDouble()) * Math.pow(10, 2 + rnd.nextInt(3)), 20, 60);
    Optional<Finding> f = DigitChecks.benford("SPENDING", "FIN", true, invented);
    assertThat(f).isPresent();
    assertThat(f.get().kind()).isEqualTo(FindingKind.BENFORD_DEVIATION);
    assertThat(f.get().regionCode()).isNull();
    assertThat(f.get().evidence()).contains("mean absolute deviation");
  }

  @Test
  void benford_is_not_applied_to_values_within_one_order_of_magnitude_or_to_rates() {
    SplittableRandom rnd = new SplittableRandom(9);
    // revenue of similar counties: far from Benford, and rightly not judged by it
    List<Series> narrow = amounts(() -> 50 + 100 * rnd.nextDouble(), 20, 60);
    assertThat(DigitChecks.benford("FISCAL_REVENUE", "FIN", true, narrow)).isEmpty();
    List<Series> wide = amounts(() -> (1 + 8.99 * rnd.nextDouble()) * Math.pow(10, 2 + rnd.nextInt(3)), 20, 60);
    assertThat(DigitChecks.benford("SHARE", "FIN", false, wide)).as("not an amount that adds up").isEmpty();
    assertThat(DigitChecks.benford("SPENDING", "FIN", true, wide.subList(0, 5))).as("300 values").isEmpty();
  }
}
