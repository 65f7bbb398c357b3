package org.govpulse.ingestion.samplecity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Decides, from the seed, what to plant where: falsifications, troubles and sensor faults, spread over different
 * regions, departments and stations. At scale s every count is multiplied by {@code max(1, round(s))}.
 * Magnitudes that depend on targets (target misses, suspicious revisions) are settled after calibration.
 */
final class PlantingPlanner {

  private static final List<String> SMOOTH_CANDIDATES = List.of("GDP_GROWTH", "INDUSTRIAL_VA_GROWTH", "FAI_GROWTH",
      "URBAN_UNEMPLOYMENT", "HOTLINE_RESOLUTION_RATE", "BUS_PUNCTUALITY");
  private static final List<String> TARGET_MISS_CANDIDATES = List.of("FAI_GROWTH", "INDUSTRIAL_VA_GROWTH",
      "URBAN_UNEMPLOYMENT", "SURFACE_WATER_GOOD", "GP_SIGNUP_RATE", "ONE_STOP_RATE", "HOTLINE_RESOLUTION_RATE",
      "AVG_APPROVAL_DAYS");
  private static final List<String> LATE_CANDIDATES = List.of("DRC", "STATS", "FIN", "HRSS", "EEB", "GSA", "TRA");

  private final SampleCitySpec spec;
  private final Catalogue catalogue;
  private final Regions regions;
  private final SensorNetwork network;
  private final AirQualityModel air;
  private final TrueSeries truth;
  private final Timeline timeline;
  private final SplittableRandom rnd;
  private final int copies;
  private final Map<String, Integer> regionUse = new HashMap<>();
  private final Set<String> claimed = new HashSet<>();

  PlantingPlanner(SampleCitySpec spec, Catalogue catalogue, Regions regions, SensorNetwork network,
      AirQualityModel air, TrueSeries truth, Timeline timeline, RandomStreams streams) {
    this.spec = spec;
    this.catalogue = catalogue;
    this.regions = regions;
    this.network = network;
    this.air = air;
    this.truth = truth;
    this.timeline = timeline;
    this.rnd = streams.stream("plants");
    this.copies = Math.max(1, (int) Math.round(spec.scale()));
  }

  /** Everything that does not depend on targets. */
  Plants planBeforeTargets() {
    Plants plants = new Plants();
    late(plants);
    smooth(plants);
    digitPreference(plants);
    contradictions(plants);
    periodEndSpike(plants);
    inflated(plants);
    qualityDrops(plants);
    targetMissCandidates(plants);
    surge(plants);
    sensorFaults(plants);
    return plants;
  }

