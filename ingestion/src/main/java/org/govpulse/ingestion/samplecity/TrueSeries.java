package org.govpulse.ingestion.samplecity;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The clean values of every report indicator for every district or county and every simulated period, in the
 * indicator's canonical unit: what reality was before reporting noise and falsification.
 * {@code ground_truth/true_series.csv} writes the reported range of it.
 */
final class TrueSeries {

  private final Catalogue catalogue;
  private final Map<Frequency, Period> firstPeriod = new HashMap<>();
  private final Map<Frequency, Integer> length = new HashMap<>();
  private final Map<String, double[]> values = new HashMap<>();

  TrueSeries(Catalogue catalogue, Timeline timeline) {
    this.catalogue = catalogue;
    for (Frequency f : Frequency.values()) {
      List<Period> periods = timeline.simPeriods(f);
      firstPeriod.put(f, periods.get(0));
      length.put(f, periods.size());
    }
  }

  double get(String region, String indicator, Period p) {
    return series(region, indicator)[index(p)];
  }

  void set(String region, String indicator, Period p, double value) {
    series(region, indicator)[index(p)] = value;
  }

  /**
   * The annual value of an indicator by its aggregation: {@code sum} adds the periods of the year, {@code mean}
   * averages them, {@code last} takes the last one, {@code ratio} averages monthly shares weighted by days.
   */
  double annual(String region, String indicator, int year) {
    Indicator ind = catalogue.indicator(indicator);
    Frequency f = ind.frequency();
    if (f == Frequency.ANNUAL) {
      return get(region, indicator, Period.year(year));
    }
    List<Period> periods = Period.range(f, YearMonth.of(year, 1), YearMonth.of(year, 12));
    return switch (ind.aggregation()) {
      case "sum" -> periods.stream().mapToDouble(p -> get(region, indicator, p)).sum();
      case "last" -> get(region, indicator, periods.get(periods.size() - 1));
      case "ratio" -> {
        double weighted = 0;
        double days = 0;
        for (Period p : periods) {
          double d = p.end().toEpochDay() - p.start().toEpochDay() + 1;
          weighted += d * get(region, indicator, p);
          days += d;
        }
        yield weighted / days;
      }
      default -> periods.stream().mapToDouble(p -> get(region, indicator, p)).average().orElseThrow();
    };
  }

  private double[] series(String region, String indicator) {
    return values.computeIfAbsent(region + "|" + indicator,
        k -> new double[length.get(catalogue.indicator(indicator).frequency())]);
  }

  private int index(Period p) {
    int i = p.minus(firstPeriod.get(p.frequency()));
    if (i < 0 || i >= length.get(p.frequency())) {
      throw SampleCityException.internal("period " + p + " outside the simulation");
    }
    return i;
  }
}
