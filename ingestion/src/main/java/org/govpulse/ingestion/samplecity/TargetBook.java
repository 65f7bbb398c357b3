package org.govpulse.ingestion.samplecity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Targets of the city ({@code target_rules.csv}, {@code target_overrides.csv}) and how they resolve for a region.
 *
 * <p>Annual targets for the last whole year and the running year are calibrated on the true series so that about
 * four in five region-indicator targets are met: an {@code absolute} level is the 22nd percentile (from worst) of
 * the tier's values rounded towards easier, an {@code improvement} the 22nd percentile of the tier's changes over
 * the year before (never below 0), a {@code peer_relative} target the 25th or 30th percentile of the tier. Tiers are
 * the terciles of the development index (see {@link Region}). A handful of five-year-plan ({@code long_term})
 * levels and about ten explicit region overrides complete the book.
 *
 * <p>Resolution (also used by the tests): an override for the region, indicator and year wins; otherwise the rule
 * of the region's tier, otherwise the {@code *} rule. {@code improvement} means value(year) - value(year-1), times
 * -1 for lower-is-better indicators, at least the parameter; {@code peer_relative} with percentile P means at least
 * as good as the P-th percentile (linear interpolation, ranked from worst to best) of the tier's values that year.
 */
final class TargetBook {

  static final String ABSOLUTE = "absolute";
  static final String IMPROVEMENT = "improvement";
  static final String PEER_RELATIVE = "peer_relative";
  static final String ANNUAL = "annual";
  static final String LONG_TERM = "long_term";
  static final String ALL_TIERS = "*";

  /** Percentile (from worst) at which absolute and improvement targets are set. */
  private static final double CALIBRATION_PERCENTILE = 22;

  /** One row of target_rules.csv. */
  record Rule(String tier, String indicator, String horizon, String period, String rule, double parameter) {
  }

  /** One row of target_overrides.csv. */
  record Override(String region, String indicator, String horizon, String period, double targetValue,
      String note) {
  }

  /** Which scorecard indicators get annual targets, with which rule, per tier or for all tiers at once. */
  private static final Object[][] PLAN = {
      {"GDP_GROWTH", ABSOLUTE, true, 0},
      {"FAI_GROWTH", ABSOLUTE, false, 0},
      {"INDUSTRIAL_VA_GROWTH", ABSOLUTE, true, 0},
      {"URBAN_UNEMPLOYMENT", ABSOLUTE, false, 0},
      {"PENSION_COVERAGE", ABSOLUTE, true, 0},
      {"PER_CAPITA_INCOME", IMPROVEMENT, true, 0},
      {"AQ_GOOD_DAYS_RATIO", ABSOLUTE, true, 0},
      {"PM25_MEAN", IMPROVEMENT, false, 0},
      {"SURFACE_WATER_GOOD", ABSOLUTE, false, 0},
      {"ENERGY_INTENSITY_REDUCTION", ABSOLUTE, false, 0},
      {"FOREST_COVERAGE", IMPROVEMENT, false, 0},
      {"LIFE_EXPECTANCY", IMPROVEMENT, false, 0},
      {"INFANT_MORTALITY", ABSOLUTE, true, 0},
      {"HOSPITAL_BEDS_PER_1000", ABSOLUTE, true, 0},
      {"GP_SIGNUP_RATE", ABSOLUTE, true, 0},
      {"PRESCHOOL_ENROLMENT", ABSOLUTE, true, 0},
      {"HIGH_SCHOOL_ENROLMENT", ABSOLUTE, false, 0},
      {"STUDENT_TEACHER_RATIO", ABSOLUTE, true, 0},
      {"ONLINE_SERVICE_RATE", PEER_RELATIVE, true, 25},
      {"ONE_STOP_RATE", IMPROVEMENT, true, 0},
      {"HOTLINE_RESOLUTION_RATE", ABSOLUTE, true, 0},
      {"AVG_APPROVAL_DAYS", IMPROVEMENT, false, 0},
      {"BUS_PUNCTUALITY", PEER_RELATIVE, true, 25},
      {"ROAD_CONGESTION_INDEX", PEER_RELATIVE, true, 30},
  };

  private final Catalogue catalogue;
  private final Regions regions;
  private final TrueSeries truth;
  private final List<Rule> rules;
  private final List<Override> overrides;

  private TargetBook(Catalogue catalogue, Regions regions, TrueSeries truth, List<Rule> rules,
      List<Override> overrides) {
    this.catalogue = catalogue;
    this.regions = regions;
    this.truth = truth;
    this.rules = List.copyOf(rules);
    this.overrides = List.copyOf(overrides);
  }