  /** Suspicious revisions: region-indicators that truly miss last year's target get revised just past it. */
  void planAfterTargets(Plants plants, TargetBook targets) {
    Period annual = timeline.lastDue(Frequency.ANNUAL);
    String lateDept = plants.late.isEmpty() ? "" : plants.late.get(0).dept();
    List<String[]> candidates = new ArrayList<>();
    for (Indicator ind : catalogue.reportIndicators()) {
      if (ind.frequency() != Frequency.ANNUAL || ind.deptCode().equals(lateDept)) {
        continue;
      }
      for (Region r : regions.districts()) {
        OptionalDouble t = targets.annualTarget(r.code(), ind.code(), annual.year());
        if (t.isPresent() && !claimed.contains(key(r.code(), ind.code()))
            && !TargetBook.meets(ind, truth.get(r.code(), ind.code(), annual), t.getAsDouble())) {
          candidates.add(new String[] {r.code(), ind.code()});
        }
      }
    }
    Set<String> usedDepts = new HashSet<>();
    LocalDate deadline = annual.dueDate();
    for (int n = 0; n < 2 * copies && !candidates.isEmpty(); n++) {
      List<String[]> fresh = candidates.stream()
          .filter(c -> !usedDepts.contains(catalogue.indicator(c[1]).deptCode())).toList();
      List<String[]> pool = fresh.isEmpty() ? candidates : fresh;
      int least = pool.stream().mapToInt(x -> regionUse.getOrDefault(x[0], 0)).min().orElse(0);
      String[] c = RandomStreams.pick(rnd, pool.stream()
          .filter(x -> regionUse.getOrDefault(x[0], 0) == least).toList());
      regionUse.merge(c[0], 1, Integer::sum);
      candidates.remove(c);
      Indicator ind = catalogue.indicator(c[1]);
      usedDepts.add(ind.deptCode());
      double target = targets.annualTarget(c[0], c[1], annual.year()).orElseThrow();
      double step = StrictMath.pow(10, -ind.decimals());
      double first = TargetBook.roundEasier(truth.get(c[0], c[1], annual), ind.decimals(), !ind.higherBetter());
      double revised = TargetBook.roundEasier(target + ind.sign() * step * (1 + rnd.nextInt(3)), ind.decimals(),
          ind.higherBetter());
      LocalDateTime firstAt = deadline.minusDays(25 + rnd.nextInt(5)).atTime(9 + rnd.nextInt(8), rnd.nextInt(60));
      LocalDateTime revisedAt = deadline.minusDays(1 + rnd.nextInt(5)).atTime(9 + rnd.nextInt(8), rnd.nextInt(60));
      if (revisedAt.isAfter(timeline.cutoff().minusMinutes(1))) {
        continue;
      }
      claim(c[0], c[1]);
      plants.suspiciousRevisions.add(new Plants.SuspiciousRevision(c[0], c[1], ind.deptCode(), annual, first,
          revised, target, firstAt, revisedAt));
    }
  }

  private void late(Plants plants) {
    String dept = RandomStreams.pick(rnd, LATE_CANDIDATES);
    plants.late.add(new Plants.LateReporting(dept, timeline.firstReported(Frequency.MONTHLY),
        timeline.lastDue(Frequency.MONTHLY), 0.8, 20, 60));
  }

  private void smooth(Plants plants) {
    List<String> pool = shuffled(SMOOTH_CANDIDATES);
    Set<String> depts = new HashSet<>();
    int made = 0;
    for (int pass = 0; pass < 2 && made < 2 * copies; pass++) {
      for (String code : pool) {
        Indicator ind = catalogue.indicator(code);
        if (made >= 2 * copies || (pass == 0 && depts.contains(ind.deptCode()))) {
          continue;
        }
        Region r = pickRegion(x -> !claimed.contains(key(x.code(), code)));
        Period from = later(timeline.firstReported(ind.frequency()),
            Period.containing(ind.frequency(), YearMonth.of(timeline.previousYear() - 2, 1)));
        Period to = earlier(timeline.lastDue(ind.frequency()),
            Period.containing(ind.frequency(), YearMonth.of(timeline.previousYear(), 12)));
        double sum = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        int n = 0;
        for (Period p = from; p.compareTo(to) <= 0; p = p.next()) {
          double v = truth.get(r.code(), code, p);
          sum += v;
          min = Math.min(min, v);
          max = Math.max(max, v);
          n++;
        }
        double center = Math.round(sum / n * 10) / 10.0;
        claim(r.code(), code);
        depts.add(ind.deptCode());
        plants.smooth.add(new Plants.Smooth(r.code(), code, ind.deptCode(), from, to, center, 0.05, min, max));
        made++;
      }
    }
  }

  private void digitPreference(Plants plants) {
    for (int n = 0; n < 2 * copies; n++) {
      boolean fives = n % 2 == 0;
      String code = fives ? "NEW_URBAN_JOBS" : "FISCAL_REVENUE";
      Region r = pickRegion(x -> !claimed.contains(key(x.code(), code)));
      claim(r.code(), code);
      plants.digitPreference.add(new Plants.DigitPreference(r.code(), code, catalogue.indicator(code).deptCode(),
          timeline.firstReported(Frequency.MONTHLY), timeline.lastDue(Frequency.MONTHLY), fives ? "fives" : "eights",
          fives ? 0.9 : 0.75));
    }
  }

