package org.govpulse.analytics.typology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegionTypologyTest {
  private final List<RegionAttributes> regions = List.of(
      new RegionAttributes("R1", 1_200_000, 210_000, 97, 0.2),
      new RegionAttributes("R2", 900_000, 180_000, 92, 0.3),
      new RegionAttributes("R3", 600_000, 110_000, 70, 0.5),
      new RegionAttributes("R4", 500_000, 95_000, 65, 0.6),
      new RegionAttributes("R5", 250_000, 55_000, 42, 0.9),
      new RegionAttributes("R6", 180_000, 48_000, 38, 0.8));

  @Test
  void richer_more_urban_regions_land_in_the_top_tier_and_thirds_are_even() {
    Map<String, String> tiers = new RegionTypology(2).classify(regions).stream()
        .collect(Collectors.toMap(TierAssignment::regionCode, TierAssignment::tier));
    assertThat(tiers).containsEntry("R1", "T1").containsEntry("R2", "T1")
        .containsEntry("R3", "T2").containsEntry("R4", "T2")
        .containsEntry("R5", "T3").containsEntry("R6", "T3");
  }

  @Test
  void each_region_keeps_its_attribute_scores_and_its_nearest_peers() {
    TierAssignment r5 = new RegionTypology(2).classify(regions).stream()
        .filter(t -> t.regionCode().equals("R5")).findFirst().orElseThrow();
    assertThat(r5.peers()).containsExactly("R6", "R4");
    assertThat(r5.attributeScores()).containsOnlyKeys(RegionTypology.ATTRIBUTES);
    assertThat(r5.attributeScores().get("gdp_per_capita")).isNegative();
    assertThat(r5.rank()).isEqualTo(5);
  }

  @Test
  void the_same_attributes_always_give_the_same_tiers() {
    assertThat(new RegionTypology(3).classify(regions)).isEqualTo(new RegionTypology(3).classify(regions));
  }

  @Test
  void too_few_regions_is_a_clear_error() {
    assertThatThrownBy(() -> new RegionTypology(2).classify(regions.subList(0, 2)))
        .hasMessageContaining("at least 3").hasMessageContaining("regions.csv");
  }
}
