package org.govpulse.api.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP failure that is not a {@link org.govpulse.core.error.GovPulseException}: authentication, authorisation,
 * rate limits, malformed bodies. Carries its status, a problem type, a message and headers to send.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final Map<String, String> headers;

  public ApiException(int status, String type, String message, Map<String, String> headers) {
    super(message);
    this.status = status;
    this.type = type;
    this.headers = Map.copyOf(headers);
  }

  public int status() {
    return status;
  }

  /** Short slug of the problem type, e.g. missing-key. */
  public String type() {
    return type;
  }

  public Map<String, String> headers() {
    return headers;
  }

  static ApiException unauthorized(String type, String message) {
    return new ApiException(401, type, message, Map.of("WWW-Authenticate", "Bearer realm=\"govpulse\""));
  }

  static ApiException forbidden(String message) {
    return new ApiException(403, "insufficient-role", message, Map.of());
  }

  static ApiException tooManyRequests(String message, long retryAfterSeconds, int limit) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Retry-After", Long.toString(retryAfterSeconds));
    h.put("RateLimit-Limit", Integer.toString(limit));
    h.put("RateLimit-Remaining", "0");
    return new ApiException(429, "rate-limited", message, h);
  }

  static ApiException badRequest(String type, String message) {
    return new ApiException(400, type, message, Map.of());
  }
}
