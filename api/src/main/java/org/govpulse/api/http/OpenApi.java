package org.govpulse.api.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.govpulse.core.table.TableContract;
import org.govpulse.core.table.Tables;

/** Builds the OpenAPI 3 description of the API from the route table, so it cannot list a route that is not served. */
public final class OpenApi {
  /** Version of the API described. */
  public static final String VERSION = "1.0.0";

  private OpenApi() {}

  /** The OpenAPI document of the routes under /api. */
  public static Map<String, Object> document(List<Route> routes) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put("info", Map.of("title", "GovPulse API", "version", VERSION,
        "description", "Indicators, forecasts, target risk, scorecards, data quality and early warnings of "
            + "GovPulse. Every answer is read from one consistent version of each Delta table; errors are RFC 9457 "
            + "problem details. Fields of table rows are the columns of docs/tables.md."));
    doc.put("servers", List.of(Map.of("url", "/")));
    doc.put("x-govpulse-problem-types", Problems.types());
    Map<String, Object> paths = new TreeMap<>();
    Map<String, Object> schemas = new TreeMap<>();
    schemas.put("Problem", problem());
    for (Route r : routes) {
      if (!r.isApi()) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.path(), k -> new LinkedHashMap<>());
      item.put(r.method().name().toLowerCase(Locale.ROOT), operation(r));
      collectTables(r.response(), schemas);
    }
    doc.put("paths", paths);
    Map<String, Object> components = new LinkedHashMap<>();
    components.put("securitySchemes", Map.of(
        "bearer", Map.of("type", "http", "scheme", "bearer", "description", "Authorization: Bearer gp_<id>_<secret>"),
        "apiKeyHeader", Map.of("type", "apiKey", "in", "header", "name", "X-API-Key"),
        "apiKeyQuery", Map.of("type", "apiKey", "in", "query", "name", "api_key",
            "description", "GET only, for EventSource and feed readers that cannot send headers")));
    components.put("schemas", schemas);
    doc.put("components", components);
    return doc;
  }

  private static Map<String, Object> operation(Route r) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", operationId(r));
    op.put("summary", r.summary());
    if (!r.description().isEmpty()) {
      op.put("description", r.description());
    }
    op.put("tags", List.of(r.tag()));
    op.put("x-govpulse-role", r.access().role() == null ? "public" : r.access().role().code());
    List<Map<String, Object>> params = new ArrayList<>();
    for (Route.Param p : r.params()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("in", p.in());
      m.put("required", p.required());
      m.put("description", p.description());
      m.put("schema", p.schema());
      params.add(m);
    }
    if (!params.isEmpty()) {
      op.put("parameters", params);
    }
    if (r.requestBody() != null) {
      op.put("requestBody", Map.of("required", true,
          "content", Map.of("application/json", Map.of("schema", r.requestBody()))));
    }
    if (r.access() != Access.PUBLIC) {
      op.put("security", List.of(Map.of("bearer", List.of()), Map.of("apiKeyHeader", List.of()),
          Map.of("apiKeyQuery", List.of())));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put(Integer.toString(r.successStatus()), Map.of("description", "Success",
        "content", Map.of(r.mediaType(), Map.of("schema", r.response()))));
    List<Integer> errors = new ArrayList<>(List.of(400));
    if (r.access() != Access.PUBLIC) {
      errors.addAll(List.of(401, 403, 429));
    }
    errors.add(404);
    if (r.method().name().equals("POST") || r.path().contains("on-demand")) {
      errors.add(409);
    }
    errors.add(500);
    for (int status : errors) {
      responses.put(Integer.toString(status), Map.of("description", Problems.title(status),
          "content", Map.of(Problems.MEDIA_TYPE, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
    }
    op.put("responses", responses);
    return op;
  }

  /** A stable operation id from method and path: get_api_v1_warnings_warning_id. */
  static String operationId(Route r) {
    return (r.method().name() + r.path()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        .replaceAll("_+$", "");
  }

  private static Map<String, Object> problem() {
    return Schemas.object("type", Schemas.string(), "title", Schemas.string(), "status", Schemas.integer(),
        "detail", Schemas.string(), "instance", Schemas.string(), "what", Schemas.string(), "why", Schemas.string(),
        "fix", Schemas.string(), "errors", Map.of("type", "object", "additionalProperties", Schemas.array(
            Schemas.string())), "error_id", Schemas.string());
  }

  @SuppressWarnings("unchecked")
  private static void collectTables(Object schema, Map<String, Object> schemas) {
    if (schema instanceof Map<?, ?> m) {
      Object ref = m.get("$ref");
      if (ref instanceof String s && s.startsWith(Schemas.TABLE_REF)) {
        String name = s.substring(Schemas.TABLE_REF.length());
        TableContract t = Tables.byName(name).orElseThrow(() -> new IllegalStateException("no table " + name));
        schemas.putIfAbsent(name, Schemas.of(t));
      }
      ((Map<String, Object>) m).values().forEach(v -> collectTables(v, schemas));
    } else if (schema instanceof List<?> l) {
      l.forEach(v -> collectTables(v, schemas));
    }
  }
}
