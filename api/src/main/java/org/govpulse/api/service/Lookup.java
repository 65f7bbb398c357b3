package org.govpulse.api.service;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.govpulse.core.error.Errors;
import org.govpulse.core.error.GovPulseException;

/** Messages for things asked for that do not exist, and for filter values outside their domain. */
public final class Lookup {
  private Lookup() {}

  /** The value, or a 404 naming what was looked for and where to find valid ones. */
  public static <T> T found(Optional<T> value, String what, String table, String listWith) {
    return value.orElseThrow(() -> notFound(what, table, listWith));
  }

  public static GovPulseException notFound(String what, String table, String listWith) {
    return Errors.notFound(what + " does not exist", table + " has no such entry in the version served",
        "List what exists with " + listWith);
  }

  /** Checks an optional filter value against the values it may take; returns it lower-cased. */
  public static String oneOf(String parameter, String value, Collection<String> allowed) {
    if (value == null) {
      return null;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw Errors.invalidInput("Query parameter " + parameter + "=" + value + " is invalid",
          "it must be one of " + String.join(", ", allowed), "Use one of those values or leave it out");
    }
    return v;
  }

  /** A comma-separated filter whose items must each be allowed. */
  public static List<String> someOf(String parameter, String value, Collection<String> allowed) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> oneOf(parameter, s, allowed)).distinct().toList();
  }
}