  /** Calibrates rules and overrides on the true series (before the planted target misses). */
  static TargetBook calibrate(Catalogue catalogue, Regions regions, TrueSeries truth, Timeline timeline,
      RandomStreams streams) {
    List<Rule> rules = new ArrayList<>();
    TargetBook partial = new TargetBook(catalogue, regions, truth, rules, List.of());
    for (int year : new int[] {timeline.previousYear(), timeline.currentYear()}) {
      for (Object[] row : PLAN) {
        Indicator ind = catalogue.indicator((String) row[0]);
        String rule = (String) row[1];
        List<String> tiers = (boolean) row[2] ? List.of("T1", "T2", "T3") : List.of(ALL_TIERS);
        for (String tier : tiers) {
          List<Region> group = partial.group(tier);
          if (group.isEmpty()) {
            continue;
          }
          double parameter = switch (rule) {
            case ABSOLUTE -> partial.absoluteLevel(ind, group, year);
            case IMPROVEMENT -> partial.improvementLevel(ind, group, year);
            default -> ((Integer) row[3]).doubleValue();
          };
          rules.add(new Rule(tier, ind.code(), ANNUAL, Integer.toString(year), rule, parameter));
        }
      }
    }
    rules.addAll(partial.longTerm(timeline));
    List<Override> overrides = partial.overrides(timeline, streams.stream("targets/overrides"));
    return new TargetBook(catalogue, regions, truth, rules, overrides);
  }

  List<Rule> rules() {
    return rules;
  }

  List<Override> overrides() {
    return overrides;
  }

  /** The annual target value of a region for a year in the indicator's unit, if it has one. */
  OptionalDouble annualTarget(String region, String indicator, int year) {
    String period = Integer.toString(year);
    for (Override o : overrides) {
      if (o.region().equals(region) && o.indicator().equals(indicator) && o.horizon().equals(ANNUAL)
          && o.period().equals(period)) {
        return OptionalDouble.of(o.targetValue());
      }
    }
    Region r = regions.byCode(region);
    Rule chosen = null;
    for (Rule rule : rules) {
      if (rule.indicator().equals(indicator) && rule.horizon().equals(ANNUAL) && rule.period().equals(period)) {
        if (rule.tier().equals(r.tier())) {
          chosen = rule;
          break;
        }
        if (rule.tier().equals(ALL_TIERS) && chosen == null) {
          chosen = rule;
        }
      }
    }
    if (chosen == null) {
      return OptionalDouble.empty();
    }
    Indicator ind = catalogue.indicator(indicator);
    return OptionalDouble.of(switch (chosen.rule()) {
      case ABSOLUTE -> chosen.parameter();
      case IMPROVEMENT -> truth.annual(region, indicator, year - 1) + ind.sign() * chosen.parameter();
      default -> ind.sign() * percentile(goodness(ind, group(r.tier()), year), chosen.parameter());
    });
  }

  /** Whether a value meets a target of an indicator (at least as good, with a tiny tolerance). */
  static boolean meets(Indicator ind, double value, double target) {
    return ind.sign() * (value - target) >= -1e-9;
  }

  /** Share of region-indicator annual targets of a year that the true series meets. */
  double shareMet(int year) {
    int total = 0;
    int met = 0;
    for (Region r : regions.districts()) {
      for (Indicator ind : catalogue.reportIndicators()) {
        OptionalDouble t = annualTarget(r.code(), ind.code(), year);
        if (t.isPresent()) {
          total++;
          if (meets(ind, truth.annual(r.code(), ind.code(), year), t.getAsDouble())) {
            met++;
          }
        }
      }
    }
    return total == 0 ? 0 : (double) met / total;
  }

  private List<Region> group(String tier) {
    return regions.districts().stream().filter(r -> tier.equals(ALL_TIERS) || r.tier().equals(tier)).toList();
  }

  private double[] goodness(Indicator ind, List<Region> group, int year) {
    double[] g = new double[group.size()];
    for (int i = 0; i < g.length; i++) {
      g[i] = ind.sign() * truth.annual(group.get(i).code(), ind.code(), year);
    }
    return g;
  }

  private double absoluteLevel(Indicator ind, List<Region> group, int year) {
    double level = ind.sign() * percentile(goodness(ind, group, year), CALIBRATION_PERCENTILE);
    return roundEasier(level, ind.decimals(), ind.higherBetter());
  }

  private double improvementLevel(Indicator ind, List<Region> group, int year) {
    double[] change = new double[group.size()];
    for (int i = 0; i < change.length; i++) {
      String code = group.get(i).code();
      change[i] = ind.sign() * (truth.annual(code, ind.code(), year) - truth.annual(code, ind.code(), year - 1));
    }
    return Math.max(0, roundEasier(percentile(change, CALIBRATION_PERCENTILE), ind.decimals(), true));
  }

