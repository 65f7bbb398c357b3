package org.govpulse.api.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an API key may do. Each role includes the ones before it: a viewer reads what dashboards show (warnings and
 * their feeds, scorecards, findings, the catalogue, stored series and forecasts); an analyst reads everything and
 * asks for forecasts on demand; an admin also acknowledges and resolves warnings, manages keys and reloads.
 */
public enum Role {
  VIEWER, ANALYST, ADMIN;

  /** viewer, analyst, admin. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this role may do what {@code required} may. */
  public boolean includes(Role required) {
    return ordinal() >= required.ordinal();
  }

  public static Optional<Role> parse(String code) {
    return code == null ? Optional.empty()
        : Arrays.stream(values()).filter(r -> r.code().equals(code.trim().toLowerCase(Locale.ROOT))).findFirst();
  }

  /** The codes, for messages. */
  public static String codes() {
    return String.join(", ", Arrays.stream(values()).map(Role::code).toList());
  }
}
