package org.govpulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govpulse.core.table.Col.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.govpulse.api.ServedFixture;
import org.govpulse.api.TestApi;
import org.govpulse.api.delta.KernelWarehouse;
import org.govpulse.api.delta.Record;
import org.govpulse.core.table.WarningTables;
import org.junit.jupiter.api.Test;

/** Acknowledging and resolving warnings: real commits to meta.warning_actions, shown at once, refused when stale. */
class WarningActionsTest extends ServedFixture {

  private String adminActor() {
    return "key:" + TestApi.json(api.get("/api/v1/me", api.admin)).get("key_id").asText();
  }

  @Test
  void an_acknowledgement_is_a_delta_commit_shown_at_once_in_the_status_and_the_history() {
    JsonNode w = TestApi.json(api.post("/api/v1/warnings/w-2/acknowledge", api.admin,
        "{\"comment\": \"已联系生态环境局 checking the stations\"}"));
    assertThat(w.get("status").asText()).isEqualTo("acknowledged");
    JsonNode last = w.get("history").get(w.get("history").size() - 1);
    assertThat(last.get("event_type").asText()).isEqualTo("acknowledged");
    assertThat(last.get("pending").asBoolean()).as("not folded in by a warn run yet").isTrue();
    assertThat(last.get("comment").asText()).isEqualTo("已联系生态环境局 checking the stations");
    assertThat(last.get("actor").asText()).isEqualTo(adminActor());

    // an independent reader sees the commit
    KernelWarehouse reader = new KernelWarehouse(dir.resolve("warehouse").toString());
    long version = reader.latestVersion(WarningTables.WARNING_ACTIONS, -1).orElseThrow();
    List<Record> actions = reader.read(WarningTables.WARNING_ACTIONS, version);
    assertThat(actions).filteredOn(a -> "w-2".equals(a.str(WARNING_ID))).singleElement().satisfies(a -> {
      assertThat(a.str(EVENT_TYPE)).isEqualTo("acknowledged");
      assertThat(a.str(EVENT_ID)).isEqualTo(last.get("event_id").asText());
    });
    JsonNode feed = TestApi.json(api.get("/api/v1/warnings?limit=1", api.viewer));
    assertThat(feed.get("items").get(0).get("warning_id").asText()).as("the latest change comes first").isEqualTo("w-2");
  }

  @Test
  void acting_on_a_warning_in_the_wrong_state_conflicts() {
    JsonNode ack = TestApi.json(api.post("/api/v1/warnings/w-3/acknowledge", api.admin, "{\"comment\":\"again\"}"));
    assertThat(ack.get("status").asInt()).isEqualTo(409);
    assertThat(ack.get("detail").asText()).contains("it is acknowledged").contains("only an open warning");
    JsonNode resolve = TestApi.json(api.post("/api/v1/warnings/w-4/resolve", api.admin, "{\"comment\":\"again\"}"));
    assertThat(resolve.get("status").asInt()).isEqualTo(409);
    assertThat(resolve.get("detail").asText()).contains("already resolved");
    assertThat(api.post("/api/v1/warnings/w-404/resolve", api.admin, "{\"comment\":\"x\"}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void a_resolution_needs_a_comment_and_then_records_who_resolved_it() {
    JsonNode missing = TestApi.json(api.post("/api/v1/warnings/w-6/resolve", api.admin, "{}"));
    assertThat(missing.get("status").asInt()).isEqualTo(400);
    assertThat(missing.get("detail").asText()).contains("comment is missing");
    JsonNode w = TestApi.json(api.post("/api/v1/warnings/w-6/resolve", api.admin,
        "{\"comment\": \"the surge was a one-off event\"}"));
    assertThat(w.get("status").asText()).isEqualTo("resolved");
    assertThat(w.get("resolved_by").asText()).isEqualTo("person");
    assertThat(w.get("resolved_at").asText()).isNotBlank();
    JsonNode again = TestApi.json(api.post("/api/v1/warnings/w-6/resolve", api.admin, "{\"comment\": \"twice\"}"));
    assertThat(again.get("status").asInt()).as("a double click does not record twice").isEqualTo(409);
  }
}