  private List<Rule> longTerm(Timeline timeline) {
    int y = timeline.previousYear();
    int start = Timeline.planStart(y);
    String span = start + "-" + (start + 4);
    String next = (start + 5) + "-" + (start + 9);
    List<Region> all = group(ALL_TIERS);
    List<Rule> out = new ArrayList<>();
    Indicator forest = catalogue.indicator("FOREST_COVERAGE");
    Indicator aq = catalogue.indicator("AQ_GOOD_DAYS_RATIO");
    Indicator pm = catalogue.indicator("PM25_MEAN");
    Indicator life = catalogue.indicator("LIFE_EXPECTANCY");
    Indicator online = catalogue.indicator("ONLINE_SERVICE_RATE");
    out.add(new Rule(ALL_TIERS, forest.code(), LONG_TERM, span, ABSOLUTE, absoluteLevel(forest, all, y)));
    out.add(new Rule(ALL_TIERS, aq.code(), LONG_TERM, span, ABSOLUTE, absoluteLevel(aq, all, y)));
    out.add(new Rule(ALL_TIERS, pm.code(), LONG_TERM, next, ABSOLUTE,
        roundEasier(0.85 * -percentile(goodness(pm, all, y), 50), 1, false)));
    out.add(new Rule(ALL_TIERS, life.code(), LONG_TERM, next, ABSOLUTE,
        roundEasier(percentile(goodness(life, all, y), 50) + 1.0, 1, true)));
    out.add(new Rule(ALL_TIERS, online.code(), LONG_TERM, next, ABSOLUTE, 98.0));
    return out;
  }

  /**
   * About ten explicit targets: district job targets handed down by the city (some met, some not), and a few
   * stricter or relaxed targets from responsibility letters.
   */
  private List<Override> overrides(Timeline timeline, SplittableRandom rnd) {
    List<Override> out = new ArrayList<>();
    List<Region> districts = new ArrayList<>(regions.districts());
    int prev = timeline.previousYear();
    int cur = timeline.currentYear();
    Indicator jobs = catalogue.indicator("NEW_URBAN_JOBS");
    for (int year : new int[] {prev, cur}) {
      int count = year == prev ? 4 : 3;
      for (Region r : sample(districts, count, rnd)) {
        double last = truth.annual(r.code(), jobs.code(), year - 1);
        double target = Math.round(last * RandomStreams.uniform(rnd, 0.93, 1.06) / 10.0) * 10.0;
        out.add(new Override(r.code(), jobs.code(), ANNUAL, Integer.toString(year), target,
            "municipal employment task assigned to the " + r.level() + " (市下达就业目标)"));
      }
    }
    String[] candidates = {"PM25_MEAN", "HOTLINE_RESOLUTION_RATE", "GP_SIGNUP_RATE", "PRESCHOOL_ENROLMENT",
        "URBAN_UNEMPLOYMENT"};
    for (int k = 0; k < 3; k++) {
      Region r = districts.get(rnd.nextInt(districts.size()));
      Indicator ind = catalogue.indicator(candidates[rnd.nextInt(candidates.length)]);
      boolean strict = k != 1;
      double value = truth.annual(r.code(), ind.code(), prev);
      double unitStep = Math.max(Math.abs(value) * 0.03, StrictMath.pow(10, -ind.decimals()));
      double target = value + ind.sign() * (strict ? unitStep : -unitStep);
      BigDecimal rounded = new BigDecimal(Spellings.decimal(target, ind.decimals()));
      String note = strict ? "stricter target agreed in the responsibility letter (目标责任书)"
          : "target relaxed after the flood season (汛期后调整)";
      if (out.stream().noneMatch(o -> o.region().equals(r.code()) && o.indicator().equals(ind.code()))) {
        out.add(new Override(r.code(), ind.code(), ANNUAL, Integer.toString(prev), rounded.doubleValue(), note));
      }
    }
    return out;
  }

  private static List<Region> sample(List<Region> from, int count, SplittableRandom rnd) {
    List<Region> copy = new ArrayList<>(from);
    List<Region> out = new ArrayList<>();
    while (out.size() < count && !copy.isEmpty()) {
      out.add(copy.remove(rnd.nextInt(copy.size())));
    }
    out.sort((a, b) -> a.code().compareTo(b.code()));
    return out;
  }

  /** Linear-interpolation percentile (0-100) of values sorted ascending. */
  static double percentile(double[] values, double p) {
    double[] v = values.clone();
    Arrays.sort(v);
    if (v.length == 1) {
      return v[0];
    }
    double pos = p / 100.0 * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(v.length - 1, lo + 1);
    return v[lo] + (pos - lo) * (v[hi] - v[lo]);
  }

  /** Rounds to the decimals in the direction that makes the target easier to meet. */
  static double roundEasier(double v, int decimals, boolean higherBetter) {
    // Snap the exact binary value to a few extra digits first, so 5.3 (stored as 5.2999...) floors to 5.3.
    return new BigDecimal(v).setScale(decimals + 6, RoundingMode.HALF_UP)
        .setScale(decimals, higherBetter ? RoundingMode.FLOOR : RoundingMode.CEILING).doubleValue();
  }
}
