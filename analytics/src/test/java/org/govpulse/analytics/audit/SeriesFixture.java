package org.govpulse.analytics.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.govpulse.core.time.Period;

/** Deterministic series for the audit's tests: a level, seasonality and noise per period, written with decimals. */
final class SeriesFixture {
  private SeriesFixture() {}

  /** A value generator: period, noise draw -> value. */
  interface Shape {
    double value(Period p, double noise);
  }

  /** A series of {@code n} periods from {@code first}, with standard normal draws from a seeded stream. */
  static Series series(String region, Period first, int n, long seed, int decimals, Shape shape) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Series.Point> points = new ArrayList<>();
    Period p = first;
    for (int i = 0; i < n; i++, p = p.plus(1)) {
      double v = shape.value(p, gaussian(rnd));
      double rounded = Math.round(v * Math.pow(10, decimals)) / Math.pow(10, decimals);
      points.add(new Series.Point(p, rounded, String.format(Locale.ROOT, "%." + decimals + "f", rounded)));
    }
    return new Series(region, "DEPT", points);
  }

  /** Monthly series from January 2021. */
  static Series monthly(String region, int months, long seed, int decimals, Shape shape) {
    return series(region, Period.month(2021, 1), months, seed, decimals, shape);
  }

  /** Regions R01, R02, ... */
  static String region(int i) {
    return String.format(Locale.ROOT, "R%02d", i);
  }

  /** Replaces the values of a series by a function of the period (for planting in a test). */
  static Series withValues(Series s, java.util.function.Function<Series.Point, Double> value, int decimals) {
    List<Series.Point> points = new ArrayList<>();
    for (Series.Point p : s.points()) {
      double v = value.apply(p);
      points.add(new Series.Point(p.period(), v, String.format(Locale.ROOT, "%." + decimals + "f", v)));
    }
    return new Series(s.regionCode(), s.deptCode(), points);
  }

  static double gaussian(SplittableRandom rnd) {
    double u = 1 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
