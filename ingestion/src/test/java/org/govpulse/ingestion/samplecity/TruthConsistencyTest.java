package org.govpulse.ingestion.samplecity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The true series against the other files, recomputed from the CSVs only: targets are calibrated, air quality is
 * what the stations imply, definition breaks are visible. Uses a 12-district city with two months of sensors.
 */
class TruthConsistencyTest {

  @TempDir
  static Path out;

  static SampleCityResult city;
  static LandingValidator names;

  @BeforeAll
  static void generate() {
    city = new SampleCityGenerator(medium(42L)).generate(out);
  }

  static SampleCitySpec medium(long seed) {
    return SampleCitySpec.defaults().withSeed(seed).withSensorMonths(2).withPostsPerMonth(40);
  }

  @Test
  void about_four_in_five_targets_of_last_year_are_met_by_the_true_series() {
    double share = shareMet(city, 2025);
    System.out.printf("share of 2025 targets met (seed 42): %.3f%n", share);
    assertThat(share).isBetween(0.6, 0.9);
  }

  @ParameterizedTest
  @ValueSource(longs = {7L, 2024L})
  void target_calibration_holds_for_other_seeds(long seed, @TempDir Path dir) {
    SampleCityResult other = new SampleCityGenerator(medium(seed)).generate(dir);
    double share = shareMet(other, 2025);
    System.out.printf("share of 2025 targets met (seed %d): %.3f%n", seed, share);
    assertThat(share).isBetween(0.6, 0.9);
  }

