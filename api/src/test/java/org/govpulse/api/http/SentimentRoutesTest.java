package org.govpulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.govpulse.api.SharedFixture;
import org.junit.jupiter.api.Test;

/** GET /api/v1/sentiment: public sentiment per region, topic and month, with negative surges, for dashboards. */
class SentimentRoutesTest extends SharedFixture {
  private List<String> months(String query) {
    List<String> out = new ArrayList<>();
    get("/api/v1/sentiment" + query, api.viewer).get("items").forEach(r ->
        out.add(r.get("region_code").asText() + " " + r.get("topic").asText() + " " + r.get("period").asText()));
    return out;
  }

  @Test
  void months_come_by_region_topic_and_period_with_the_surge_flag() {
    JsonNode page = get("/api/v1/sentiment", api.viewer);
    assertThat(page.get("version").asLong()).isZero();
    assertThat(months("")).containsExactly("* transport 2026-01", "JZ01 housing 2026-01",
        "JZ03 transport 2025-12", "JZ03 transport 2026-01");
    JsonNode surge = page.get("items").get(3);
    assertThat(surge.get("posts").asLong()).isEqualTo(40);
    assertThat(surge.get("negative_posts").asLong()).isEqualTo(24);
    assertThat(surge.get("share_negative").asDouble()).isEqualTo(0.6);
    assertThat(surge.get("mean_sentiment").asDouble()).isEqualTo(-0.4);
    assertThat(surge.get("surge_z").asDouble()).isEqualTo(3.1);
    assertThat(surge.get("negative_surge").asBoolean()).isTrue();
    assertThat(page.get("items").get(2).get("negative_surge").asBoolean()).isFalse();
  }

  @Test
  void filters_select_a_region_a_topic_and_a_range_of_months() {
    assertThat(months("?region=JZ03")).containsExactly("JZ03 transport 2025-12", "JZ03 transport 2026-01");
    assertThat(months("?region=*")).as("posts without a region").containsExactly("* transport 2026-01");
    assertThat(months("?topic=housing")).containsExactly("JZ01 housing 2026-01");
    assertThat(months("?from=2026-01")).hasSize(3).allSatisfy(m -> assertThat(m).endsWith("2026-01"));
    assertThat(months("?to=2025-12")).containsExactly("JZ03 transport 2025-12");
    assertThat(months("?region=JZ03&from=2026-01&to=2026-01")).containsExactly("JZ03 transport 2026-01");
    assertThat(months("?region=XX99")).isEmpty();
  }

  @Test
  void a_month_that_is_not_yyyy_mm_gets_400() {
    JsonNode word = problem("/api/v1/sentiment?from=January", api.viewer, 400);
    assertThat(word.get("errors").get("from").get(0).asText()).contains("a month such as 2025-07");
    JsonNode thirteen = problem("/api/v1/sentiment?to=2025-13", api.viewer, 400);
    assertThat(thirteen.get("detail").asText()).contains("to=2025-13");
  }
}
