package org.govpulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.govpulse.api.ServedFixture;
import org.govpulse.api.TestApi;
import org.govpulse.api.FixtureWarehouse;
import org.govpulse.api.service.Json;
import org.govpulse.core.table.WarningTables;
import org.junit.jupiter.api.Test;

/** The live stream: replay after Last-Event-ID, live delivery of new versions, resumption without gaps or repeats. */
class WarningStreamTest extends ServedFixture {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private String stream(String query) {
    return api.base() + "/api/v1/warnings/stream" + query;
  }

  /** Appends an event to gold.warning_events and waits until the server serves it. */
  private void appendEvent(long seq, String warning, String type, String level) throws Exception {
    CompletableFuture<Void> served = new CompletableFuture<>();
    api.server.store().onChange(c -> {
      if (c.after().get(org.govpulse.api.service.WarningService.VIEW).lastSequence() >= seq) {
        served.complete(null);
      }
    });
    warehouse.append(WarningTables.WARNING_EVENTS, FixtureWarehouse.event(seq, warning, type, level, "open",
        FixtureWarehouse.T0.plusSeconds(seq), "system", null));
    served.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void a_subscriber_gets_missed_events_then_live_ones_and_resumes_from_last_event_id() throws Exception {
    SseEvents.Event live;
    try (SseEvents s = new SseEvents(api.http(), stream(""), api.viewer, "6")) {
      assertThat(s.status).isEqualTo(200);
      assertThat(s.next(2, WAIT)).extracting(SseEvents.Event::id).containsExactly("7", "8");
      appendEvent(9, "w-1", "escalated", "red");
      live = s.next(1, WAIT).get(0);
    }
    assertThat(live.id()).isEqualTo("9");
    assertThat(live.name()).isEqualTo("escalated");
    JsonNode data = Json.MAPPER.readTree(live.data());
    assertThat(data.get("sequence").asLong()).isEqualTo(9);
    assertThat(data.get("warning").get("title_zh").asText()).isEqualTo("江州JZ01预警w-1");

    // events while the client was away
    appendEvent(10, "w-2", "escalated", "red");
    appendEvent(11, "w-5", "deescalated", "orange");
    try (SseEvents s = new SseEvents(api.http(), stream(""), api.viewer, "9")) {
      assertThat(s.next(2, WAIT)).extracting(SseEvents.Event::id).containsExactly("10", "11");
      appendEvent(12, "w-6", "escalated", "orange");
      assertThat(s.next(1, WAIT).get(0).id()).as("nothing repeated, nothing skipped").isEqualTo("12");
    }
  }

  @Test
  void a_filtered_stream_only_carries_matching_events() throws Exception {
    try (SseEvents s = new SseEvents(api.http(), stream("?last_event_id=0&region=JZ03"), api.viewer, null)) {
      // w-6 and w-3 are in JZ03: events 1, 3 and 5 of the fixture
      assertThat(s.next(3, WAIT)).extracting(SseEvents.Event::id).containsExactly("1", "3", "5");
    }
    try (SseEvents s = new SseEvents(api.http(), stream("?last_event_id=0&level=orange"), api.viewer, null)) {
      assertThat(s.next(1, WAIT).get(0).id()).isEqualTo("6");
    }
  }

  @Test
  void the_stream_refuses_a_bad_last_event_id_or_a_client_that_does_not_accept_events() {
    assertThat(api.get("/api/v1/warnings/stream", api.viewer).statusCode()).isEqualTo(400);
    var r = api.send(HttpRequest.newBuilder(URI.create(stream("?last_event_id=-4")))
        .header("Accept", "text/event-stream").header("Authorization", "Bearer " + api.viewer).build());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(TestApi.json(r).get("errors").has("last_event_id")).isTrue();
  }
}
