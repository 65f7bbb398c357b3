package org.govpulse.analytics.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.govpulse.analytics.sensors.Severity;
import org.govpulse.core.time.Frequency;
import org.govpulse.core.time.Period;
import org.junit.jupiter.api.Test;

/** The tests that compare a series with the same indicator in other regions: smoothness, year-end spikes, ratios. */
class PeerChecksTest {
  private static final double[] SEASON = {0.3, -0.2, 0, 0, 0.1, 0, -0.6, -0.4, 0, 0, 0, 0.2};

  /** A punctuality-like rate: level by region, seasonality, noise of 0.8 points. */
  private static List<Series> rates(int regions) {
    List<Series> out = new ArrayList<>();
    for (int r = 1; r <= regions; r++) {
      double level = 85 + r;
      out.add(SeriesFixture.monthly(SeriesFixture.region(r), 70, r, 1,
          (p, e) -> level + SEASON[p.index() - 1] + 0.8 * e));
    }
    return out;
  }

  @Test
  void a_series_held_flat_for_three_years_is_too_smooth() {
    List<Series> series = rates(8);
    series.set(2, SeriesFixture.withValues(series.get(2), p -> p.period().year() >= 2023 && p.period().year() <= 2025
        ? 88.5 : p.value(), 1));
    List<Finding> found = SmoothSeriesCheck.check("BUS_PUNCTUALITY", Frequency.MONTHLY, false, series);
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.regionCode()).isEqualTo("R03");
      assertThat(f.periodFrom()).isEqualTo("2023-01");
      assertThat(f.periodTo()).isEqualTo("2025-12");
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.evidence()).contains("7 peers").contains("3 consecutive years");
    });
  }

  @Test
  void honest_series_and_a_single_quiet_year_are_not_too_smooth() {
    List<Series> series = rates(8);
    assertThat(SmoothSeriesCheck.check("BUS_PUNCTUALITY", Frequency.MONTHLY, false, series)).isEmpty();
    series.set(0, SeriesFixture.withValues(series.get(0), p -> p.period().year() == 2024 ? 86.0 : p.value(), 1));
    assertThat(SmoothSeriesCheck.check("BUS_PUNCTUALITY", Frequency.MONTHLY, false, series)).isEmpty();
  }

  @Test
  void amounts_are_compared_by_their_relative_spread() {
    // a small county's revenue moves by fewer yuan than the capital's but by the same share
    List<Series> amounts = new ArrayList<>();
    for (int r = 1; r <= 8; r++) {
      double level = Math.pow(2, r);
      amounts.add(SeriesFixture.monthly(SeriesFixture.region(r), 70, 100 + r, 4,
          (p, e) -> level * (1 + SEASON[p.index() - 1] / 2) * Math.exp(0.04 * e)));
    }
    assertThat(SmoothSeriesCheck.check("FISCAL_REVENUE", Frequency.MONTHLY, true, amounts)).isEmpty();
  }

  /** Monthly revenue with a December high in every region. */
  private static List<Series> revenue(int regions) {
    List<Series> out = new ArrayList<>();
    for (int r = 1; r <= regions; r++) {
      double level = 10 * r;
      out.add(SeriesFixture.monthly(SeriesFixture.region(r), 60, 200 + r, 2,
          (p, e) -> level * (p.index() == 12 ? 1.75 : 1.0) * Math.exp(0.04 * e)));
    }
    return out;
  }

  @Test
  void a_december_inflated_every_year_is_a_period_end_spike() {
    List<Series> series = revenue(10);
    series.set(4, SeriesFixture.withValues(series.get(4), p -> p.period().index() == 12 ? p.value() * 1.3
        : p.value(), 2));
    List<Finding> found = PeriodEndSpikeCheck.check("FISCAL_REVENUE", Frequency.MONTHLY, true, 1.0, series);
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.PERIOD_END_SPIKE);
      assertThat(f.regionCode()).isEqualTo("R05");
      assertThat(f.periodFrom()).isEqualTo("2021-12");
      assertThat(f.periodTo()).isEqualTo("2025-12");
      assertThat(f.evidence()).contains("5 of 5 complete years");
    });
  }

  @Test
  void one_good_december_or_a_december_high_everywhere_is_not_a_spike() {
    List<Series> series = revenue(10);
    assertThat(PeriodEndSpikeCheck.check("FISCAL_REVENUE", Frequency.MONTHLY, true, 1.0, series)).isEmpty();
    series.set(4, SeriesFixture.withValues(series.get(4), p -> p.period().index() == 12
        && p.period().year() == 2023 ? p.value() * 1.4 : p.value(), 2));
    assertThat(PeriodEndSpikeCheck.check("FISCAL_REVENUE", Frequency.MONTHLY, true, 1.0, series)).isEmpty();
    // a December dip is not flattering for revenue
    List<Series> dips = revenue(10);
    dips.set(4, SeriesFixture.withValues(dips.get(4), p -> p.period().index() == 12 ? p.value() * 0.7
        : p.value(), 2));
    assertThat(PeriodEndSpikeCheck.check("FISCAL_REVENUE", Frequency.MONTHLY, true, 1.0, dips)).isEmpty();
  }

  private static List<RatioOutlierCheck.Annual> retail(int regions, double inflate) {
    List<RatioOutlierCheck.Annual> out = new ArrayList<>();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
    for (int r = 1; r <= regions; r++) {
      double gdp = 100 * r;
      for (int y = 2021; y <= 2025; y++) {
        double share = 0.36 * Math.exp(0.02 * SeriesFixture.gaussian(rnd)) * (r == 3 ? inflate : 1.0);
        out.add(new RatioOutlierCheck.Annual(SeriesFixture.region(r), "STATS", y, share * gdp, gdp));
      }
    }
    return out;
  }

  @Test
  void retail_sales_inflated_against_gdp_are_a_ratio_outlier() {
    List<Finding> found = RatioOutlierCheck.check("RETAIL_SALES", "GDP", retail(12, 1.15));
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.regionCode()).isEqualTo("R03");
      assertThat(f.periodFrom()).isEqualTo("2021");
      assertThat(f.periodTo()).isEqualTo("2025");
      assertThat(f.statistic()).isGreaterThan(RatioOutlierCheck.MIN_Z);
    });
    assertThat(RatioOutlierCheck.check("RETAIL_SALES", "GDP", retail(12, 1.0))).isEmpty();
  }

  @Test
  void too_few_regions_make_no_ratio_comparison() {
    assertThat(RatioOutlierCheck.check("RETAIL_SALES", "GDP", retail(RatioOutlierCheck.MIN_REGIONS - 1, 1.5)))
        .isEmpty();
  }

  private static List<ContradictionCheck.Pair> airPairs(int regions) {
    List<ContradictionCheck.Pair> out = new ArrayList<>();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
    for (int r = 1; r <= regions; r++) {
      for (int m = 0; m < 12; m++) {
        double stations = 100.0 * (18 + rnd.nextInt(8)) / 30;
        // honest disagreement: a day either way now and then
        double reported = stations + (rnd.nextDouble() < 0.2 ? (rnd.nextBoolean() ? 100.0 / 30 : -100.0 / 30) : 0);
        out.add(new ContradictionCheck.Pair(SeriesFixture.region(r), "EEB", Period.month(2026, 1).plus(m - 2),
            reported, stations, 100.0 / 30));
      }
    }
    return out;
  }

  @Test
  void a_department_reporting_better_air_than_its_stations_for_months_is_contradicted() {
    List<ContradictionCheck.Pair> pairs = new ArrayList<>();
    for (ContradictionCheck.Pair p : airPairs(10)) {
      boolean planted = p.regionCode().equals("R04") && p.period().compareTo(Period.month(2026, 2)) >= 0
          && p.period().compareTo(Period.month(2026, 6)) <= 0;
      pairs.add(planted ? new ContradictionCheck.Pair(p.regionCode(), p.deptCode(), p.period(),
          p.evidence() + 16, p.evidence(), p.resolution()) : p);
    }
    List<Finding> found = ContradictionCheck.check(FindingKind.SENSOR_CONTRADICTION, "AQ_GOOD_DAYS_RATIO",
        "AQ_GOOD_DAYS_RATIO_MONITORED", pairs);
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.regionCode()).isEqualTo("R04");
      assertThat(f.deptCode()).isEqualTo("EEB");
      assertThat(f.periodFrom()).isEqualTo("2026-02");
      assertThat(f.periodTo()).isEqualTo("2026-06");
      assertThat(f.evidence()).contains("higher than AQ_GOOD_DAYS_RATIO_MONITORED");
    });
    assertThat(ContradictionCheck.check(FindingKind.SENSOR_CONTRADICTION, "AQ_GOOD_DAYS_RATIO",
        "AQ_GOOD_DAYS_RATIO_MONITORED", airPairs(10))).as("honest disagreement only").isEmpty();
  }

  @Test
  void with_one_month_of_stations_a_large_contradiction_still_shows() {
    List<ContradictionCheck.Pair> pairs = List.of(
        new ContradictionCheck.Pair("R01", "EEB", Period.month(2026, 10), 34.9, 35.2, 1.0),
        new ContradictionCheck.Pair("R02", "EEB", Period.month(2026, 10), 30.6, 42.0, 1.0),
        new ContradictionCheck.Pair("R03", "EEB", Period.month(2026, 10), 41.0, 40.6, 1.0),
        new ContradictionCheck.Pair("R04", "EEB", Period.month(2026, 10), 38.3, 38.3, 1.0));
    assertThat(ContradictionCheck.check(FindingKind.SENSOR_CONTRADICTION, "PM25_MEAN", "PM25_MONITORED", pairs))
        .singleElement().satisfies(f -> assertThat(f.regionCode()).isEqualTo("R02"));
  }
}
