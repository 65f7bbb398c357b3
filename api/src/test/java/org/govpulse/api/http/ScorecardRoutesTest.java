package org.govpulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.govpulse.api.SharedFixture;
import org.junit.jupiter.api.Test;

/** GET /api/v1/scorecards and /scorecards/{scope}/{entity}: the composite scores by rank, tier and year. */
class ScorecardRoutesTest extends SharedFixture {
  @Test
  void the_scorecard_of_the_latest_year_lists_regions_by_rank_with_their_tiers() {
    JsonNode card = get("/api/v1/scorecards", api.viewer);
    assertThat(card.get("scope").asText()).isEqualTo("region");
    assertThat(card.get("period").asText()).isEqualTo("2025");
    assertThat(card.get("tiers")).extracting(JsonNode::asText).containsExactly("T1", "T2", "T3");
    assertThat(card.get("count").asInt()).isEqualTo(3);
    assertThat(card.get("items")).extracting(r -> r.get("entity_code").asText()).containsExactly("JZ01", "JZ02",
        "JZ03");
    JsonNode first = card.get("items").get(0);
    assertThat(first.get("score").asDouble()).isEqualTo(81.5);
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("rank_in_tier").asInt()).isEqualTo(1);
    assertThat(first.get("rank_p05").asInt()).isEqualTo(1);
    assertThat(first.get("rank_p95").asInt()).isEqualTo(2);
    assertThat(first.get("indicators_used").asInt()).isEqualTo(3);
    assertThat(first.get("tier").asText()).isEqualTo("T1");
  }

  @Test
  void filters_select_a_year_a_tier_and_a_scope() {
    JsonNode y2024 = get("/api/v1/scorecards?year=2024", api.viewer);
    assertThat(y2024.get("period").asText()).isEqualTo("2024");
    assertThat(y2024.get("items")).extracting(r -> r.get("score").asDouble()).containsExactly(78.0);
    JsonNode t2 = get("/api/v1/scorecards?tier=T2", api.viewer);
    assertThat(t2.get("items")).extracting(r -> r.get("entity_code").asText()).containsExactly("JZ02");
    assertThat(t2.get("tiers")).extracting(JsonNode::asText).containsExactly("T2");
    JsonNode departments = get("/api/v1/scorecards?scope=department", api.viewer);
    assertThat(departments.get("count").asInt()).as("the fixture scores no department").isZero();
    assertThat(departments.get("period").isNull()).isTrue();
  }

  @Test
  void one_region_has_its_history_and_what_each_indicator_contributed_largest_first() {
    JsonNode e = get("/api/v1/scorecards/region/JZ01", api.viewer);
    assertThat(e.get("period").asText()).isEqualTo("2025");
    assertThat(e.get("score").get("score").asDouble()).isEqualTo(81.5);
    assertThat(e.get("history")).extracting(r -> r.get("period").asText()).containsExactly("2024", "2025");
    assertThat(e.get("contributions")).extracting(c -> c.get("indicator_code").asText())
        .containsExactly("GDP", "WAIT_DAYS");
    JsonNode gdp = e.get("contributions").get(0);
    assertThat(gdp.get("value").asDouble()).isEqualTo(900.0);
    assertThat(gdp.get("normalised").asDouble()).isEqualTo(100.0);
    assertThat(gdp.get("weight").asDouble()).isEqualTo(0.5);
    assertThat(gdp.get("contribution").asDouble()).isEqualTo(50.0);
    JsonNode y2024 = get("/api/v1/scorecards/region/JZ01?year=2024", api.viewer);
    assertThat(y2024.get("score").get("score").asDouble()).isEqualTo(78.0);
    assertThat(y2024.get("contributions")).isEmpty();
  }

  @Test
  void a_bad_scope_or_year_gets_400() {
    JsonNode scope = problem("/api/v1/scorecards?scope=county", api.viewer, 400);
    assertThat(scope.get("detail").asText()).contains("scope=county").contains("region, department");
    assertThat(scope.get("fix").asText()).isNotBlank();
    problem("/api/v1/scorecards/city/JZ01", api.viewer, 400);
    JsonNode year = problem("/api/v1/scorecards?year=latest", api.viewer, 400);
    assertThat(year.get("errors").get("year").get(0).asText()).contains("a year such as 2025");
  }

  @Test
  void an_unknown_entity_or_an_unscored_year_gets_404_saying_what_exists() {
    JsonNode unknown = problem("/api/v1/scorecards/region/XX99", api.viewer, 404);
    assertThat(unknown.get("what").asText()).contains("XX99");
    assertThat(unknown.get("fix").asText()).contains("GET /api/v1/scorecards?scope=region");
    JsonNode year = problem("/api/v1/scorecards/region/JZ01?year=2023", api.viewer, 404);
    assertThat(year.get("detail").asText()).contains("2023").contains("[2024, 2025]");
  }
}
