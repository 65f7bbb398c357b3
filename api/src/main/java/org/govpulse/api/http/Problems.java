package org.govpulse.api.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govpulse.core.error.GovPulseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error body of the API: RFC 9457 problem details ({@code application/problem+json}) with {@code type},
 * {@code title}, {@code status}, {@code detail} and {@code instance}, plus {@code what}, {@code why} and {@code fix}
 * for GovPulse's own errors and {@code errors} for invalid parameters. Never a stack trace: unexpected failures are
 * logged with an id, and the body gives only that id.
 */
public final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  /** The media type of problem details. */
  public static final String MEDIA_TYPE = "application/problem+json";
  /** Problem types are described on the API page under this anchor prefix. */
  static final String TYPE_PREFIX = "/docs#problem-";

  private Problems() {}

  static void govpulse(GovPulseException e, Context ctx) {
    int status = switch (e.kind()) {
      case INVALID_INPUT -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT, BUSY -> 409;
      case CONFIGURATION, INTERNAL -> 500;
    };
    if (status == 500) {
      unexpected(e, ctx);
      return;
    }
    Map<String, Object> body = body(status, slug(e.kind()), e.getMessage(), ctx);
    body.put("what", e.what());
    body.put("why", e.why());
    body.put("fix", e.fix());
    send(ctx, status, body);
  }

  static void api(ApiException e, Context ctx) {
    e.headers().forEach(ctx::header);
    send(ctx, e.status(), body(e.status(), e.type(), e.getMessage(), ctx));
  }

  static void validation(ValidationException e, Context ctx) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    StringBuilder detail = new StringBuilder();
    e.getErrors().forEach((param, list) -> {
      List<String> messages = list.stream().map(ValidationError::getMessage).toList();
      errors.put(param, messages);
      Object value = list.isEmpty() ? null : list.get(0).getValue();
      detail.append(detail.length() == 0 ? "" : "; ").append("Parameter ").append(param)
          .append(value == null ? "" : "=" + value).append(": ").append(String.join(", ", messages));
    });
    Map<String, Object> body = body(400, "invalid-parameter", detail + ". Fix the parameter and retry", ctx);
    body.put("errors", errors);
    send(ctx, 400, body);
  }

  static void http(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String message = switch (status) {
      case 404 -> "Nothing is served at " + ctx.method() + " " + ctx.path() + ". The routes are listed at /docs";
      case 405 -> ctx.method() + " is not allowed on " + ctx.path() + ". The methods of each route are listed at /docs";
      default -> e.getMessage();
    };
    if (status >= 500) {
      unexpected(e, ctx);
      return;
    }
    send(ctx, status, body(status, slug(status), message, ctx));
  }

  /** 404 and 405 for requests no route matched. */
  static void unmatched(Context ctx) {
    http(new HttpResponseException(ctx.statusCode(), ""), ctx);
  }

  static void unexpected(Exception e, Context ctx) {
    String id = UUID.randomUUID().toString();
    LOG.error("request {} {} failed (error id {})", ctx.method(), ctx.path(), id, e);
    Map<String, Object> body = body(500, "internal", "The server failed to answer this request (error id " + id
        + "). It has been logged; retrying is safe. If it persists, give the error id to the operator", ctx);
    body.put("error_id", id);
    send(ctx, 500, body);
  }

  private static Map<String, Object> body(int status, String type, String detail, Context ctx) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", TYPE_PREFIX + type);
    m.put("title", title(status));
    m.put("status", status);
    m.put("detail", detail);
    m.put("instance", ctx.path());
    return m;
  }

  private static void send(Context ctx, int status, Map<String, Object> body) {
    ctx.status(status).contentType(MEDIA_TYPE).result(Json.write(body));
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 429 -> "Too many requests";
      default -> status >= 500 ? "Internal server error" : "Error";
    };
  }

  private static String slug(GovPulseException.Kind kind) {
    return switch (kind) {
      case INVALID_INPUT -> "invalid-input";
      case NOT_FOUND -> "not-found";
      case CONFLICT, BUSY -> "conflict";
      default -> "internal";
    };
  }

  private static String slug(int status) {
    return switch (status) {
      case 400 -> "invalid-input";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 409 -> "conflict";
      default -> "http-" + status;
    };
  }

  /** Every problem type the API sends, with when it is sent, for the API page. */
  public static Map<String, String> types() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("invalid-input", "400: a parameter or body is invalid; detail says which, why and how to fix it.");
    m.put("invalid-parameter", "400: a query or path parameter failed validation; errors lists each.");
    m.put("invalid-body", "400: the request body is not the JSON the route expects.");
    m.put("missing-key", "401: no API key was sent (Authorization: Bearer, X-API-Key, or api_key on GET).");
    m.put("invalid-key", "401: the API key is malformed, unknown or revoked.");
    m.put("insufficient-role", "403: the key's role may not call this route.");
    m.put("not-found", "404: the route or the thing asked for does not exist.");
    m.put("method-not-allowed", "405: the route exists but not with this method.");
    m.put("conflict", "409: the current state forbids it (a resolved warning, a series too short).");
    m.put("rate-limited", "429: the key's token bucket is empty; Retry-After says when to retry.");
    m.put("internal", "500: an unexpected failure, logged under error_id.");
    return m;
  }

  /** JSON writing for problem bodies (never fails on plain maps). */
  static final class Json {
    private Json() {}

    static String write(Object body) {
      try {
        return org.govpulse.api.service.Json.MAPPER.writeValueAsString(body);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
