package org.govpulse.ingestion.samplecity;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the baseline true series: levels driven by each region's prosperity, trends, seasonality where it is
 * real, the city-wide shock of 2022-Q2 (growth, retail, jobs and revenue dip; unemployment rises), the definition
 * breaks of {@code indicator_definitions.csv}, and autoregressive noise. Air-quality indicators come from the
 * {@link AirQualityModel}. Planted troubles are applied afterwards by {@link TroublePlanter}.
 */
final class TrueSeriesModel {

  /**
   * Behaviour of a level indicator: value = base + trend * years + seasonal + shock + AR(1) noise, clamped, where
   * base = poor + (rich - poor) * quality and quality is the region's prosperity plus a little noise.
   */
  record Behaviour(double poor, double rich, double trendPerYear, double[] seasonal, double shock, double noiseSd,
      double phi, double lo, double hi) {
  }

  private static final double[] NONE = null;

  static final Map<String, Behaviour> LEVELS = Map.ofEntries(
      Map.entry("GDP_GROWTH", new Behaviour(6.4, 5.0, -0.15, NONE, -5.5, 0.45, 0.5, -15, 20)),
      Map.entry("FAI_GROWTH", new Behaviour(8.0, 5.0, -0.4,
          new double[] {3, -2, 0, 0, 0, 0.5, 0, 0, 0, 0, 0, 2.5}, -12, 2.2, 0.6, -40, 45)),
      Map.entry("INDUSTRIAL_VA_GROWTH", new Behaviour(7.5, 5.5, -0.2,
          new double[] {1.5, -1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, -7, 1.1, 0.5, -30, 35)),
      Map.entry("URBAN_UNEMPLOYMENT", new Behaviour(5.4, 3.9, -0.05,
          new double[] {0, 0.2, 0.1, 0, 0, 0, 0.15, 0.1, 0, 0, 0, 0}, 1.0, 0.1, 0.8, 1.5, 12)),
      Map.entry("PENSION_COVERAGE", new Behaviour(87, 95, 0.5, NONE, 0, 0.35, 0.5, 60, 99.6)),
      Map.entry("SURFACE_WATER_GOOD", new Behaviour(80, 86, 1.5, new double[] {0, 0, -3, 0}, 0, 2.5, 0.4, 40,
          100)),
      Map.entry("ENERGY_INTENSITY_REDUCTION", new Behaviour(2.6, 3.6, 0, NONE, 0, 0.7, 0.2, -3, 9)),
      Map.entry("FOREST_COVERAGE", new Behaviour(62, 18, 0.35, NONE, 0, 0.12, 0.9, 5, 85)),
      Map.entry("LIFE_EXPECTANCY", new Behaviour(77.2, 81.6, 0.22, NONE, 0, 0.15, 0.5, 70, 90)),
      Map.entry("INFANT_MORTALITY", new Behaviour(5.6, 2.4, -0.18, NONE, 0, 0.3, 0.3, 0.8, 20)),
      Map.entry("HOSPITAL_BEDS_PER_1000", new Behaviour(5.0, 7.8, 0.15, NONE, 0, 0.1, 0.6, 2, 15)),
      Map.entry("GP_SIGNUP_RATE", new Behaviour(55, 72, 2.0, NONE, 0, 0.8, 0.8, 20, 98)),
      Map.entry("PRESCHOOL_ENROLMENT", new Behaviour(85, 95, 0.5, NONE, 0, 0.5, 0.5, 50, 99.8)),
      Map.entry("HIGH_SCHOOL_ENROLMENT", new Behaviour(87, 95.5, 0.5, NONE, 0, 0.4, 0.5, 50, 99.8)),
      Map.entry("STUDENT_TEACHER_RATIO", new Behaviour(17.5, 12.5, -0.2, NONE, 0, 0.2, 0.6, 8, 25)),
      Map.entry("ONLINE_SERVICE_RATE", new Behaviour(74, 90, 1.5, NONE, 0, 0.8, 0.7, 30, 99.5)),
      Map.entry("ONE_STOP_RATE", new Behaviour(70, 86, 1.5, NONE, 0, 0.8, 0.7, 30, 99.5)),
      Map.entry("HOTLINE_RESOLUTION_RATE", new Behaviour(82, 93, 0.8,
          new double[] {0, -0.5, 0, 0, 0, 0, -1.5, -1.2, 0, 0, 0, 0}, -2, 0.9, 0.6, 40, 99.5)),
      Map.entry("AVG_APPROVAL_DAYS", new Behaviour(14, 6.5, -0.5, NONE, 0, 0.4, 0.6, 1.5, 40)),
      Map.entry("BUS_PUNCTUALITY", new Behaviour(85.5, 91.5, 0.5,
          new double[] {-1, 0, 0, 0, 0, 0, -1.5, -1, 0, 0, 0, 0}, 1, 1.0, 0.5, 50, 99.5)),
      Map.entry("ROAD_CONGESTION_INDEX", new Behaviour(1.25, 1.75, -0.02,
          new double[] {0, -0.12, 0, 0, 0, 0, 0, 0, 0.05, 0, 0, 0.04}, -0.15, 0.04, 0.6, 1.0, 3.0)));

  /** Definition breaks: the true level jumps at the new definition in every region (see indicator_definitions). */
  static final Map<String, Object[]> BREAKS = Map.of(
      "URBAN_UNEMPLOYMENT", new Object[] {Period.month(2024, 1), 0.8},
      "GP_SIGNUP_RATE", new Object[] {Period.quarter(2025, 1), 6.0});

  private static final double[] RETAIL_SEASON = {1.12, 1.02, 0.92, 0.90, 0.96, 0.98, 0.92, 0.94, 1.0, 1.04, 1.08,
      1.14};
  private static final double[] FISCAL_SEASON = {1.10, 0.70, 0.90, 1.05, 0.95, 1.0, 0.95, 0.80, 0.95, 1.0, 0.85,
      1.75};
  private static final double[] JOBS_SEASON = {0.70, 0.60, 1.20, 1.10, 1.00, 1.10, 1.20, 1.00, 1.00, 0.90, 0.95,
      1.25};
  private static final double[] INCOME_SHARE = {0.26, 0.23, 0.24, 0.27};
  private static final double[] GDP_SHARE = {0.225, 0.245, 0.25, 0.28};

  private final Catalogue catalogue;
  private final Regions regions;
  private final Timeline timeline;
  private final AirQualityModel air;
  private final RandomStreams streams;

  TrueSeriesModel(Catalogue catalogue, Regions regions, Timeline timeline, AirQualityModel air,
      RandomStreams streams) {
    this.catalogue = catalogue;
    this.regions = regions;
    this.timeline = timeline;
    this.air = air;
    this.streams = streams;
  }

  TrueSeries generate() {
    TrueSeries truth = new TrueSeries(catalogue, timeline);
    for (Region r : regions.districts()) {
      gdp(truth, r);
      for (Indicator ind : catalogue.reportIndicators()) {
        switch (ind.code()) {
          case "GDP", "GDP_GROWTH" -> { }
          case "RETAIL_SALES" -> monthlyAmount(truth, r, ind, 0.36, 0.055, 0.01, RETAIL_SEASON, -0.15, 0.02);
          case "FISCAL_REVENUE" -> monthlyAmount(truth, r, ind, 0.07 * (0.8 + 0.4 * r.resourceEndowment()), 0.04,
              0.015, FISCAL_SEASON, -0.12, 0.04);
          case "NEW_URBAN_JOBS" -> jobs(truth, r, ind);
          case "PER_CAPITA_INCOME" -> income(truth, r, ind);
          case "AQ_GOOD_DAYS_RATIO" -> timeline.simPeriods(Frequency.MONTHLY).forEach(p ->
              truth.set(r.code(), ind.code(), p, air.monthlyGoodShare(r.code(), p.firstMonth())));
          case "PM25_MEAN" -> timeline.simPeriods(Frequency.MONTHLY).forEach(p ->
              truth.set(r.code(), ind.code(), p, air.monthlyPm25(r.code(), p.firstMonth())));
          default -> level(truth, r, ind, LEVELS.get(ind.code()));
        }
      }
    }
    return truth;
  }

  private void level(TrueSeries truth, Region r, Indicator ind, Behaviour b) {
    if (b == null) {
      throw SampleCityException.internal("no behaviour for " + ind.code());
    }
    SplittableRandom rnd = streams.stream("truth", r.code(), ind.code());
    double quality = clamp(r.prosperity() + 0.15 * RandomStreams.gaussian(rnd), -0.15, 1.15);
    double base = b.poor() + (b.rich() - b.poor()) * quality;
    double trend = b.trendPerYear() * (1 + 0.35 * RandomStreams.gaussian(rnd));
    double breakJitter = RandomStreams.gaussian(rnd);
    double ar = b.noiseSd() * RandomStreams.gaussian(rnd);
    double innovation = b.noiseSd() * Math.sqrt(1 - b.phi() * b.phi());
    Object[] brk = BREAKS.get(ind.code());
    for (Period p : timeline.simPeriods(ind.frequency())) {
      ar = b.phi() * ar + innovation * RandomStreams.gaussian(rnd);
      double v = base + trend * p.yearsSince2021() + ar + b.shock() * shockWeight(p);
      if (b.seasonal() != null) {
        v += b.seasonal()[p.index() - 1];
      }
      if (brk != null && p.compareTo((Period) brk[0]) >= 0) {
        double size = (double) brk[1];
        v += size + size * 0.06 * breakJitter;
      }
      truth.set(r.code(), ind.code(), p, clamp(v, b.lo(), b.hi()));
    }
  }

  /** GDP (亿元, quarterly) grows by the region's GDP_GROWTH over the same quarter of the year before. */
  private void gdp(TrueSeries truth, Region r) {
    level(truth, r, catalogue.indicator("GDP_GROWTH"), LEVELS.get("GDP_GROWTH"));
    int baseYear = timeline.simFirstYear() - 1;
    double annual = r.population() * r.gdpPerCapita() / 1e8 * StrictMath.pow(1.055, -(2025 - baseYear));
    double[] previous = new double[4];
    for (int q = 0; q < 4; q++) {
      previous[q] = annual * GDP_SHARE[q];
    }
    for (Period p : timeline.simPeriods(Frequency.QUARTERLY)) {
      double g = truth.get(r.code(), "GDP_GROWTH", p);
      double v = previous[p.index() - 1] * (1 + g / 100.0);
      previous[p.index() - 1] = v;
      truth.set(r.code(), "GDP", p, v);
    }
  }

  private void monthlyAmount(TrueSeries truth, Region r, Indicator ind, double shareOfGdp, double growth,
      double growthSd, double[] season, double shock, double noise) {
    SplittableRandom rnd = streams.stream("truth", r.code(), ind.code());
    int y0 = timeline.simFirstYear();
    double g = growth + growthSd * RandomStreams.gaussian(rnd);
    double annual = r.population() * r.gdpPerCapita() * shareOfGdp / 1e8 * StrictMath.pow(1 + growth, -(2025 - y0));
    double seasonMean = mean(season);
    for (Period p : timeline.simPeriods(Frequency.MONTHLY)) {
      double years = p.year() - y0 + (p.index() - 6.5) / 12.0;
      double v = annual / 12.0 * StrictMath.pow(1 + g, years) * season[p.index() - 1] / seasonMean
          * (1 + shock * shockWeight(p)) * StrictMath.exp(noise * RandomStreams.gaussian(rnd));
      truth.set(r.code(), ind.code(), p, v);
    }
  }

  private void jobs(TrueSeries truth, Region r, Indicator ind) {
    SplittableRandom rnd = streams.stream("truth", r.code(), ind.code());
    int y0 = timeline.simFirstYear();
    double annual = r.population() * r.urbanisation() / 100.0 * 0.016 * (1 + 0.3 * r.prosperity());
    double g = 0.01 + 0.01 * RandomStreams.gaussian(rnd);
    double seasonMean = mean(JOBS_SEASON);
    for (Period p : timeline.simPeriods(Frequency.MONTHLY)) {
      double years = p.year() - y0 + (p.index() - 6.5) / 12.0;
      double v = annual / 12.0 * StrictMath.pow(1 + g, years) * JOBS_SEASON[p.index() - 1] / seasonMean
          * (1 - 0.25 * shockWeight(p)) * StrictMath.exp(0.06 * RandomStreams.gaussian(rnd));
      truth.set(r.code(), ind.code(), p, Math.round(v));
    }
  }

  private void income(TrueSeries truth, Region r, Indicator ind) {
    SplittableRandom rnd = streams.stream("truth", r.code(), ind.code());
    int y0 = timeline.simFirstYear();
    double annual = (12_000 + 0.25 * r.gdpPerCapita()) * StrictMath.pow(1.06, -(2025 - y0));
    double g = 0.065 - 0.012 * r.prosperity() + 0.004 * RandomStreams.gaussian(rnd);
    for (Period p : timeline.simPeriods(Frequency.QUARTERLY)) {
      double v = annual * StrictMath.pow(1 + g, p.year() - y0) * INCOME_SHARE[p.index() - 1]
          * (1 - 0.03 * shockWeight(p)) * StrictMath.exp(0.01 * RandomStreams.gaussian(rnd));
      truth.set(r.code(), ind.code(), p, Math.round(v));
    }
  }

  /** The city-wide shock: full in 2022-Q2 (April-June), half in 2022-Q3, none otherwise. */
  static double shockWeight(Period p) {
    if (p.year() != 2022 || p.frequency() == Frequency.ANNUAL) {
      return 0;
    }
    int month = p.lastMonth().getMonthValue();
    if (month >= 4 && month <= 6) {
      return 1.0;
    }
    return month >= 7 && month <= 9 ? 0.5 : 0;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
