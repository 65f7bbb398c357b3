package org.govpulse.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.govpulse.api.feed.WebhookDispatcher;
import org.govpulse.api.service.ApiKey;
import org.govpulse.api.service.Envelope;
import org.govpulse.api.service.KeyService;
import org.govpulse.api.service.NewKey;
import org.govpulse.api.service.Role;
import org.govpulse.api.snapshot.SnapshotStore;
import org.govpulse.api.snapshot.TableSnapshot;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.TableContract;

/** Handlers of health, metrics, the API description, the caller's identity, keys, reload and webhooks. */
final class SystemHandlers {
  private final SnapshotStore store;
  private final KeyService keys;
  private final Metrics metrics;
  private final WebhookDispatcher webhooks;
  private final Supplier<Map<String, Object>> openApi;
  private final String docsPage;

  SystemHandlers(SnapshotStore store, KeyService keys, Metrics metrics, WebhookDispatcher webhooks,
      Supplier<Map<String, Object>> openApi) {
    this.store = store;
    this.keys = keys;
    this.metrics = metrics;
    this.webhooks = webhooks;
    this.openApi = openApi;
    this.docsPage = resource("docs.html");
  }

  void live(Context ctx) {
    ctx.json(Map.of("status", "up"));
  }

  /** Ready once the first snapshot is loaded and the panel is there; 503 otherwise. */
  void ready(Context ctx) {
    var s = store.current();
    Map<String, Object> tables = new LinkedHashMap<>();
    for (TableContract t : store.tables()) {
      Map<String, Object> m = new LinkedHashMap<>();
      TableSnapshot ts = s.table(t).orElse(null);
      m.put("version", ts == null ? null : ts.version());
      m.put("rows", ts == null ? 0 : ts.rows().size());
      m.put("loaded_at", ts == null ? null : ts.loadedAt().toString());
      String error = store.errors().get(t.qualifiedName());
      if (error != null) {
        m.put("error", error);
      }
      tables.put(t.qualifiedName(), m);
    }
    boolean ready = s.generation() > 0
        && s.table(org.govpulse.core.table.GoldTables.INDICATOR_PANEL).isPresent();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "ready" : "not_ready");
    if (!ready) {
      body.put("reason", s.generation() == 0 ? "the first snapshot is not loaded yet"
          : "gold.indicator_panel is missing: run `./govpulse analyze` against this warehouse");
    }
    body.put("generation", s.generation());
    body.put("last_refresh", store.lastRefresh() == null ? null : store.lastRefresh().toString());
    body.put("errors", store.errors());
    body.put("tables", tables);
    ctx.status(ready ? 200 : 503).json(body);
  }

  void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  void openApi(Context ctx) {
    ctx.json(openApi.get());
  }

  void docs(Context ctx) {
    ctx.html(docsPage);
  }

  void home(Context ctx) {
    ctx.redirect("/dashboard/");
  }

  void me(Context ctx) {
    ApiKey k = Params.key(ctx);
    ctx.json(Map.of("key_id", k.id(), "role", k.role().code(), "label", k.label()));
  }

  void listKeys(Context ctx) {
    ctx.json(Envelope.of(keys.list()));
  }

  void createKey(Context ctx) {
    JsonNode body = WarningHandlers.body(ctx);
    String roleText = body.path("role").asText(null);
    Role role = Role.parse(roleText).orElseThrow(() -> Errors.invalidInput("Role " + roleText + " is invalid",
        "a key has one of the roles " + Role.codes(), "Send {\"role\": \"viewer\"} (or analyst, admin)"));
    JsonNode limit = body.get("rate_limit_per_minute");
    if (limit != null && !limit.isNull() && !limit.canConvertToInt()) {
      throw Errors.invalidInput("rate_limit_per_minute " + limit + " is invalid", "it counts requests per minute",
          "Send a whole number (0 for no limit) or leave it out");
    }
    NewKey k = keys.create(role, body.path("label").asText(null),
        limit == null || limit.isNull() ? null : limit.asInt(), Params.key(ctx).actor());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key_id", k.id());
    out.put("key", k.key());
    out.put("role", k.role().code());
    out.put("label", k.label());
    out.put("note", "The key is shown once; only its hash is stored.");
    ctx.status(201).json(out);
  }

  void revokeKey(Context ctx) {
    keys.revoke(ctx.pathParam("id"), Params.key(ctx).actor());
    ctx.json(Map.of("key_id", ctx.pathParam("id"), "revoked", true));
  }

  void reload(Context ctx) {
    SnapshotStore.Refresh r = store.refresh();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("changed", r.changed());
    out.put("versions", r.versions());
    out.put("errors", r.errors());
    out.put("millis", r.millis());
    ctx.json(out);
  }

  void webhooks(Context ctx) {
    List<Map<String, Object>> out = webhooks.status().stream().map(WebhookDispatcher::toMap).toList();
    ctx.json(Envelope.of(out));
  }

  static String resource(String name) {
    try (InputStream in = SystemHandlers.class.getResourceAsStream("/org/govpulse/api/web/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
