package org.govpulse.ingestion.samplecity;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything planted in the city, as typed parameters the writers read, and as the rows of {@code planted.csv}
 * ({@link #items()}). Filled by {@link PlantingPlanner} and {@link TroublePlanter}.
 */
final class Plants {

  /** A series reported with far too little variance. */
  record Smooth(String region, String indicator, String dept, Period from, Period to, double center,
      double halfWidth, double trueMin, double trueMax) {
  }

  /** Reported values rounded so that some last digits dominate: {@code fives} (0/5) or {@code eights} (8). */
  record DigitPreference(String region, String indicator, String dept, Period from, Period to, String flavour,
      double share) {
  }

  /** EEB reports air quality better than its own stations imply: +pp for the ratio, a factor for PM2.5. */
  record Contradiction(String region, String indicator, Period from, Period to, double amount) {
  }

  /** December values inflated every year. */
  record PeriodEndSpike(String region, String indicator, String dept, Period from, Period to,
      Map<Integer, Double> factorByYear) {
  }

  /** A value revised towards or over its target just before the annual deadline. */
  record SuspiciousRevision(String region, String indicator, String dept, Period period, double firstValue,
      double revisedValue, double target, LocalDateTime firstAt, LocalDateTime revisedAt) {
  }

  /** A series reported above the truth throughout. */
  record Inflated(String region, String indicator, String dept, Period from, Period to, double factor) {
  }

  /** A department that submits most reports late. */
  record LateReporting(String dept, Period from, Period to, double share, int minDays, int maxDays) {
  }

  /** A true deterioration from an onset period so that the running year's target is missed. */
  record TargetMiss(String region, String indicator, Period onset, Period to, double drop, double target,
      double expected) {
  }

  /** A true fall in the quality of a service area, felt in posts and surveys. */
  record QualityDrop(String region, ServiceArea area, String mainIndicator, String dept, YearMonth onset,
      YearMonth to, Map<String, Double> changes, double latentPenalty) {
  }

  /** A burst of negative posts about one region and service area. */
  record Surge(String region, ServiceArea area, YearMonth from, YearMonth to, int extraPerMonth,
      double negativeShare) {
  }

  /** A station that sends nothing in [from, toExclusive). */
  record Outage(String sensor, String region, LocalDateTime from, LocalDateTime toExclusive) {
  }

  /** One metric of a station repeating the same value. */
  record Stuck(String sensor, String region, String metric, LocalDateTime from, int hours, double value) {
  }

  /** One absurd (but physically possible) hourly value. */
  record Spike(String sensor, String region, String metric, LocalDateTime at, double value) {
  }

  /** From {@code from} on, a local-time station stamps readings with UTC wall-clock time (8 hours early). */
  record ClockSkew(String sensor, String region, LocalDateTime from) {
  }

  final List<Smooth> smooth = new ArrayList<>();
  final List<DigitPreference> digitPreference = new ArrayList<>();
  final List<Contradiction> contradictions = new ArrayList<>();
  final List<PeriodEndSpike> periodEndSpikes = new ArrayList<>();
  final List<SuspiciousRevision> suspiciousRevisions = new ArrayList<>();
  final List<Inflated> inflated = new ArrayList<>();
  final List<LateReporting> late = new ArrayList<>();
  final List<TargetMiss> targetMisses = new ArrayList<>();
  final List<QualityDrop> qualityDrops = new ArrayList<>();
  final List<Surge> surges = new ArrayList<>();
  final List<Outage> outages = new ArrayList<>();
  final List<Stuck> stuck = new ArrayList<>();
  final List<Spike> spikes = new ArrayList<>();
  final List<ClockSkew> skews = new ArrayList<>();

  Optional<LateReporting> lateFor(String dept) {
    return late.stream().filter(l -> l.dept().equals(dept)).findFirst();
  }

  /** Whether a report series carries a falsification (generic revisions and bad records keep away from it). */
  boolean falsified(String region, String indicator) {
    return smooth.stream().anyMatch(s -> s.region().equals(region) && s.indicator().equals(indicator))
        || digitPreference.stream().anyMatch(s -> s.region().equals(region) && s.indicator().equals(indicator))
        || contradictions.stream().anyMatch(s -> s.region().equals(region) && s.indicator().equals(indicator))
        || periodEndSpikes.stream().anyMatch(s -> s.region().equals(region) && s.indicator().equals(indicator))
        || suspiciousRevisions.stream().anyMatch(s -> s.region().equals(region) && s.indicator().equals(indicator))
        || inflated.stream().anyMatch(s -> s.region().equals(region) && s.indicator().equals(indicator));
  }

  /** The rows of planted.csv, in a fixed order (by kind, then as planted), numbered P001, P002, ... */
  List<PlantedItem> items() {
    List<PlantedItem> out = new ArrayList<>();
    for (Smooth s : smooth) {
      add(out, PlantedKind.SMOOTH_SERIES, s.region(), s.indicator(), s.dept(), "", s.from().canonical(),
          s.to().canonical(), s.indicator() + " reported as " + Spellings.decimal(s.center(), 2) + " +/- "
              + Spellings.decimal(s.halfWidth(), 2) + " from " + s.from() + " to " + s.to()
              + " while the true series moved between " + Spellings.decimal(s.trueMin(), 2) + " and "
              + Spellings.decimal(s.trueMax(), 2));
    }
    for (DigitPreference d : digitPreference) {
      String how = d.flavour().equals("fives")
          ? "rounded to a multiple of 5 (last digit 0 or 5)"
          : "nudged to end in the digit 8 (in 万元, as FIN reports it)";
      add(out, PlantedKind.DIGIT_PREFERENCE, d.region(), d.indicator(), d.dept(), "", d.from().canonical(),
          d.to().canonical(), d.indicator() + " " + how + " in " + pct(d.share()) + " of periods");
    }
    for (Contradiction c : contradictions) {
      String how = c.indicator().equals("PM25_MEAN")
          ? "reported at " + pct(c.amount()) + " of what the stations imply"
          : "reported " + Spellings.decimal(c.amount(), 1)
              + " percentage points above what the stations imply (capped at 100)";
      add(out, PlantedKind.SENSOR_CONTRADICTION, c.region(), c.indicator(), "EEB", "", c.from().canonical(),
          c.to().canonical(), c.indicator() + " " + how + " from " + c.from() + " to " + c.to());
    }
    for (PeriodEndSpike p : periodEndSpikes) {
      StringBuilder factors = new StringBuilder();
      p.factorByYear().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> factors
          .append(factors.length() == 0 ? "" : ", ").append(e.getKey()).append(": +")
          .append(Math.round((e.getValue() - 1) * 100)).append('%'));
      add(out, PlantedKind.PERIOD_END_SPIKE, p.region(), p.indicator(), p.dept(), "", p.from().canonical(),
          p.to().canonical(), "December " + p.indicator() + " inflated every year (" + factors + ")");
    }
    for (SuspiciousRevision s : suspiciousRevisions) {
      add(out, PlantedKind.SUSPICIOUS_REVISION, s.region(), s.indicator(), s.dept(), "", s.period().canonical(),
          s.period().canonical(), s.indicator() + " " + s.period() + " first reported " + num(s.firstValue()) + " on "
              + s.firstAt().toLocalDate() + ", revised to " + num(s.revisedValue()) + " on "
              + s.revisedAt().toLocalDate() + ", just past the target " + num(s.target()) + " (true value "
              + num(s.firstValue()) + ")");
    }
    for (Inflated i : inflated) {
      add(out, PlantedKind.INFLATED, i.region(), i.indicator(), i.dept(), "", i.from().canonical(),
          i.to().canonical(), i.indicator() + " reported " + pct(i.factor() - 1)
              + " above the true value in every period");
    }
    for (LateReporting l : late) {
      add(out, PlantedKind.LATE_REPORTING, "", "", l.dept(), "", l.from().canonical(), l.to().canonical(),
          l.dept() + " submits about " + pct(l.share()) + " of its report files " + l.minDays() + "-"
              + l.maxDays() + " days after the due date");
    }
    for (TargetMiss t : targetMisses) {
      add(out, PlantedKind.TARGET_MISS, t.region(), t.indicator(), "", "", t.onset().canonical(),
          t.to().canonical(), t.indicator() + " deteriorates by " + num(t.drop()) + " from " + t.onset()
              + " (3-month ramp); the " + t.onset().year() + " annual target " + num(t.target())
              + " will be missed (simulated full-year value " + num(t.expected()) + ")");
    }
    for (QualityDrop q : qualityDrops) {
      StringBuilder changes = new StringBuilder();
      q.changes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> changes
          .append(changes.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
          .append(e.getValue() > 0 ? "+" : "").append(num(e.getValue())));
      add(out, PlantedKind.SERVICE_QUALITY_DROP, q.region(), q.mainIndicator(), q.dept(), "",
          Period.month(q.onset()).canonical(), Period.month(q.to()).canonical(),
          q.area().code() + " quality falls from " + q.onset() + " (2-month ramp): " + changes
              + "; posts about " + q.area().code() + " turn negative and survey scores fall");
    }
    for (Surge s : surges) {
      add(out, PlantedKind.SENTIMENT_SURGE, s.region(), "PUBLIC_SENTIMENT_INDEX", "", "",
          Period.month(s.from()).canonical(), Period.month(s.to()).canonical(), "burst of " + s.extraPerMonth() + " extra posts a month (" + pct(s.negativeShare())
              + " negative) about " + s.area().code() + " from " + s.from() + " to " + s.to());
    }
    for (Outage o : outages) {
      long days = java.time.Duration.between(o.from(), o.toExclusive()).toDays();
      add(out, PlantedKind.SENSOR_OUTAGE, o.region(), "", "", o.sensor(), time(o.from()),
          time(o.toExclusive().minusHours(1)), "no readings at all for " + days + " days");
    }
    for (Stuck s : stuck) {
      add(out, PlantedKind.SENSOR_STUCK, s.region(), "", "", s.sensor(), time(s.from()),
          time(s.from().plusHours(s.hours() - 1)), s.metric() + " repeats the value " + num(s.value()) + " for "
              + s.hours() + " hours");
    }
    for (Spike s : spikes) {
      add(out, PlantedKind.SENSOR_SPIKE, s.region(), "", "", s.sensor(), time(s.at()), time(s.at()),
          s.metric() + " = " + num(s.value()) + " for a single hour");
    }
    for (ClockSkew c : skews) {
      add(out, PlantedKind.SENSOR_CLOCK_SKEW, c.region(), "", "", c.sensor(), time(c.from()), "",
          "from " + time(c.from()) + " readings carry UTC wall-clock time without offset (8 hours early; read "
              + "with the registry's +08:00); the 8 hours after the switch were lost");
    }
    return out;
  }

  private static void add(List<PlantedItem> out, PlantedKind kind, String region, String indicator, String dept,
      String sensor, String from, String to, String detail) {
    out.add(new PlantedItem(String.format(Locale.ROOT, "P%03d", out.size() + 1), kind, region, indicator, dept,
        sensor, from, to, detail));
  }

  static String time(LocalDateTime t) {
    return t.toString().substring(0, 16) + "+08:00";
  }

  static String num(double v) {
    return new java.math.BigDecimal(Spellings.decimal(v, 2)).stripTrailingZeros().toPlainString();
  }

  private static String pct(double share) {
    return Spellings.decimal(100 * share, 0) + "%";
  }
}
