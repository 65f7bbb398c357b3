package org.govpulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.govpulse.api.SharedFixture;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI description lists exactly the API routes Javalin's router dispatches: each path and method of
 * /openapi.json is registered, and each registered route under /api is described. The registered side is read from
 * the router itself, not from the route table the description is generated from.
 */
class OpenApiRoutesTest extends SharedFixture {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");
  /** "METHOD /path" of each operation of an OpenAPI document. */
  static Set<String> documented(JsonNode openApi) {
    Set<String> out = new TreeSet<>();
    openApi.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(m -> {
      if (METHODS.contains(m)) {
        out.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }));
    return out;
  }

  /** "METHOD /path" of each HTTP endpoint under /api in Javalin's router, path parameters written {name}. */
  static Set<String> registered(Javalin javalin) {
    Set<String> out = new TreeSet<>();
    javalin.unsafeConfig().pvt.internalRouter.allHttpHandlers().forEach(parsed -> {
      Endpoint e = parsed.getEndpoint();
      if (e.getMethod().isHttpMethod() && e.getPath().startsWith("/api/")) {
        out.add(e.getMethod().name() + " " + e.getPath().replaceAll("<([^>]+)>", "{$1}"));
      }
    });
    return out;
  }

  /** What is on one side only, one line per route; empty when both agree. */
  static List<String> mismatches(Set<String> documented, Set<String> registered) {
    List<String> out = new ArrayList<>();
    documented.stream().filter(r -> !registered.contains(r))
        .forEach(r -> out.add(r + " is in /openapi.json but no such route is registered"));
    registered.stream().filter(r -> !documented.contains(r))
        .forEach(r -> out.add(r + " is registered but missing from /openapi.json"));
    return out;
  }

  @Test
  void the_served_description_lists_exactly_the_routes_the_router_dispatches() {
    JsonNode doc = get("/openapi.json", null);
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    Set<String> documented = documented(doc);
    Set<String> registered = registered(api.server.app().javalin());
    assertThat(registered).as("the router has the API's routes").contains("GET /api/v1/warnings",
        "POST /api/v1/warnings/{id}/acknowledge", "DELETE /api/v1/keys/{id}");
    assertThat(mismatches(documented, registered))
        .as("routes on one side only (add the route to Routes.table, or remove it from there)").isEmpty();
  }

  @Test
  void every_documented_operation_names_its_role_and_its_error_responses() {
    JsonNode doc = get("/openapi.json", null);
    doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
      assertThat(op.getValue().get("x-govpulse-role").asText()).as(name).isIn("viewer", "analyst", "admin");
      assertThat(op.getValue().get("responses").has("400")).as(name + " documents 400").isTrue();
      assertThat(op.getValue().get("responses").get("404").get("content").has(Problems.MEDIA_TYPE))
          .as(name + " documents 404 as problem details").isTrue();
      path.getValue().get(op.getKey()).path("parameters").forEach(p -> {
        if ("path".equals(p.get("in").asText())) {
          assertThat(path.getKey()).as(name + " names its path parameter").contains("{" + p.get("name").asText()
              + "}");
        }
      });
    }));
  }

  @Test
  void a_route_on_one_side_only_is_named_in_the_failure() {
    Set<String> documented = Set.of("GET /api/v1/warnings", "GET /api/v1/old");
    Set<String> registered = Set.of("GET /api/v1/warnings", "POST /api/v1/new");
    assertThat(mismatches(documented, registered)).containsExactly(
        "GET /api/v1/old is in /openapi.json but no such route is registered",
        "POST /api/v1/new is registered but missing from /openapi.json");
  }

  @Test
  void a_route_added_to_javalin_outside_the_route_table_is_found_by_the_router_check() {
    Javalin javalin = Javalin.create(cfg -> cfg.showJavalinBanner = false);
    javalin.get("/api/v1/warnings", ctx -> ctx.result("feed"));
    javalin.get("/api/v1/hidden/<name>", ctx -> ctx.result("not described"));
    javalin.before(ctx -> {});
    javalin.get("/health/live", ctx -> ctx.result("up"));
    assertThat(registered(javalin)).containsExactly("GET /api/v1/hidden/{name}", "GET /api/v1/warnings");
    assertThat(mismatches(Set.of("GET /api/v1/warnings"), registered(javalin)))
        .containsExactly("GET /api/v1/hidden/{name} is registered but missing from /openapi.json");
  }
}
