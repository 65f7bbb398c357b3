package org.govpulse.ingestion.samplecity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every planted falsification and trouble is visible in the landing files when they are read the way a correct
 * ingestion reads them (latest accepted submission per region, indicator and period). Uses the 1x city with one
 * month of sensors.
 */
class PlantedEffectsTest {

  @TempDir
  static Path out;

  static SampleCityResult city;
  static LandingValidator.Result landing;
  static Map<String, Double> truth = new HashMap<>();

  @BeforeAll
  static void generate() {
    city = new SampleCityGenerator(SampleCitySpec.defaults().withSensorMonths(1)).generate(out);
    landing = LandingValidator.validate(city.landing(), Instant.now());
    GroundTruthTest.csv(city.groundTruth().resolve("true_series.csv")).forEach(t -> truth.put(
        t.get("region_code") + "|" + t.get("indicator_code") + "|" + t.get("period"),
        Double.parseDouble(t.get("true_value"))));
  }

  @Test
  void an_inflated_series_is_reported_about_15_percent_above_the_truth() {
    for (PlantedItem p : planted(PlantedKind.INFLATED)) {
      List<Double> ratios = new ArrayList<>();
      forEachReported(p, (period, value) -> ratios.add(value / truth.get(key(p, period))));
      assertThat(mean(ratios)).isBetween(1.13, 1.17);
    }
  }

  @Test
  void a_smooth_series_varies_far_less_than_the_truth() {
    for (PlantedItem p : planted(PlantedKind.SMOOTH_SERIES)) {
      List<Double> reported = new ArrayList<>();
      List<Double> real = new ArrayList<>();
      forEachReported(p, (period, value) -> {
        if (period.compareTo(p.periodFrom()) >= 0 && period.compareTo(p.periodTo()) <= 0) {
          reported.add(value);
          real.add(truth.get(key(p, period)));
        }
      });
      assertThat(reported.size()).isGreaterThanOrEqualTo(10);
      assertThat(sd(reported)).isLessThan(0.1).isLessThan(sd(real) / 5);
    }
  }

  @Test
  void digit_preference_makes_some_last_digits_dominate() {
    for (PlantedItem p : planted(PlantedKind.DIGIT_PREFERENCE)) {
      boolean fives = p.indicatorCode().equals("NEW_URBAN_JOBS");
      List<Long> last = new ArrayList<>();
      forEachReported(p, (period, value) -> last.add(Math.floorMod(Math.round(fives ? value : value * 1e4), 10L)));
      long preferred = last.stream().filter(d -> fives ? d == 0 || d == 5 : d == 8).count();
      assertThat((double) preferred / last.size()).as(p.detail()).isGreaterThan(0.6);
    }
  }

  @Test
  void sensor_contradictions_report_air_quality_better_than_the_stations_imply() {
    for (PlantedItem p : planted(PlantedKind.SENSOR_CONTRADICTION)) {
      forEachReported(p, (period, value) -> {
        if (period.compareTo(p.periodFrom()) >= 0 && period.compareTo(p.periodTo()) <= 0) {
          double t = truth.get(key(p, period));
          if (p.indicatorCode().equals("PM25_MEAN")) {
            assertThat(value).isLessThan(0.8 * t);
          } else if (t < 99) {
            assertThat(value).isGreaterThan(t + 1);
          }
        }
      });
    }
  }

  @Test
  void december_spikes_inflate_every_december_by_a_quarter_or_more() {
    for (PlantedItem p : planted(PlantedKind.PERIOD_END_SPIKE)) {
      forEachReported(p, (period, value) -> {
        double ratio = value / truth.get(key(p, period));
        if (period.endsWith("-12")) {
          assertThat(ratio).as(period).isGreaterThan(1.2);
        } else {
          assertThat(ratio).as(period).isBetween(0.97, 1.03);
        }
      });
    }
  }

  @Test
  void suspicious_revisions_end_above_the_truth_for_the_annual_value() {
    for (PlantedItem p : planted(PlantedKind.SUSPICIOUS_REVISION)) {
      String k = key(p, p.periodFrom());
      double sign = polarity(p.indicatorCode());
      assertThat(sign * (landing.reported().get(k) - truth.get(k))).as(p.detail()).isPositive();
      assertThat(landing.submitted().get(k)).isBefore(LocalDate.of(2026, 4, 1).atStartOfDay()
          .toInstant(ZoneOffset.ofHours(8)));
    }
  }

