package org.govpulse.ingestion.samplecity;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the planted troubles into the true series: service-quality drops (before the targets are calibrated) and
 * target misses (after, sized so that the running year's target is missed by a clear margin). Troubles are real:
 * departments report them, citizens feel them; falsifications, by contrast, touch only the reported values.
 */
final class TroublePlanter {

  private final Catalogue catalogue;
  private final TrueSeries truth;
  private final Timeline timeline;

  TroublePlanter(Catalogue catalogue, TrueSeries truth, Timeline timeline) {
    this.catalogue = catalogue;
    this.truth = truth;
    this.timeline = timeline;
  }

  /** Shifts the service-area indicators of each quality drop from its onset month, with a 2-month ramp. */
  void applyQualityDrops(Plants plants) {
    for (Plants.QualityDrop q : plants.qualityDrops) {
      for (Map.Entry<String, Double> change : q.changes().entrySet()) {
        Indicator ind = catalogue.indicator(change.getKey());
        TrueSeriesModel.Behaviour b = TrueSeriesModel.LEVELS.get(ind.code());
        for (Period p : timeline.simPeriods(ind.frequency())) {
          double w = ramp(q.onset(), p, 2);
          if (w > 0) {
            double v = truth.get(q.region(), ind.code(), p) + change.getValue() * w;
            truth.set(q.region(), ind.code(), p, TrueSeriesModel.clamp(v, b.lo(), b.hi()));
          }
        }
      }
    }
  }

  /** Deteriorates each target-miss series from its onset so that the full-year value misses the target. */
  void applyTargetMisses(Plants plants, TargetBook targets) {
    List<Plants.TargetMiss> sized = plants.targetMisses.stream().map(t -> size(t, targets)).toList();
    plants.targetMisses.clear();
    plants.targetMisses.addAll(sized);
  }

  private Plants.TargetMiss size(Plants.TargetMiss t, TargetBook targets) {
    Indicator ind = catalogue.indicator(t.indicator());
    TrueSeriesModel.Behaviour b = TrueSeriesModel.LEVELS.get(ind.code());
    int year = t.onset().year();
    double target = targets.annualTarget(t.region(), ind.code(), year).orElseThrow(
        () -> SampleCityException.internal("target_miss on " + t.indicator() + " without a " + year + " target"));
    List<Period> periods = timeline.simPeriods(ind.frequency()).stream()
        .filter(p -> p.compareTo(t.onset()) >= 0).toList();
    Map<Period, Double> original = new HashMap<>();
    periods.forEach(p -> original.put(p, truth.get(t.region(), ind.code(), p)));
    double before = truth.annual(t.region(), ind.code(), year);
    List<Period> ofYear = periods.stream().filter(p -> p.year() == year).toList();
    double effect = ind.aggregation().equals("last")
        ? ramp(t.onset().firstMonth(), ofYear.get(ofYear.size() - 1), 3)
        : ofYear.stream().mapToDouble(p -> ramp(t.onset().firstMonth(), p, 3)).sum()
            / ind.frequency().perYear();
    double gap = ind.sign() * (before - target);
    double margin = Math.max(b.noiseSd(), Math.max(0.02 * Math.abs(target), 3 * StrictMath.pow(10, -ind.decimals())));
    double drop = Math.max((gap + margin) / effect, Math.max(2.5 * b.noiseSd(), 0.03 * Math.abs(before)));
    double after = before;
    for (int attempt = 0; attempt < 8; attempt++) {
      for (Period p : periods) {
        double v = original.get(p) - ind.sign() * drop * ramp(t.onset().firstMonth(), p, 3);
        truth.set(t.region(), ind.code(), p, TrueSeriesModel.clamp(v, b.lo(), b.hi()));
      }
      after = truth.annual(t.region(), ind.code(), year);
      if (!TargetBook.meets(ind, after, target)) {
        break;
      }
      drop *= 1.5;
    }
    return new Plants.TargetMiss(t.region(), t.indicator(), t.onset(), t.to(), Math.round(drop * 100) / 100.0,
        target, after);
  }

  /** 0 before the onset, rising linearly to 1 over {@code months} months (judged at the period's last month). */
  static double ramp(YearMonth onset, Period p, int months) {
    YearMonth last = p.lastMonth();
    int elapsed = (last.getYear() * 12 + last.getMonthValue()) - (onset.getYear() * 12 + onset.getMonthValue());
    if (elapsed < 0) {
      return 0;
    }
    return Math.min(1.0, (elapsed + 1) / (double) months);
  }
}
