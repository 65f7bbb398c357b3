package org.govpulse.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.govpulse.api.feed.AtomFeed;
import org.govpulse.api.feed.CsvExport;
import org.govpulse.api.service.Json;
import org.govpulse.api.service.ReferenceService;
import org.govpulse.api.service.WarningFilter;
import org.govpulse.api.service.WarningService;
import org.govpulse.api.snapshot.SnapshotStore;
import org.govpulse.api.snapshot.WarehouseSnapshot;
import org.govpulse.models.warn.WarningEvent;

/** Handlers of the warning routes: feed, one warning, live stream, Atom, CSV, acknowledge and resolve. */
final class WarningHandlers {
  private static final int DEFAULT_LIMIT = 50;

  private final WarningService warnings;
  private final SseHub hub;
  private final SnapshotStore store;

  WarningHandlers(WarningService warnings, SseHub hub, SnapshotStore store) {
    this.warnings = warnings;
    this.hub = hub;
    this.store = store;
  }

  void feed(Context ctx) {
    ctx.json(warnings.feed(filter(ctx), ctx.queryParam("cursor"),
        Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, WarningService.MAX_LIMIT)));
  }

  void warning(Context ctx) {
    ctx.json(warnings.warning(ctx.pathParam("id")));
  }

  /** Validates before the stream opens: once it is open, errors can no longer be sent as problem details. */
  void stream(Context ctx) throws Exception {
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw ApiException.badRequest("invalid-input", "This route is a Server-Sent Events stream: send "
          + "Accept: text/event-stream (EventSource does), or read the warnings as JSON at GET /api/v1/warnings");
    }
    WarningFilter filter = filter(ctx);
    String header = ctx.header("Last-Event-ID");
    long last = header != null && !header.isBlank()
        ? ctx.headerAsClass("Last-Event-ID", Long.class).check(v -> v >= 0, "must be an event sequence, 0 or more")
            .get()
        : ctx.queryParamAsClass("last_event_id", Long.class).check(v -> v >= 0, "must be 0 or more").getOrDefault(0L);
    new SseHandler(client -> hub.attach(client, filter, last)).handle(ctx);
  }

  void atom(Context ctx) {
    boolean chinese = "zh".equals(ctx.queryParamAsClass("lang", String.class)
        .check(v -> v.equals("zh") || v.equals("en"), "must be zh or en").getOrDefault("zh"));
    int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, WarningService.MAX_LIMIT);
    WarehouseSnapshot s = store.current();
    String self = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    String xml = AtomFeed.render(warnings.page(filter(ctx), null, limit).items(), chinese, Params.base(ctx), self,
        code -> ReferenceService.regionName(s, code, chinese));
    ctx.contentType("application/atom+xml; charset=utf-8").result(xml.getBytes(StandardCharsets.UTF_8));
  }

  void csv(Context ctx) {
    WarehouseSnapshot s = store.current();
    byte[] body = CsvExport.render(warnings.all(filter(ctx)), (code, zh) -> ReferenceService.regionName(s, code, zh));
    ctx.contentType("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"govpulse-warnings.csv\"")
        .result(body);
  }

  void acknowledge(Context ctx) {
    ctx.json(warnings.act(ctx.pathParam("id"), WarningEvent.ACKNOWLEDGED, comment(ctx), Params.key(ctx)));
  }

  void resolve(Context ctx) {
    ctx.json(warnings.act(ctx.pathParam("id"), WarningEvent.RESOLVED, comment(ctx), Params.key(ctx)));
  }

  private static WarningFilter filter(Context ctx) {
    return WarningFilter.parse(ctx.queryParam("level"), ctx.queryParam("region"), ctx.queryParam("department"),
        ctx.queryParam("status"), ctx.queryParam("kind"), ctx.queryParam("since"));
  }

  /** The comment of an action body {"comment": "..."}. */
  static String comment(Context ctx) {
    JsonNode body = body(ctx);
    JsonNode c = body.get("comment");
    return c == null || !c.isTextual() ? null : c.asText();
  }

  /** The request body as a JSON object; 400 when it is not one. */
  static JsonNode body(Context ctx) {
    try {
      JsonNode node = Json.MAPPER.readTree(ctx.body());
      if (node == null || !node.isObject()) {
        throw new IOException("not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw ApiException.badRequest("invalid-body", "The request body is not a JSON object (" + e.getMessage()
          .split("\n")[0] + "). Send Content-Type: application/json with a body such as {\"comment\": \"...\"}");
    }
  }
}
