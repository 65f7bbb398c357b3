package org.govpulse.ingestion.samplecity;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The quality citizens experience in a region, service area and month: the common cause of post tone and survey
 * scores. It is the mean z-score (oriented so that higher is better) of the area's driver indicators in the true
 * series (for example HOTLINE_RESOLUTION_RATE, ONE_STOP_RATE and AVG_APPROVAL_DAYS for government services), plus
 * a lasting region-area effect and a little month-to-month noise. Areas without indicators (public safety,
 * housing) follow prosperity. A planted service-quality drop subtracts a further penalty from its onset.
 */
final class LatentQuality {

  private final Map<String, double[]> quality = new HashMap<>();
  private final YearMonth first;

  LatentQuality(Catalogue catalogue, Regions regions, TrueSeries truth, Plants plants, Timeline timeline,
      RandomStreams streams) {
    List<YearMonth> months = timeline.postMonths();
    this.first = months.get(0);
    Map<String, double[]> stats = new HashMap<>();
    for (ServiceArea area : ServiceArea.values()) {
      for (String code : area.drivers()) {
        stats.computeIfAbsent(code, c -> meanSd(truth, catalogue.indicator(c), regions, months));
      }
    }
    for (Region r : regions.districts()) {
      for (ServiceArea area : ServiceArea.values()) {
        SplittableRandom rnd = streams.stream("latent", r.code(), area.code());
        double effect = 0.3 * RandomStreams.gaussian(rnd);
        double noise = 0;
        double[] q = new double[months.size()];
        for (int i = 0; i < months.size(); i++) {
          YearMonth m = months.get(i);
          noise = 0.6 * noise + 0.12 * RandomStreams.gaussian(rnd);
          double base;
          if (area.drivers().isEmpty()) {
            base = 1.2 * (r.prosperity() - 0.5);
          } else {
            double z = 0;
            for (String code : area.drivers()) {
              Indicator ind = catalogue.indicator(code);
              double[] ms = stats.get(code);
              double v = truth.get(r.code(), code, Period.containing(ind.frequency(), m));
              z += ind.sign() * (v - ms[0]) / ms[1];
            }
            base = 0.8 * z / area.drivers().size();
          }
          double penalty = 0;
          for (Plants.QualityDrop d : plants.qualityDrops) {
            if (d.region().equals(r.code()) && d.area() == area) {
              penalty += d.latentPenalty() * TroublePlanter.ramp(d.onset(), Period.month(m), 2);
            }
          }
          q[i] = base + effect + noise - penalty;
        }
        quality.put(r.code() + "|" + area.code(), q);
      }
    }
  }

  /** Latent quality (about -2 .. 2, 0 is average) of a region's service area in a month of the post range. */
  double of(String region, ServiceArea area, YearMonth m) {
    int i = (m.getYear() - first.getYear()) * 12 + m.getMonthValue() - first.getMonthValue();
    return quality.get(region + "|" + area.code())[i];
  }

  private static double[] meanSd(TrueSeries truth, Indicator ind, Regions regions, List<YearMonth> months) {
    double sum = 0;
    double sq = 0;
    int n = 0;
    for (Region r : regions.districts()) {
      for (YearMonth m : months) {
        double v = truth.get(r.code(), ind.code(), Period.containing(ind.frequency(), m));
        sum += v;
        sq += v * v;
        n++;
      }
    }
    double mean = sum / n;
    double sd = Math.sqrt(Math.max(1e-12, sq / n - mean * mean));
    return new double[] {mean, sd};
  }
}