  private void contradictions(Plants plants) {
    List<YearMonth> months = timeline.sensorMonths();
    for (int n = 0; n < 2 * copies; n++) {
      String code = n % 2 == 0 ? "AQ_GOOD_DAYS_RATIO" : "PM25_MEAN";
      Region r = pickRegion(x -> !claimed.contains(key(x.code(), code)));
      int length = Math.min(months.size(), 6 + rnd.nextInt(4));
      int start = rnd.nextInt(months.size() - length + 1);
      double amount = code.equals("PM25_MEAN") ? RandomStreams.uniform(rnd, 0.65, 0.75)
          : RandomStreams.uniform(rnd, 15, 22);
      claim(r.code(), code);
      plants.contradictions.add(new Plants.Contradiction(r.code(), code, Period.month(months.get(start)),
          Period.month(months.get(start + length - 1)), Math.round(amount * 100) / 100.0));
    }
  }

  private void periodEndSpike(Plants plants) {
    String code = "FISCAL_REVENUE";
    for (int n = 0; n < copies; n++) {
      Region r = pickRegion(x -> !claimed.contains(key(x.code(), code)));
      Map<Integer, Double> factors = new LinkedHashMap<>();
      Period first = null;
      Period last = null;
      for (Period p : timeline.reportPeriods(Frequency.MONTHLY)) {
        if (p.index() == 12) {
          factors.put(p.year(), Math.round(RandomStreams.uniform(rnd, 1.25, 1.40) * 100) / 100.0);
          first = first == null ? p : first;
          last = p;
        }
      }
      if (first == null) {
        return;
      }
      claim(r.code(), code);
      plants.periodEndSpikes.add(new Plants.PeriodEndSpike(r.code(), code, "FIN", first, last, factors));
    }
  }

  private void inflated(Plants plants) {
    String code = "RETAIL_SALES";
    for (int n = 0; n < copies; n++) {
      Region r = pickRegion(x -> !claimed.contains(key(x.code(), code)));
      claim(r.code(), code);
      plants.inflated.add(new Plants.Inflated(r.code(), code, "STATS", timeline.firstReported(Frequency.MONTHLY),
          timeline.lastDue(Frequency.MONTHLY), 1.15));
    }
  }

  private void qualityDrops(Plants plants) {
    YearMonth postsTo = timeline.postMonths().get(timeline.postMonths().size() - 1);
    YearMonth earliest = later(spec.postsFrom().plusMonths(3), YearMonth.of(timeline.previousYear(), 6));
    YearMonth latest = earlier(YearMonth.of(timeline.currentYear(), 5), postsTo.minusMonths(2));
    if (latest.isBefore(earliest)) {
      latest = earliest;
    }
    int span = (latest.getYear() * 12 + latest.getMonthValue()) - (earliest.getYear() * 12
        + earliest.getMonthValue());
    for (int n = 0; n < 2 * copies; n++) {
      boolean gov = n % 2 == 0;
      ServiceArea area = gov ? ServiceArea.GOVERNMENT_SERVICES : ServiceArea.TRANSPORT;
      Map<String, Double> changes = new LinkedHashMap<>();
      if (gov) {
        changes.put("HOTLINE_RESOLUTION_RATE", round2(-8 + RandomStreams.gaussian(rnd)));
        changes.put("ONE_STOP_RATE", round2(-6 + RandomStreams.gaussian(rnd)));
        changes.put("AVG_APPROVAL_DAYS", round2(3 + 0.5 * RandomStreams.gaussian(rnd)));
      } else {
        changes.put("BUS_PUNCTUALITY", round2(-7 + RandomStreams.gaussian(rnd)));
        changes.put("ROAD_CONGESTION_INDEX", round2(0.2 + 0.03 * RandomStreams.gaussian(rnd)));
      }
      Region r = pickRegion(x -> changes.keySet().stream().noneMatch(c -> claimed.contains(key(x.code(), c))));
      changes.keySet().forEach(c -> claim(r.code(), c));
      YearMonth onset = earliest.plusMonths(span <= 0 ? 0 : rnd.nextInt(span + 1));
      String main = gov ? "HOTLINE_RESOLUTION_RATE" : "BUS_PUNCTUALITY";
      plants.qualityDrops.add(new Plants.QualityDrop(r.code(), area, main, gov ? "GSA" : "TRA", onset, postsTo,
          changes, 1.2));
    }
  }

