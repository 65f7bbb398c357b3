package org.govpulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.govpulse.api.ServedFixture;
import org.govpulse.api.TestApi;
import org.govpulse.api.service.NewKey;
import org.govpulse.api.service.Role;
import org.govpulse.core.config.Setting;
import org.junit.jupiter.api.Test;

/** Authentication, roles, rate limits, CORS and the one error format. */
class ApiSafetyTest extends ServedFixture {
  @Override
  protected Object[] settings() {
    return new Object[] {Setting.API_CORS_ORIGINS, "https://dash.example.org", Setting.API_RATE_LIMIT_BURST, "3"};
  }

  private static JsonNode problem(HttpResponse<String> r, int status) {
    return TestApi.problem(r, status);
  }

  @Test
  void a_request_without_a_key_gets_401_saying_how_to_send_one() {
    HttpResponse<String> r = api.get("/api/v1/warnings", null);
    JsonNode p = problem(r, 401);
    assertThat(p.get("type").asText()).endsWith("missing-key");
    assertThat(p.get("detail").asText()).contains("Authorization: Bearer").contains("keys create");
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void a_malformed_a_wrong_or_a_revoked_key_gets_401() {
    assertThat(problem(api.get("/api/v1/me", "not-a-key"), 401).get("type").asText()).endsWith("invalid-key");
    String wrongSecret = api.viewer.substring(0, api.viewer.length() - 4) + "AAAA";
    problem(api.get("/api/v1/me", wrongSecret), 401);
    NewKey k = api.server.keys().create(Role.VIEWER, "short-lived", null, "test");
    assertThat(api.get("/api/v1/me", k.key()).statusCode()).isEqualTo(200);
    assertThat(api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/keys/" + k.id()))
        .header("Authorization", "Bearer " + api.admin).DELETE().build()).statusCode()).isEqualTo(200);
    problem(api.get("/api/v1/me", k.key()), 401);
  }

