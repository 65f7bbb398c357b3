package org.govpulse.api.http;

import io.javalin.http.Context;
import org.govpulse.api.service.ApiKey;

/** Reading request parameters with Javalin's validators, the same way in every handler. */
final class Params {
  /** Attribute holding the authenticated key. */
  static final String KEY = "govpulse.key";

  private Params() {}

  /** An optional integer query parameter within bounds. */
  static int integer(Context ctx, String name, int defaultValue, int min, int max) {
    return ctx.queryParamAsClass(name, Integer.class)
        .check(v -> v >= min && v <= max, "must be from " + min + " to " + max)
        .getOrDefault(defaultValue);
  }

  /** A required integer query parameter within bounds. */
  static int requiredInteger(Context ctx, String name, int min, int max) {
    return ctx.queryParamAsClass(name, Integer.class)
        .check(v -> v >= min && v <= max, "must be from " + min + " to " + max)
        .get();
  }

  /** An optional number query parameter within bounds, or null. */
  static Double number(Context ctx, String name, double min, double max) {
    return ctx.queryParamAsClass(name, Double.class).allowNullable()
        .check(v -> v == null || v >= min && v <= max, "must be from " + min + " to " + max).get();
  }

  /** A four-digit year, or null. */
  static String year(Context ctx, String name) {
    return ctx.queryParamAsClass(name, String.class).allowNullable()
        .check(v -> v == null || v.matches("\\d{4}"), "must be a year such as 2025").get();
  }

  /** The key the request was authenticated with. */
  static ApiKey key(Context ctx) {
    return ctx.attribute(KEY);
  }

  /** The server's own base URL as the client reached it. */
  static String base(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }
}