  private void targetMissCandidates(Plants plants) {
    List<String> pool = shuffled(TARGET_MISS_CANDIDATES);
    int asOfMonth = timeline.asOf().getMonthValue();
    int latestOnset = Math.max(1, Math.min(6, asOfMonth - 4));
    for (int n = 0; n < 4 * copies; n++) {
      String code = pool.get(n % pool.size());
      Indicator ind = catalogue.indicator(code);
      Region r = pickRegion(x -> !claimed.contains(key(x.code(), code)));
      claim(r.code(), code);
      int month = latestOnset <= 2 ? latestOnset : 2 + rnd.nextInt(latestOnset - 1);
      Period onset = Period.containing(ind.frequency(), YearMonth.of(timeline.currentYear(), month));
      plants.targetMisses.add(new Plants.TargetMiss(r.code(), code, onset, timeline.lastDue(ind.frequency()),
          Double.NaN, Double.NaN, Double.NaN));
    }
  }

  private void surge(Plants plants) {
    List<YearMonth> months = timeline.postMonths();
    long population = regions.districts().stream().mapToLong(Region::population).sum();
    for (int n = 0; n < copies; n++) {
      Region r = pickRegion(x -> true);
      ServiceArea area = RandomStreams.pick(rnd, ServiceArea.values());
      int length = 1 + rnd.nextInt(2);
      int first = Math.min(months.size() - 1, 3);
      int start = first + rnd.nextInt(Math.max(1, months.size() - first - length + 1));
      YearMonth from = months.get(Math.min(start, months.size() - 1));
      YearMonth to = months.get(Math.min(start + length - 1, months.size() - 1));
      double cell = spec.scaledPostsPerMonth() * (double) r.population() / population * area.postShare();
      plants.surges.add(new Plants.Surge(r.code(), area, from, to, (int) Math.max(25, Math.round(6 * cell)), 0.9));
    }
  }

  private void sensorFaults(Plants plants) {
    List<Sensor> stations = new ArrayList<>(network.airStations());
    LocalDate first = timeline.sensorFirstDay();
    int days = (int) (timeline.sensorEndExclusive().toEpochDay() - first.toEpochDay());
    List<Sensor> free = shuffled(stations);
    Set<String> noSpike = new HashSet<>();
    for (int n = 0; n < copies; n++) {
      Sensor s = take(free, stations, x -> x.writesLocalTime());
      LocalDateTime from = first.plusDays(Math.min(days - 1, 2 + rnd.nextInt(Math.max(1, days - 3))))
          .atTime(rnd.nextInt(24), 0);
      plants.skews.add(new Plants.ClockSkew(s.id(), s.regionCode(), from));
      noSpike.add(s.id());
    }
    for (int n = 0; n < 2 * copies; n++) {
      Sensor s = take(free, stations, x -> true);
      int duration = Math.min(days - 1, 3 + rnd.nextInt(8));
      int startDay = rnd.nextInt(Math.max(1, days - duration));
      LocalDateTime from = first.plusDays(startDay).atTime(rnd.nextInt(24), 0);
      LocalDateTime to = from.plusDays(duration);
      LocalDateTime end = timeline.sensorEndExclusive().atStartOfDay();
      plants.outages.add(new Plants.Outage(s.id(), s.regionCode(), from, to.isAfter(end) ? end : to));
      noSpike.add(s.id());
    }
    for (int n = 0; n < 2 * copies; n++) {
      Sensor s = take(free, stations, x -> true);
      int metric = rnd.nextInt(SensorNetwork.AIR_METRICS.size());
      int hours = 24 + rnd.nextInt(49);
      long totalHours = days * 24L;
      long startHour = rnd.nextLong(Math.max(1, totalHours - hours));
      LocalDateTime from = first.atStartOfDay().plusHours(startHour);
      double value = air.stationHours(s, from.toLocalDate())[metric][from.getHour()];
      plants.stuck.add(new Plants.Stuck(s.id(), s.regionCode(), SensorNetwork.AIR_METRICS.get(metric), from,
          hours, value));
      noSpike.add(s.id());
    }
    List<Sensor> spikeable = stations.stream().filter(s -> !noSpike.contains(s.id())).toList();
    if (spikeable.isEmpty()) {
      spikeable = stations;
    }
    for (int n = 0; n < 3 * copies; n++) {
      Sensor s = RandomStreams.pick(rnd, spikeable);
      String[] metrics = {"pm25", "pm10", "no2"};
      String metric = metrics[n % metrics.length];
      double value = switch (metric) {
        case "pm25" -> RandomStreams.uniform(rnd, 850, 1500);
        case "pm10" -> RandomStreams.uniform(rnd, 1000, 1900);
        default -> RandomStreams.uniform(rnd, 350, 600);
      };
      LocalDateTime at = first.atStartOfDay().plusHours(rnd.nextLong(days * 24L));
      for (int attempt = 0; attempt < 50 && silentOrFaulty(plants, s, at); attempt++) {
        at = first.atStartOfDay().plusHours(rnd.nextLong(days * 24L));
      }
      plants.spikes.add(new Plants.Spike(s.id(), s.regionCode(), metric, at, Math.round(value * 10) / 10.0));
    }
  }

