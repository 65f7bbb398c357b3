package org.govpulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.govpulse.api.FixtureWarehouse;
import org.govpulse.api.ServedFixture;
import org.govpulse.api.TestApi;
import org.govpulse.api.service.WarningService;
import org.govpulse.core.table.WarningTables;
import org.junit.jupiter.api.Test;

/** Kept answers: the same bytes until a table changes, gzip for clients that ask, never a stale or failed answer. */
class ResponseCacheTest extends ServedFixture {
  private HttpResponse<byte[]> bytes(String path, boolean gzip) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path))
        .header("Authorization", "Bearer " + api.viewer);
    if (gzip) {
      b.header("Accept-Encoding", "gzip");
    }
    return api.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private long cache(String outcome) {
    String metrics = api.get("/metrics", null).body();
    String line = "govpulse_api_response_cache{outcome=\"" + outcome + "\"} ";
    int at = metrics.indexOf(line);
    assertThat(at).as(metrics).isPositive();
    return Long.parseLong(metrics.substring(at + line.length(), metrics.indexOf('\n', at)).trim());
  }

  @Test
  void a_repeated_request_gets_the_same_bytes_with_their_length_from_the_cache() {
    HttpResponse<byte[]> first = bytes("/api/v1/warnings?level=red", false);
    long hits = cache("hit");
    HttpResponse<byte[]> second = bytes("/api/v1/warnings?level=red", false);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
        assertThat(t).startsWith("application/json"));
    assertThat(second.headers().firstValueAsLong("Content-Length")).hasValue(second.body().length);
    assertThat(cache("hit")).isEqualTo(hits + 1);
    assertThat(bytes("/api/v1/warnings?level=orange", false).body()).as("another query, another answer")
        .isNotEqualTo(first.body());
  }

  @Test
  void a_client_that_accepts_gzip_gets_the_same_json_compressed() throws IOException {
    byte[] plain = bytes("/api/v1/warnings", false).body();
    HttpResponse<byte[]> zipped = bytes("/api/v1/warnings", true);
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    assertThat(zipped.body().length).isLessThan(plain.length);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain);
    }
    HttpResponse<byte[]> small = bytes("/api/v1/regions/JZ01", true);
    assertThat(small.headers().firstValue("Content-Encoding")).as("too small to be worth compressing").isEmpty();
  }

  @Test
  void a_new_table_version_is_served_at_once_and_an_action_shows_in_the_kept_warning() throws Exception {
    assertThat(TestApi.json(api.get("/api/v1/warnings?region=JZ03", api.viewer)).get("count").asInt()).isEqualTo(2);
    CompletableFuture<Void> served = new CompletableFuture<>();
    api.server.store().onChange(c -> {
      if (c.after().get(WarningService.VIEW).lastSequence() >= 20) {
        served.complete(null);
      }
    });
    warehouse.append(WarningTables.WARNINGS, FixtureWarehouse.warning("w-7", "JZ03", "GDP", "STAT", "target_risk",
        "orange", "open", FixtureWarehouse.T0.plusSeconds(60)));
    warehouse.append(WarningTables.WARNING_EVENTS, FixtureWarehouse.event(20, "w-7", "raised", "orange", "open",
        FixtureWarehouse.T0.plusSeconds(60), "system", null));
    served.get(20, TimeUnit.SECONDS);
    JsonNode after = TestApi.json(api.get("/api/v1/warnings?region=JZ03", api.viewer));
    assertThat(after.get("items")).extracting(w -> w.get("warning_id").asText()).containsExactly("w-7", "w-3", "w-6");

    assertThat(TestApi.json(api.get("/api/v1/warnings/w-5", api.viewer)).get("status").asText()).isEqualTo("open");
    api.post("/api/v1/warnings/w-5/acknowledge", api.admin, "{\"comment\":\"on it\"}");
    assertThat(TestApi.json(api.get("/api/v1/warnings/w-5", api.viewer)).get("status").asText())
        .isEqualTo("acknowledged");
  }

  @Test
  void errors_are_never_kept() {
    long entries = cache("entries");
    assertThat(api.get("/api/v1/warnings?limit=0", api.viewer).statusCode()).isEqualTo(400);
    assertThat(api.get("/api/v1/warnings/w-404", api.viewer).statusCode()).isEqualTo(404);
    assertThat(cache("entries")).isEqualTo(entries);
    assertThat(api.get("/api/v1/warnings/w-404", api.viewer).statusCode()).isEqualTo(404);
  }
}
