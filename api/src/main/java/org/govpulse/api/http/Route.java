package org.govpulse.api.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of the route table: method, path, who may call it, the handler, and what the OpenAPI description says
 * about it (summary, parameters, response). The table is the single source of both the registered routes and the
 * OpenAPI document.
 */
public final class Route {
  /**
   * A parameter.
   *
   * @param name its name
   * @param in path, query or header
   * @param schema its JSON schema
   * @param required whether it must be given
   * @param description what it means
   */
  public record Param(String name, String in, Map<String, Object> schema, boolean required, String description) {}

  private final HandlerType method;
  private final String path;
  private final Access access;
  private final Handler handler;
  private String tag = "system";
  private String summary = "";
  private String description = "";
  private final List<Param> params = new ArrayList<>();
  private Map<String, Object> response = Schemas.object();
  private String mediaType = "application/json";
  private int successStatus = 200;
  private Map<String, Object> requestBody;
  private boolean cached;

  private Route(HandlerType method, String path, Access access, Handler handler) {
    this.method = method;
    this.path = path;
    this.access = access;
    this.handler = handler;
  }

  public static Route get(String path, Access access, Handler handler) {
    return new Route(HandlerType.GET, path, access, handler);
  }

  public static Route post(String path, Access access, Handler handler) {
    return new Route(HandlerType.POST, path, access, handler);
  }

  public static Route delete(String path, Access access, Handler handler) {
    return new Route(HandlerType.DELETE, path, access, handler);
  }

  public Route tag(String t) {
    this.tag = t;
    return this;
  }

  public Route summary(String s) {
    this.summary = s;
    return this;
  }

  public Route description(String d) {
    this.description = d;
    return this;
  }

  /** A path parameter (the path names it in braces). */
  public Route path(String name, String description) {
    params.add(new Param(name, "path", Schemas.string(), true, description));
    return this;
  }

  /** An optional string query parameter. */
  public Route query(String name, String description) {
    return query(name, Schemas.string(), description);
  }

  /** An optional query parameter with a schema. */
  public Route query(String name, Map<String, Object> schema, String description) {
    params.add(new Param(name, "query", schema, false, description));
    return this;
  }

  /** A required query parameter. */
  public Route requiredQuery(String name, Map<String, Object> schema, String description) {
    params.add(new Param(name, "query", schema, true, description));
    return this;
  }

  public Route header(String name, String description) {
    params.add(new Param(name, "header", Schemas.string(), false, description));
    return this;
  }

  /** The JSON schema of a successful answer. */
  public Route returns(Map<String, Object> schema) {
    this.response = schema;
    return this;
  }

  /** The schema and media type of a successful non-JSON answer. */
  public Route returns(String media, Map<String, Object> schema) {
    this.mediaType = media;
    this.response = schema;
    return this;
  }

  public Route status(int s) {
    this.successStatus = s;
    return this;
  }

  /** The JSON schema of the request body. */
  public Route body(Map<String, Object> schema) {
    this.requestBody = schema;
    return this;
  }

  /**
   * Answers depend only on the path, the query and the served snapshot (not on the key or the Host header), so they
   * may be kept serialised until a table changes.
   */
  public Route cached() {
    this.cached = true;
    return this;
  }

  public boolean isCached() {
    return cached;
  }

  public HandlerType method() {
    return method;
  }

  public String path() {
    return path;
  }

  public Access access() {
    return access;
  }

  public Handler handler() {
    return handler;
  }

  public String tag() {
    return tag;
  }

  public String summary() {
    return summary;
  }

  public String description() {
    return description;
  }

  public List<Param> params() {
    return List.copyOf(params);
  }

  public Map<String, Object> response() {
    return response;
  }

  public String mediaType() {
    return mediaType;
  }

  public int successStatus() {
    return successStatus;
  }

  public Map<String, Object> requestBody() {
    return requestBody;
  }

  /** True for paths under /api/v1 (documented in OpenAPI). */
  public boolean isApi() {
    return path.startsWith("/api/");
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