  /** Whether a station is silent, skewed or stuck at that hour (a spike there would be lost or ambiguous). */
  private static boolean silentOrFaulty(Plants plants, Sensor s, LocalDateTime at) {
    boolean outage = plants.outages.stream().anyMatch(o -> o.sensor().equals(s.id()) && !at.isBefore(o.from())
        && at.isBefore(o.toExclusive()));
    boolean skewed = plants.skews.stream().anyMatch(c -> c.sensor().equals(s.id()) && !at.isBefore(c.from()));
    boolean stuck = plants.stuck.stream().anyMatch(x -> x.sensor().equals(s.id()) && !at.isBefore(x.from())
        && at.isBefore(x.from().plusHours(x.hours())));
    return outage || skewed || stuck;
  }

  private Sensor take(List<Sensor> free, List<Sensor> all, Predicate<Sensor> ok) {
    for (int i = 0; i < free.size(); i++) {
      if (ok.test(free.get(i))) {
        return free.remove(i);
      }
    }
    List<Sensor> fallback = all.stream().filter(ok).toList();
    return RandomStreams.pick(rnd, fallback.isEmpty() ? all : fallback);
  }

  /** A region satisfying the predicate among the least used so far; spreads plants over the city. */
  private Region pickRegion(Predicate<Region> ok) {
    List<Region> candidates = regions.districts().stream().filter(ok).toList();
    if (candidates.isEmpty()) {
      candidates = regions.districts();
    }
    int least = candidates.stream().mapToInt(r -> regionUse.getOrDefault(r.code(), 0)).min().orElse(0);
    List<Region> best = candidates.stream().filter(r -> regionUse.getOrDefault(r.code(), 0) == least).toList();
    Region r = RandomStreams.pick(rnd, best);
    regionUse.merge(r.code(), 1, Integer::sum);
    return r;
  }

  private void claim(String region, String indicator) {
    claimed.add(key(region, indicator));
  }

  private static String key(String region, String indicator) {
    return region + "|" + indicator;
  }

  private <T> List<T> shuffled(List<T> in) {
    List<T> list = new ArrayList<>(in);
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
    return list;
  }

  private static Period later(Period a, Period b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Period earlier(Period a, Period b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static YearMonth later(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }

  private static YearMonth earlier(YearMonth a, YearMonth b) {
    return a.isBefore(b) ? a : b;
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
