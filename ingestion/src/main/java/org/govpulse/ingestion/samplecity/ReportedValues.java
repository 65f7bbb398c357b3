package org.govpulse.ingestion.samplecity;

import java.util.SplittableRandom;

/**
 * The values departments report, in the canonical unit, before formatting: the truth, a little reporting noise on
 * amounts, and the planted falsifications (inflation, December spikes, smoothing, sensor contradictions, digit
 * preference). Revisions and bad records are the writer's business.
 */
final class ReportedValues {

  private final TrueSeries truth;
  private final Plants plants;
  private final RandomStreams streams;

  ReportedValues(TrueSeries truth, Plants plants, RandomStreams streams) {
    this.truth = truth;
    this.plants = plants;
    this.streams = streams;
  }

  double get(String region, String indicator, Period p) {
    SplittableRandom r = streams.stream("reported", region, indicator, p.canonical());
    double v = truth.get(region, indicator, p);
    v = switch (indicator) {
      case "GDP", "RETAIL_SALES", "FISCAL_REVENUE" -> v * (1 + 0.003 * RandomStreams.gaussian(r));
      case "NEW_URBAN_JOBS" -> Math.round(v * (1 + 0.01 * RandomStreams.gaussian(r)));
      case "PER_CAPITA_INCOME" -> Math.round(v * (1 + 0.002 * RandomStreams.gaussian(r)));
      default -> v;
    };
    for (Plants.Inflated i : plants.inflated) {
      if (i.region().equals(region) && i.indicator().equals(indicator)) {
        v *= i.factor();
      }
    }
    for (Plants.PeriodEndSpike s : plants.periodEndSpikes) {
      if (s.region().equals(region) && s.indicator().equals(indicator) && p.index() == 12) {
        v *= s.factorByYear().getOrDefault(p.year(), 1.0);
      }
    }
    for (Plants.Smooth s : plants.smooth) {
      if (s.region().equals(region) && s.indicator().equals(indicator) && within(p, s.from(), s.to())) {
        v = s.center() + RandomStreams.uniform(r, -s.halfWidth(), s.halfWidth());
      }
    }
    for (Plants.Contradiction c : plants.contradictions) {
      if (c.region().equals(region) && c.indicator().equals(indicator) && within(p, c.from(), c.to())) {
        v = indicator.equals("PM25_MEAN") ? v * c.amount() : Math.min(100, v + c.amount());
      }
    }
    for (Plants.DigitPreference d : plants.digitPreference) {
      if (d.region().equals(region) && d.indicator().equals(indicator) && r.nextDouble() < d.share()) {
        v = d.flavour().equals("fives") ? Math.round(v / 5.0) * 5.0 : endInEight(v);
      }
    }
    return v;
  }

  /** FIN reports 万元 without decimals: moves the value (in 亿元) to the nearest whole 万元 ending in 8. */
  private static double endInEight(double yi) {
    long wan = Math.round(yi * 1e4);
    long up = wan - Math.floorMod(wan, 10) + 8;
    long down = up - 10;
    long best = Math.abs(up - wan) <= Math.abs(wan - down) ? up : down;
    return best / 1e4;
  }

  private static boolean within(Period p, Period from, Period to) {
    return p.frequency() == from.frequency() && p.compareTo(from) >= 0 && p.compareTo(to) <= 0;
  }
}
