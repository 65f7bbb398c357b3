package org.govpulse.models.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.analytics.catalogue.Indicator;
import org.govpulse.core.time.Period;
import org.govpulse.models.forecast.Forecast;
import org.govpulse.models.pipeline.PanelForecast;
import org.govpulse.models.pipeline.SeriesHistory;
import org.govpulse.models.warn.Conditions;
import org.govpulse.models.warn.Level;
import org.govpulse.models.warn.WarningCondition;

/**
 * Scores target-risk warnings against what happened. Two views:
 * <ul>
 *   <li><b>planted troubles</b>: the current year is replayed month by month as it was known then; for each series
 *       the sample city planted a deterioration in, the month it was first warned about at {@code minimum} level or
 *       above (and stayed warned), how many months after its onset and before the year's end;</li>
 *   <li><b>a completed year</b>: the year is replayed at the given cut-off months; a warning at {@code minimum} or
 *       above on a target that was met in the end is a false alarm, a missed target without one a miss.</li>
 * </ul>
 */
public final class WarningEvaluation {
  private final PanelForecast forecaster;
  private final Catalogue catalogue;
  private final Conditions conditions;
  private final double rho;
  private final Level minimum;

  public WarningEvaluation(PanelForecast forecaster, Catalogue catalogue, Conditions conditions, double rho,
      Level minimum) {
    this.forecaster = forecaster;
    this.catalogue = catalogue;
    this.conditions = conditions;
    this.rho = rho;
    this.minimum = minimum;
  }

  /** A planted deterioration: a series and the month it starts. */
  public record Trouble(String regionCode, String indicatorCode, Period onset) {}

  /** When a trouble was first warned about (null month when never). */
  public record Detection(Trouble trouble, Period firstWarned, Integer monthsAfterOnset, Integer monthsBeforeYearEnd) {}

  /** Warning quality on a completed year at one cut-off. */
  public record YearScore(int year, int cutMonth, int warned, int falseAlarms, int missedTargets, int caught) {
    public double precision() {
      return warned == 0 ? Double.NaN : (warned - falseAlarms) / (double) warned;
    }

    public double recall() {
      return missedTargets == 0 ? Double.NaN : caught / (double) missedTargets;
    }
  }

  /** Replays {@code year} month by month up to {@code lastMonth} and finds when each trouble was first warned. */
  public List<Detection> detect(Map<String, SeriesHistory> histories, Map<String, Double> targets, int year,
      int lastMonth, List<Trouble> troubles) {
    Map<Trouble, Period> first = new LinkedHashMap<>();
    for (int month = 1; month <= lastMonth; month++) {
      Period asOf = Period.month(year, month);
      Map<String, Level> levels = levels(histories, targets, year, asOf);
      for (Trouble t : troubles) {
        boolean warned = levels.keySet().stream().anyMatch(k -> k.startsWith(t.regionCode() + "|" + t.indicatorCode()
            + "|"));
        if (warned) {
          first.putIfAbsent(t, asOf);
        } else {
          first.remove(t);
        }
      }
    }
    List<Detection> out = new ArrayList<>();
    for (Trouble t : troubles) {
      Period p = first.get(t);
      Period onsetMonth = Period.containing(org.govpulse.core.time.Frequency.MONTHLY, t.onset().start());
      out.add(new Detection(t, p, p == null ? null : p.minus(onsetMonth), p == null ? null : 12 - p.index()));
    }
    return out;
  }

