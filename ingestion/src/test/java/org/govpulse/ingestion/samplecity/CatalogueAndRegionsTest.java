package org.govpulse.ingestion.samplecity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue and the regions: sizes, weights and names that match unambiguously. */
class CatalogueAndRegionsTest {

  private final Catalogue catalogue = Catalogue.standard();

  @Test
  void the_catalogue_has_32_indicators_of_which_28_are_reported() {
    assertThat(catalogue.indicators()).hasSize(32);
    assertThat(catalogue.reportIndicators()).hasSize(28);
    assertThat(catalogue.departments()).extracting(Department::code)
        .containsExactly("DRC", "STATS", "FIN", "HRSS", "EEB", "HC", "EDU", "GSA", "TRA");
  }

  @Test
  void scorecard_weights_sum_to_one() {
    assertThat(catalogue.indicators().stream().mapToDouble(Indicator::weight).sum()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void indicator_codes_names_and_aliases_are_unique_ignoring_case() {
    Set<String> seen = new HashSet<>();
    for (Indicator i : catalogue.indicators()) {
      List<String> names = new ArrayList<>(List.of(i.code(), i.nameZh(), i.nameEn()));
      names.addAll(i.aliases());
      for (String n : names) {
        assertThat(seen.add(n.toLowerCase(Locale.ROOT))).as(n).isTrue();
      }
    }
  }

  @Test
  void every_indicator_uses_a_unit_of_the_unit_table_and_evidence_points_at_a_sensor_indicator() {
    for (Indicator i : catalogue.indicators()) {
      assertThat(LandingValidator.canonicalUnit(i.unit())).as(i.code()).isEqualTo(i.unit());
      if (!i.evidenceIndicator().isEmpty()) {
        assertThat(catalogue.indicator(i.evidenceIndicator()).source()).isEqualTo("sensors");
      }
    }
  }

  @Test
  void a_scaled_city_has_unique_region_names_under_the_matching_rule() {
    Regions regions = Regions.build(SampleCitySpec.defaults().withScale(20), new RandomStreams(42L));
    assertThat(regions.districts()).hasSize(240);
    Set<String> seen = new HashSet<>();
    for (Region r : regions.all()) {
      Set<String> own = new HashSet<>();
      List<String> names = new ArrayList<>(List.of(r.code(), r.nameZh(), r.nameEn()));
      names.addAll(r.aliases());
      names.forEach(n -> own.add(Regions.normalize(n)));
      for (String n : own) {
        assertThat(seen.add(n)).as(r.code() + " " + n).isTrue();
      }
    }
    for (String unknown : regions.unknownNames()) {
      assertThat(seen).doesNotContain(Regions.normalize(unknown));
    }
  }

  @Test
  void regions_range_from_rich_urban_districts_to_poorer_resource_rich_counties() {
    Regions regions = Regions.build(SampleCitySpec.defaults(), new RandomStreams(42L));
    assertThat(regions.districts()).hasSize(12).allSatisfy(r -> {
      assertThat(r.population()).isBetween(150_000L, 1_500_000L);
      assertThat(r.gdpPerCapita()).isBetween(45_000.0, 220_000.0);
      assertThat(r.urbanisation()).isBetween(35.0, 98.0);
      assertThat(r.resourceEndowment()).isBetween(0.0, 1.0);
    });
    Region richest = regions.districts().stream().filter(r -> r.tier().equals("T1"))
        .max((a, b) -> Double.compare(a.gdpPerCapita(), b.gdpPerCapita())).orElseThrow();
    Region poorest = regions.districts().stream().filter(r -> r.tier().equals("T3"))
        .min((a, b) -> Double.compare(a.gdpPerCapita(), b.gdpPerCapita())).orElseThrow();
    assertThat(richest.urbanisation()).isGreaterThan(poorest.urbanisation());
    assertThat(richest.resourceEndowment()).isLessThan(poorest.resourceEndowment());
    assertThat(regions.districts().stream().filter(r -> r.tier().equals("T1")).count()).isEqualTo(4);
  }
}
