package org.govpulse.api.http;

import io.javalin.security.RouteRole;
import org.govpulse.api.service.Role;

/** Who may call a route: anyone, or a key with at least a role. */
public enum Access implements RouteRole {
  PUBLIC(null), VIEWER(Role.VIEWER), ANALYST(Role.ANALYST), ADMIN(Role.ADMIN);

  private final Role role;

  Access(Role role) {
    this.role = role;
  }

  /** The least role needed, or null for public routes. */
  public Role role() {
    return role;
  }
}