  @Test
  void monthly_pm25_and_good_day_share_equal_what_fault_free_stations_imply() throws IOException {
    Map<String, String> stationRegion = new HashMap<>();
    Map<String, String> offsets = new HashMap<>();
    for (Map<String, String> s : GroundTruthTest.csv(city.landing().resolve("reference/sensors.csv"))) {
      if (s.get("kind").equals("air_quality")) {
        stationRegion.put(s.get("sensor_id"), s.get("region_code"));
        offsets.put(s.get("sensor_id"), s.get("utc_offset"));
      }
    }
    Set<String> faulty = new HashSet<>();
    GroundTruthTest.csv(city.groundTruth().resolve("planted.csv")).forEach(p -> {
      if (!p.get("sensor_id").isEmpty()) {
        faulty.add(stationRegion.get(p.get("sensor_id")));
      }
    });
    // station -> day -> metric -> hour -> value (first value received wins)
    Map<String, Map<LocalDate, Map<String, double[]>>> readings = new HashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(city.landing().resolve("sensors"))) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      for (LandingCsv.Row row : LandingCsv.read(f).rows()) {
        List<String> x = row.fields();
        String region = stationRegion.get(x.get(0));
        if (x.size() != 4 || region == null || faulty.contains(region)) {
          continue;
        }
        Instant ts = LandingValidator.sensorTime(x.get(1), offsets.get(x.get(0)));
        LandingValidator.ParsedValue v = LandingValidator.parseValue(x.get(3));
        if (ts == null || v == null || v.number().signum() < 0 || v.number().doubleValue() > 2000) {
          continue;
        }
        var local = ts.atOffset(ZoneOffset.ofHours(8)).toLocalDateTime();
        double[] hours = readings.computeIfAbsent(x.get(0), k -> new HashMap<>())
            .computeIfAbsent(local.toLocalDate(), k -> new HashMap<>())
            .computeIfAbsent(x.get(2), k -> filledWithNaN());
        if (Double.isNaN(hours[local.getHour()])) {
          hours[local.getHour()] = v.number().doubleValue();
        }
      }
    }
    Map<String, Double> truth = new HashMap<>();
    GroundTruthTest.csv(city.groundTruth().resolve("true_series.csv")).forEach(t -> truth.put(
        t.get("region_code") + "|" + t.get("indicator_code") + "|" + t.get("period"),
        Double.parseDouble(t.get("true_value"))));
    int compared = 0;
    for (YearMonth month : List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10))) {
      Map<String, List<String>> stationsByRegion = new TreeMap<>();
      stationRegion.forEach((s, r) -> {
        if (!faulty.contains(r)) {
          stationsByRegion.computeIfAbsent(r, k -> new ArrayList<>()).add(s);
        }
      });
      for (Map.Entry<String, List<String>> e : stationsByRegion.entrySet()) {
        double pmSum = 0;
        int good = 0;
        int days = month.lengthOfMonth();
        for (int d = 1; d <= days; d++) {
          double[] mean = new double[6];
          for (String station : e.getValue()) {
            Map<String, double[]> day = readings.get(station).get(month.atDay(d));
            String[] metrics = {"pm25", "pm10", "so2", "no2", "co", "o3"};
            for (int m = 0; m < 6; m++) {
              double[] h = day.get(metrics[m]);
              mean[m] += (m == 5 ? max8h(h) : average(h)) / e.getValue().size();
            }
          }
          pmSum += mean[0];
          if (AqiCalculator.dailyAqi(mean[0], mean[1], mean[2], mean[3], mean[4], mean[5]) <= 100) {
            good++;
          }
        }
        String key = e.getKey() + "|%s|" + month;
        assertThat(pmSum / days).as(key).isCloseTo(truth.get(key.formatted("PM25_MEAN")), within(0.5));
        assertThat(100.0 * good / days).as(key)
            .isCloseTo(truth.get(key.formatted("AQ_GOOD_DAYS_RATIO")), within(100.0 / days + 1e-9));
        compared++;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(4);
  }

  @Test
  void the_unemployment_definition_break_raises_every_region_by_about_0_8_points() {
    Map<String, Map<String, Double>> u = new HashMap<>();
    GroundTruthTest.csv(city.groundTruth().resolve("true_series.csv")).stream()
        .filter(t -> t.get("indicator_code").equals("URBAN_UNEMPLOYMENT"))
        .forEach(t -> u.computeIfAbsent(t.get("region_code"), k -> new HashMap<>())
            .put(t.get("period"), Double.parseDouble(t.get("true_value"))));
    double jump = u.values().stream().mapToDouble(s -> mean(s, "2024-01", "2024-02", "2024-03")
        - mean(s, "2023-10", "2023-11", "2023-12")).average().orElseThrow();
    assertThat(jump).isBetween(0.5, 1.1);
  }

  @Test
  void the_true_series_lists_every_district_report_indicator_and_reported_period() {
    long districts = GroundTruthTest.csv(city.landing().resolve("reference/regions.csv")).stream()
        .filter(r -> !r.get("level").equals("city")).count();
    // 2021-01..2026-10 monthly (70), 2021-Q1..2026-Q3 quarterly (23), 2021..2025 annual (5)
    long perRegion = 0;
    for (Map<String, String> i : GroundTruthTest.csv(city.landing().resolve("reference/indicators.csv"))) {
      if (i.get("source").equals("report")) {
        perRegion += switch (i.get("frequency")) {
          case "monthly" -> 70;
          case "quarterly" -> 23;
          default -> 5;
        };
      }
    }
    assertThat(GroundTruthTest.csv(city.groundTruth().resolve("true_series.csv"))).hasSize(
        (int) (districts * perRegion));
  }

  @Test
  void revisions_come_later_than_the_first_submission_and_change_the_value() {
    Map<String, String[]> first = new HashMap<>();
    List<Path> v1 = reportFiles("_v1.csv");
    for (Path f : v1) {
      for (String[] r : reportRecords(f)) {
        first.put(r[0], r);
      }
    }
    int revisions = 0;
    for (Path f : reportFiles("_v2.csv")) {
      for (String[] r : reportRecords(f)) {
        String[] original = first.get(r[0]);
        assertThat(original).as(f + " " + r[0]).isNotNull();
        assertThat(Instant.parse(r[2])).isAfter(Instant.parse(original[2]));
        assertThat(r[1]).isNotEqualTo(original[1]);
        revisions++;
      }
    }
    assertThat(revisions).isGreaterThan(100);
  }

  @Test
  void resent_files_are_byte_identical_copies_of_their_first_version() throws IOException {
    List<Path> resent = reportFiles("_resend.csv");
    for (Path f : resent) {
      Path original = f.resolveSibling(f.getFileName().toString().replace("_v1_resend.csv", "_v1.csv"));
      assertThat(Files.readAllBytes(f)).isEqualTo(Files.readAllBytes(original));
    }
  }

  @Test
  void stats_reports_gdp_in_wan_yuan_in_odd_years_and_yi_yuan_in_even_years() {
    Set<String> bad = new HashSet<>();
    GroundTruthTest.csv(city.groundTruth().resolve("bad_records.csv"))
        .forEach(b -> bad.add(b.get("file") + ":" + b.get("line")));
    for (Path f : reportFiles("_v1.csv")) {
      String rel = city.landing().relativize(f).toString().replace('\\', '/');
      if (!f.getFileName().toString().startsWith("STATS_") || !f.getFileName().toString().contains("-Q")) {
        continue;
      }
      int year = Integer.parseInt(f.getFileName().toString().substring(6, 10));
      LandingCsv.Parsed p = LandingCsv.read(f);
      assertThat(p.rows()).filteredOn(r -> r.fields().get(2).equals("GDP") && !bad.contains(rel + ":" + r.line()))
          .allSatisfy(r -> assertThat(r.fields().get(5)).isIn(year % 2 == 1 ? "万元" : "亿元", ""));
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Region, indicator and period of valid records; value canonical; submitted as an instant. */
  private static List<String[]> reportRecords(Path f) {
    if (names == null) {
      names = LandingValidator.reference(city.landing());
    }
    LandingCsv.Parsed p = LandingCsv.read(f);
    List<String> h = p.header().stream().map(String::trim).toList();
    int region = indexOf(h, "region", "地区");
    int indicator = indexOf(h, "indicator", "指标");
    int period = indexOf(h, "period", "期间");
    int value = indexOf(h, "value", "数值");
    int submitted = indexOf(h, "submitted_at", "报送时间");
    List<String[]> out = new ArrayList<>();
    for (LandingCsv.Row r : p.rows()) {
      List<String> x = r.fields();
      if (x.size() != h.size()) {
        continue;
      }
      LandingValidator.ParsedPeriod pp = LandingValidator.parsePeriod(x.get(period));
      Instant at = LandingValidator.parseTime(x.get(submitted));
      LandingValidator.ParsedValue v = LandingValidator.parseValue(x.get(value));
      String regionCode = names.regionCode(x.get(region));
      String indicatorCode = names.indicatorCode(x.get(indicator));
      if (pp == null || at == null || v == null || regionCode == null || indicatorCode == null) {
        continue;
      }
      out.add(new String[] {regionCode + "|" + indicatorCode + "|" + pp.canonical(), v.number().toPlainString(),
          at.toString()});
    }
    return out;
  }

  private static int indexOf(List<String> header, String en, String zh) {
    int i = header.indexOf(en);
    return i >= 0 ? i : header.indexOf(zh);
  }

  private static List<Path> reportFiles(String suffix) {
    try (Stream<Path> s = Files.walk(city.landing().resolve("reports"))) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static double[] filledWithNaN() {
    double[] a = new double[24];
    java.util.Arrays.fill(a, Double.NaN);
    return a;
  }

  private static double average(double[] h) {
    double s = 0;
    int n = 0;
    for (double v : h) {
      if (!Double.isNaN(v)) {
        s += v;
        n++;
      }
    }
    return s / n;
  }

  private static double max8h(double[] h) {
    double best = 0;
    for (int start = 0; start + 8 <= 24; start++) {
      double s = 0;
      int n = 0;
      for (int i = start; i < start + 8; i++) {
        if (!Double.isNaN(h[i])) {
          s += h[i];
          n++;
        }
      }
      best = n > 0 ? Math.max(best, s / n) : best;
    }
    return best;
  }

  private static double mean(Map<String, Double> series, String... periods) {
    double s = 0;
    for (String p : periods) {
      s += series.get(p);
    }
    return s / periods.length;
  }

  /**
   * Share of 2025 region-indicator targets met by the true series, resolved from the CSV files alone with the
   * documented rules: tiers are terciles of the mean z-score of log GDP per capita, urbanisation and log
   * population; an override wins over the tier rule, which wins over the {@code *} rule.
   */
  static double shareMet(SampleCityResult c, int year) {
    List<Map<String, String>> regions = GroundTruthTest.csv(c.landing().resolve("reference/regions.csv")).stream()
        .filter(r -> !r.get("level").equals("city")).toList();
    Map<String, String> tiers = tiers(regions);
    Map<String, Map<String, String>> indicators = new HashMap<>();
    GroundTruthTest.csv(c.landing().resolve("reference/indicators.csv"))
        .forEach(i -> indicators.put(i.get("indicator_code"), i));
    Map<String, Map<String, Double>> series = new HashMap<>();
    GroundTruthTest.csv(c.groundTruth().resolve("true_series.csv")).forEach(t -> series
        .computeIfAbsent(t.get("region_code") + "|" + t.get("indicator_code"), k -> new HashMap<>())
        .put(t.get("period"), Double.parseDouble(t.get("true_value"))));
    List<Map<String, String>> rules = GroundTruthTest.csv(c.landing().resolve("reference/target_rules.csv"));
    List<Map<String, String>> overrides = GroundTruthTest.csv(
        c.landing().resolve("reference/target_overrides.csv"));
    int total = 0;
    int met = 0;
    for (Map<String, String> r : regions) {
      String code = r.get("region_code");
      for (Map<String, String> ind : indicators.values()) {
        if (!ind.get("source").equals("report")) {
          continue;
        }
        String ic = ind.get("indicator_code");
        double sign = ind.get("polarity").equals("higher_better") ? 1 : -1;
        Double target = null;
        for (Map<String, String> o : overrides) {
          if (o.get("region_code").equals(code) && o.get("indicator_code").equals(ic)
              && o.get("horizon").equals("annual") && o.get("period").equals(Integer.toString(year))) {
            target = Double.parseDouble(o.get("target_value"));
          }
        }
        if (target == null) {
          Map<String, String> rule = null;
          for (Map<String, String> x : rules) {
            if (x.get("indicator_code").equals(ic) && x.get("horizon").equals("annual")
                && x.get("period").equals(Integer.toString(year))) {
              if (x.get("tier").equals(tiers.get(code))) {
                rule = x;
              } else if (x.get("tier").equals("*") && rule == null) {
                rule = x;
              }
            }
          }
          if (rule == null) {
            continue;
          }
          double parameter = Double.parseDouble(rule.get("parameter"));
          target = switch (rule.get("rule")) {
            case "absolute" -> parameter;
            case "improvement" -> annual(series.get(code + "|" + ic), ind, year - 1) + sign * parameter;
            default -> {
              List<Double> peers = new ArrayList<>();
              regions.stream().filter(x -> tiers.get(x.get("region_code")).equals(tiers.get(code)))
                  .forEach(x -> peers.add(sign * annual(series.get(x.get("region_code") + "|" + ic), ind, year)));
              yield sign * TargetBook.percentile(peers.stream().mapToDouble(d -> d).toArray(), parameter);
            }
          };
        }
        total++;
        if (sign * (annual(series.get(code + "|" + ic), ind, year) - target) >= -1e-6) {
          met++;
        }
      }
    }
    assertThat(total).isGreaterThan(100);
    return (double) met / total;
  }

  private static Map<String, String> tiers(List<Map<String, String>> regions) {
    int n = regions.size();
    double[] g = new double[n];
    double[] u = new double[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = Math.log(Double.parseDouble(regions.get(i).get("gdp_per_capita")));
      u[i] = Double.parseDouble(regions.get(i).get("urbanisation_rate"));
      p[i] = Math.log(Double.parseDouble(regions.get(i).get("population")));
    }
    double[] zg = Regions.zScores(g);
    double[] zu = Regions.zScores(u);
    double[] zp = Regions.zScores(p);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(zg[b] + zu[b] + zp[b], zg[a] + zu[a] + zp[a]));
    Map<String, String> out = new HashMap<>();
    for (int rank = 0; rank < n; rank++) {
      out.put(regions.get(order[rank]).get("region_code"), "T" + (1 + 3 * rank / n));
    }
    return out;
  }

  private static double annual(Map<String, Double> s, Map<String, String> ind, int year) {
    List<String> periods = switch (ind.get("frequency")) {
      case "monthly" -> Stream.iterate(1, m -> m + 1).limit(12).map(m -> String.format("%d-%02d", year, m)).toList();
      case "quarterly" -> Stream.iterate(1, q -> q + 1).limit(4).map(q -> year + "-Q" + q).toList();
      default -> List.of(Integer.toString(year));
    };
    List<Double> v = periods.stream().map(s::get).toList();
    return switch (ind.get("aggregation")) {
      case "sum" -> v.stream().mapToDouble(d -> d).sum();
      case "last" -> v.get(v.size() - 1);
      case "ratio" -> {
        double w = 0;
        double days = 0;
        for (int i = 0; i < v.size(); i++) {
          int d = YearMonth.of(year, i + 1).lengthOfMonth();
          w += d * v.get(i);
          days += d;
        }
        yield w / days;
      }
      default -> v.stream().mapToDouble(d -> d).average().orElseThrow();
    };
  }
}
