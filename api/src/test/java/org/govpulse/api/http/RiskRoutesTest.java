package org.govpulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.govpulse.api.SharedFixture;
import org.junit.jupiter.api.Test;

/** GET /api/v1/risk: the probability of missing each annual target, most likely misses first, for analysts. */
class RiskRoutesTest extends SharedFixture {
  private JsonNode risk(String query) {
    return get("/api/v1/risk" + query, api.analyst);
  }

  private static List<String> series(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("items").forEach(r -> out.add(r.get("region_code").asText() + "/" + r.get("indicator_code").asText()));
    return out;
  }

  @Test
  void risks_come_most_likely_miss_first_with_the_target_the_expectation_and_the_reasons() {
    JsonNode page = risk("");
    assertThat(page.get("count").asInt()).isEqualTo(3);
    assertThat(page.get("version").asLong()).isZero();
    assertThat(series(page)).containsExactly("JZ01/WAIT_DAYS", "JZ02/GDP", "JZ03/GDP");
    JsonNode first = page.get("items").get(0);
    assertThat(first.get("probability_miss").asDouble()).isEqualTo(0.93);
    assertThat(first.get("period").asText()).isEqualTo("2026");
    assertThat(first.get("target_value").asDouble()).isEqualTo(10.0);
    assertThat(first.get("expected_value").asDouble()).isEqualTo(11.0);
    assertThat(first.get("naive_miss").asBoolean()).isTrue();
    assertThat(first.get("drivers").get(0).asText()).isEqualTo("the pace is short");
    assertThat(first.get("drivers_zh").get(0).asText()).isEqualTo("进度落后");
    assertThat(first.get("model_versions").get(0).asText()).isEqualTo("govpulse-forecast 1.0");
    assertThat(first.get("created_at").asText()).isEqualTo("2026-03-01T10:00:00Z");
  }

  @Test
  void filters_select_by_region_indicator_year_and_least_probability() {
    assertThat(series(risk("?region=JZ02"))).containsExactly("JZ02/GDP");
    assertThat(series(risk("?indicator=GDP"))).containsExactly("JZ02/GDP", "JZ03/GDP");
    assertThat(series(risk("?indicator=GDP&region=JZ03"))).containsExactly("JZ03/GDP");
    assertThat(series(risk("?min_probability=0.61"))).containsExactly("JZ01/WAIT_DAYS", "JZ02/GDP");
    assertThat(series(risk("?year=2026&min_probability=0.95"))).isEmpty();
    assertThat(risk("?year=2025").get("count").asInt()).as("no targets of 2025 are scored").isZero();
    assertThat(risk("?region=XX99").get("count").asInt()).as("a filter matching nothing is an empty list").isZero();
  }

  @Test
  void a_bad_probability_or_year_gets_400_naming_the_parameter_and_the_rule() {
    JsonNode over = problem("/api/v1/risk?min_probability=1.5", api.analyst, 400);
    assertThat(over.get("type").asText()).endsWith("invalid-parameter");
    assertThat(over.get("errors").get("min_probability").get(0).asText()).contains("from 0.0 to 1.0");
    JsonNode word = problem("/api/v1/risk?min_probability=high", api.analyst, 400);
    assertThat(word.get("detail").asText()).contains("min_probability=high");
    JsonNode year = problem("/api/v1/risk?year=26", api.analyst, 400);
    assertThat(year.get("errors").get("year").get(0).asText()).contains("a year such as 2025");
  }

  @Test
  void risk_is_for_analysts_not_dashboards() {
    JsonNode p = problem("/api/v1/risk", api.viewer, 403);
    assertThat(p.get("detail").asText()).contains("needs analyst");
  }
}