  @Test
  void a_key_sent_as_x_api_key_or_on_a_get_query_is_accepted() {
    HttpResponse<String> r = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/me"))
        .header("X-API-Key", api.analyst).build());
    assertThat(TestApi.json(r).get("role").asText()).isEqualTo("analyst");
    assertThat(api.get("/api/v1/me?api_key=" + api.viewer, null).statusCode()).isEqualTo(200);
  }

  @Test
  void a_viewer_gets_403_on_analyst_and_admin_routes_and_an_analyst_on_admin_routes() {
    JsonNode p = problem(api.get("/api/v1/forecasts/JZ01/WAIT_DAYS/on-demand?horizon=3", api.viewer), 403);
    assertThat(p.get("detail").asText()).contains("role viewer").contains("needs analyst");
    problem(api.get("/api/v1/models", api.viewer), 403);
    problem(api.post("/api/v1/warnings/w-1/acknowledge", api.analyst, "{\"comment\":\"x\"}"), 403);
    problem(api.get("/api/v1/keys", api.analyst), 403);
    assertThat(api.get("/api/v1/warnings", api.viewer).statusCode()).isEqualTo(200);
    assertThat(api.get("/api/v1/models", api.analyst).statusCode()).isEqualTo(200);
  }

  @Test
  void a_key_over_its_rate_limit_gets_429_with_retry_after() {
    NewKey k = api.server.keys().create(Role.VIEWER, "limited", 6, "test");
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> ok = api.get("/api/v1/me", k.key());
      assertThat(ok.statusCode()).as("request %d of the burst of 3", i + 1).isEqualTo(200);
      assertThat(ok.headers().firstValue("RateLimit-Limit")).contains("6");
    }
    HttpResponse<String> r = api.get("/api/v1/me", k.key());
    JsonNode p = problem(r, 429);
    assertThat(p.get("detail").asText()).contains(k.id()).contains("6 requests per minute");
    // 6 per minute is one token every 10 s
    assertThat(r.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(s ->
        assertThat(s).isBetween(1L, 10L));
    assertThat(api.get("/api/v1/me", api.viewer).statusCode()).as("other keys are not limited").isEqualTo(200);
  }

  @Test
  void a_bad_parameter_gets_400_naming_the_parameter_and_the_rule() {
    JsonNode p = problem(api.get("/api/v1/warnings?limit=0", api.viewer), 400);
    assertThat(p.get("errors").get("limit").get(0).asText()).contains("from 1 to 500");
    JsonNode level = problem(api.get("/api/v1/warnings?level=purple", api.viewer), 400);
    assertThat(level.get("detail").asText()).contains("level=purple").contains("blue, yellow, orange, red");
    assertThat(level.get("fix").asText()).isNotBlank();
    problem(api.get("/api/v1/forecasts/JZ01/WAIT_DAYS/on-demand", api.analyst), 400);
    problem(api.get("/api/v1/forecasts/JZ01/WAIT_DAYS/on-demand?horizon=ten", api.analyst), 400);
    problem(api.post("/api/v1/warnings/w-1/acknowledge", api.admin, "{not json"), 400);
  }

  @Test
  void unknown_routes_and_things_get_404_and_a_wrong_method_405() {
    assertThat(problem(api.get("/api/v1/nothing-here", api.viewer), 404).get("detail").asText())
        .contains("/api/v1/nothing-here");
    assertThat(problem(api.get("/api/v1/warnings/w-404", api.viewer), 404).get("what").asText())
        .contains("w-404");
    problem(api.get("/api/v1/series/JZ01/NO_SUCH_INDICATOR", api.viewer), 404);
    problem(api.get("/api/v1/series/XX99/GDP", api.viewer), 404);
    problem(api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/warnings"))
        .header("Authorization", "Bearer " + api.admin).DELETE().build()), 405);
  }

  @Test
  void a_storage_failure_gets_500_with_an_error_id_and_no_stack_trace() throws Exception {
    // the actions table cannot be created where a file stands in the way
    Path actions = dir.resolve("warehouse/meta/warning_actions");
    Files.createDirectories(actions.getParent());
    Files.writeString(actions, "not a table");
    try {
      JsonNode p = problem(api.post("/api/v1/warnings/w-2/acknowledge", api.admin, "{\"comment\":\"on it\"}"), 500);
      assertThat(p.get("error_id").asText()).hasSize(36);
      assertThat(p.get("detail").asText()).contains(p.get("error_id").asText()).contains("retrying is safe");
    } finally {
      Files.delete(actions);
    }
  }

  @Test
  void cors_allows_the_configured_origin_only() {
    HttpResponse<String> allowed = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/warnings"))
        .header("Origin", "https://dash.example.org").header("Authorization", "Bearer " + api.viewer).build());
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://dash.example.org");
    HttpResponse<String> preflight = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/warnings"))
        .header("Origin", "https://dash.example.org").header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
        .contains("authorization");
    HttpResponse<String> other = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/warnings"))
        .header("Origin", "https://evil.example.com").header("Authorization", "Bearer " + api.viewer).build());
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void health_metrics_and_docs_need_no_key() {
    JsonNode ready = TestApi.json(api.get("/health/ready", null));
    assertThat(ready.get("status").asText()).isEqualTo("ready");
    assertThat(ready.get("tables").get("gold.warnings").get("version").asLong()).isZero();
    assertThat(ready.get("tables").get("gold.warnings").get("rows").asInt()).isEqualTo(6);
    assertThat(api.get("/health/live", null).statusCode()).isEqualTo(200);
    api.get("/api/v1/warnings", api.viewer);
    String metrics = api.get("/metrics", null).body();
    assertThat(metrics).contains("# TYPE govpulse_api_requests_total counter")
        .contains("govpulse_api_requests_total{method=\"GET\",route=\"/api/v1/warnings\",status=\"200\"}")
        .contains("govpulse_api_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/warnings\",le=\"+Inf\"}")
        .contains("govpulse_api_table_version{table=\"gold.warnings\"} 0")
        .contains("govpulse_api_sse_subscribers");
    assertThat(api.get("/docs", null).body()).contains("/openapi.json");
  }
}