  @Test
  void the_late_department_submits_most_reports_weeks_after_the_due_date() {
    PlantedItem late = planted(PlantedKind.LATE_REPORTING).get(0);
    List<Long> delays = new ArrayList<>();
    landing.submitted().forEach((k, at) -> {
      String[] parts = k.split("\\|");
      String dept = catalogueDept(parts[1]);
      if (dept.equals(late.deptCode()) && parts[2].length() == 7 && !parts[2].contains("Q")) {
        LocalDate due = YearMonth.parse(parts[2]).plusMonths(1).atDay(15);
        delays.add(ChronoUnit.DAYS.between(due, at.atOffset(ZoneOffset.ofHours(8)).toLocalDate()));
      }
    });
    long late20 = delays.stream().filter(d -> d >= 19).count();
    assertThat((double) late20 / delays.size()).isGreaterThan(0.6);
  }

  @Test
  void target_misses_deteriorate_after_their_onset() {
    for (PlantedItem p : planted(PlantedKind.TARGET_MISS)) {
      double sign = polarity(p.indicatorCode());
      List<Double> before = new ArrayList<>();
      List<Double> after = new ArrayList<>();
      truth.forEach((k, v) -> {
        String[] parts = k.split("\\|");
        if (parts[0].equals(p.regionCode()) && parts[1].equals(p.indicatorCode()) && parts[2].startsWith("2026")) {
          (parts[2].compareTo(p.periodFrom()) < 0 ? before : after).add(v);
        }
      });
      List<Double> lastYear = new ArrayList<>();
      truth.forEach((k, v) -> {
        String[] parts = k.split("\\|");
        if (parts[0].equals(p.regionCode()) && parts[1].equals(p.indicatorCode()) && parts[2].startsWith("2025")) {
          lastYear.add(v);
        }
      });
      double reference = before.isEmpty() ? mean(lastYear) : mean(before);
      assertThat(sign * (mean(after) - reference)).as(p.detail()).isNegative();
    }
  }

  @Test
  void a_service_quality_drop_lowers_survey_scores_of_its_area_and_region() {
    for (PlantedItem p : planted(PlantedKind.SERVICE_QUALITY_DROP)) {
      String area = p.detail().substring(0, p.detail().indexOf(' '));
      String zh = ServiceArea.valueOf(area.toUpperCase()).nameZh();
      List<Double> before = new ArrayList<>();
      List<Double> after = new ArrayList<>();
      LandingValidator names = LandingValidator.reference(city.landing());
      YearMonth onset = YearMonth.parse(p.periodFrom());
      for (java.nio.file.Path f : surveyFiles()) {
        for (Map<String, String> r : GroundTruthTest.csv(f)) {
          String a = r.get("service_area");
          if (!(a.equals(area) || a.equals(zh)) || !p.regionCode().equals(names.regionCode(r.get("region")))
              || !r.get("score").matches("[1-5]")) {
            continue;
          }
          YearMonth m = YearMonth.from(LocalDate.parse(r.get("surveyed_on")));
          (m.isBefore(onset) ? before : m.isAfter(onset.plusMonths(2)) ? after : new ArrayList<Double>())
              .add(Double.parseDouble(r.get("score")));
        }
      }
      assertThat(mean(after)).as(p.detail()).isLessThan(mean(before) - 0.3);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static List<java.nio.file.Path> surveyFiles() {
    try (var s = java.nio.file.Files.walk(city.landing().resolve("surveys"))) {
      return s.filter(java.nio.file.Files::isRegularFile).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String catalogueDept(String indicator) {
    return Catalogue.standard().indicator(indicator).deptCode();
  }

  private static double polarity(String indicator) {
    return Catalogue.standard().indicator(indicator).sign();
  }

  private static List<PlantedItem> planted(PlantedKind kind) {
    List<PlantedItem> items = city.planted().stream().filter(p -> p.kind() == kind).toList();
    assertThat(items).as(kind.code()).isNotEmpty();
    return items;
  }

  private static String key(PlantedItem p, String period) {
    return p.regionCode() + "|" + p.indicatorCode() + "|" + period;
  }

  private static void forEachReported(PlantedItem p, java.util.function.BiConsumer<String, Double> action) {
    String prefix = p.regionCode() + "|" + p.indicatorCode() + "|";
    landing.reported().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> action.accept(e.getKey().substring(prefix.length()), e.getValue()));
  }

  private static double mean(List<Double> v) {
    return v.stream().mapToDouble(d -> d).average().orElse(Double.NaN);
  }

  private static double sd(List<Double> v) {
    double m = mean(v);
    return Math.sqrt(v.stream().mapToDouble(d -> (d - m) * (d - m)).sum() / v.size());
  }
}
