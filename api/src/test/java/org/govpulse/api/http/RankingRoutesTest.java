package org.govpulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.govpulse.api.SharedFixture;
import org.junit.jupiter.api.Test;

/** GET /api/v1/rankings: entities ranked on one indicator's normalised value, ties sharing a rank. */
class RankingRoutesTest extends SharedFixture {
  private JsonNode ranking(String query) {
    return get("/api/v1/rankings" + query, api.viewer);
  }

  @Test
  void regions_are_ranked_best_first_on_the_latest_year_of_an_indicator() {
    JsonNode r = ranking("?indicator=GDP");
    assertThat(r.get("scope").asText()).isEqualTo("region");
    assertThat(r.get("indicator_code").asText()).isEqualTo("GDP");
    assertThat(r.get("period").asText()).isEqualTo("2025");
    assertThat(r.get("items")).extracting(i -> i.get("entity_code").asText()).containsExactly("JZ01", "JZ02",
        "JZ03");
    assertThat(r.get("items")).extracting(i -> i.get("rank").asInt()).containsExactly(1, 2, 3);
    assertThat(r.get("items")).extracting(i -> i.get("normalised").asDouble()).containsExactly(100.0, 60.0, 0.0);
    assertThat(r.get("items").get(0).get("value").asDouble()).isEqualTo(900.0);
  }

  @Test
  void equal_normalised_values_share_a_rank_and_the_next_rank_skips() {
    JsonNode r = ranking("?indicator=WAIT_DAYS&scope=region&year=2025");
    assertThat(r.get("items")).extracting(i -> i.get("entity_code").asText() + "=" + i.get("rank").asInt())
        .containsExactly("JZ01=1", "JZ02=1", "JZ03=3");
  }

  @Test
  void a_year_or_scope_without_scores_is_an_empty_ranking() {
    assertThat(ranking("?indicator=GDP&year=2024").get("count").asInt()).isZero();
    assertThat(ranking("?indicator=GDP&scope=department").get("items")).isEmpty();
  }

  @Test
  void a_missing_indicator_or_a_bad_scope_or_year_gets_400() {
    JsonNode missing = problem("/api/v1/rankings", api.viewer, 400);
    assertThat(missing.get("errors").has("indicator")).as(missing.toString()).isTrue();
    JsonNode scope = problem("/api/v1/rankings?indicator=GDP&scope=everyone", api.viewer, 400);
    assertThat(scope.get("detail").asText()).contains("scope=everyone");
    problem("/api/v1/rankings?indicator=GDP&year=20255", api.viewer, 400);
  }

  @Test
  void an_unknown_indicator_gets_404_pointing_at_the_catalogue() {
    JsonNode p = problem("/api/v1/rankings?indicator=NO_SUCH", api.viewer, 404);
    assertThat(p.get("what").asText()).contains("NO_SUCH");
    assertThat(p.get("fix").asText()).contains("GET /api/v1/indicators");
  }
}