  /** Replays a completed year at the cut-off months and counts false alarms and caught misses. */
  public List<YearScore> score(Map<String, SeriesHistory> histories, Map<String, Double> targets, int year,
      List<Integer> cutMonths) {
    List<YearScore> out = new ArrayList<>();
    for (int month : cutMonths) {
      Map<String, Level> levels = levels(histories, targets, year, Period.month(year, month));
      int warned = 0;
      int falseAlarms = 0;
      int missed = 0;
      int caught = 0;
      for (SeriesHistory h : histories.values()) {
        Double target = targets.get(RiskBacktest.key(h.regionCode(), h.indicatorCode(), year));
        Optional<Indicator> i = catalogue.find(h.indicatorCode());
        if (target == null || i.isEmpty()) {
          continue;
        }
        Optional<Double> actual = TargetOutlook.annualValue(h, i.get(), year);
        if (actual.isEmpty()) {
          continue;
        }
        boolean didMiss = i.get().higherIsBetter() ? actual.get() < target : actual.get() > target;
        boolean isWarned = levels.containsKey(h.id());
        warned += isWarned ? 1 : 0;
        falseAlarms += isWarned && !didMiss ? 1 : 0;
        missed += didMiss ? 1 : 0;
        caught += didMiss && isWarned ? 1 : 0;
      }
      out.add(new YearScore(year, month, warned, falseAlarms, missed, caught));
    }
    return out;
  }

  /** Warning levels at or above the minimum, by series id, as the year looked at {@code asOf}. */
  private Map<String, Level> levels(Map<String, SeriesHistory> histories, Map<String, Double> targets, int year,
      Period asOf) {
    Map<String, SeriesHistory> then = new HashMap<>();
    histories.forEach((id, h) -> then.put(id, h.asOf(asOf)));
    PanelForecast.Outcome outcome = forecaster.forecast(then);
    Map<String, Level> out = new HashMap<>();
    if (outcome.result() == null) {
      return out;
    }
    for (SeriesHistory h : then.values()) {
      Double target = targets.get(RiskBacktest.key(h.regionCode(), h.indicatorCode(), year));
      Optional<Indicator> i = catalogue.find(h.indicatorCode());
      Forecast f = outcome.result().forecasts().get(h.id());
      if (target == null || i.isEmpty() || f == null) {
        continue;
      }
      Optional<TargetOutlook> o = TargetOutlook.assess(h.regionCode(), i.get(), year, target, h,
          RiskBacktest.steps(f), rho);
      if (o.isEmpty() || o.get().outlook().remaining().isEmpty()) {
        continue;
      }
      Optional<WarningCondition> c = conditions.of(new Conditions.Risk(h.regionCode(), h.indicatorCode(), year,
          target, o.get().outlook().expected(), o.get().probability(), List.of(), List.of(), List.of(), List.of(),
          List.of()));
      if (c.isPresent() && c.get().level().compareTo(minimum) >= 0) {
        out.put(h.id(), c.get().level());
      }
    }
    return out;
  }

  /** A readable report. */
  public static String report(List<Detection> detections, List<YearScore> scores, Level minimum) {
    StringBuilder sb = new StringBuilder("planted troubles warned at " + minimum.code() + " or above:\n");
    int found = 0;
    for (Detection d : detections) {
      found += d.firstWarned() == null ? 0 : 1;
      sb.append(String.format(Locale.ROOT, "  %s %-26s onset %-8s first warned %-8s %s%n", d.trouble().regionCode(),
          d.trouble().indicatorCode(), d.trouble().onset(), d.firstWarned() == null ? "never" : d.firstWarned(),
          d.firstWarned() == null ? "" : String.format(Locale.ROOT, "(%d months after onset, %d before year end)",
              d.monthsAfterOnset(), d.monthsBeforeYearEnd())));
    }
    sb.append(String.format(Locale.ROOT, "  %d of %d warned%n", found, detections.size()));
    for (YearScore s : scores) {
      sb.append(String.format(Locale.ROOT, "%d as of month %d: %d warnings, %d false alarms (precision %.2f), "
              + "%d of %d missed targets warned (recall %.2f)%n", s.year(), s.cutMonth(), s.warned(), s.falseAlarms(),
          s.precision(), s.caught(), s.missedTargets(), s.recall()));
    }
    return sb.toString().stripTrailing();
  }
}
