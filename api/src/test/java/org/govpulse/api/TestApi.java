package org.govpulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.govpulse.api.service.Json;
import org.govpulse.api.service.Role;
import org.govpulse.core.config.ConfigLoader;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;

/** A real API server on a free port over a test warehouse, with a key per role and an HTTP client. */
public final class TestApi implements AutoCloseable {
  public final ApiServer server;
  public final GovPulseConfig config;
  public final String viewer;
  public final String analyst;
  public final String admin;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestApi(GovPulseConfig config, ApiServer.Options options) {
    this.config = config;
    this.server = ApiServer.start(config, options);
    this.viewer = server.keys().create(Role.VIEWER, "test viewer", null, "test").key();
    this.analyst = server.keys().create(Role.ANALYST, "test analyst", null, "test").key();
    this.admin = server.keys().create(Role.ADMIN, "test admin", null, "test").key();
  }

  /** A server over the warehouse with extra settings (key, value pairs). */
  public static TestApi start(Path warehouse, Object... settings) {
    return start(warehouse, ApiServer.Options.defaults(), settings);
  }

  public static TestApi start(Path warehouse, ApiServer.Options options, Object... settings) {
    ConfigLoader loader = new ConfigLoader().home(warehouse.getParent()).environment(Map.of())
        .flag(Setting.WAREHOUSE, warehouse.toString()).flag(Setting.API_PORT, "0")
        .flag(Setting.API_REFRESH_SECONDS, "0.2").flag(Setting.API_RATE_LIMIT, "0");
    for (int i = 0; i + 1 < settings.length; i += 2) {
      loader.flag((Setting) settings[i], String.valueOf(settings[i + 1]));
    }
    return new TestApi(loader.load(), options);
  }

  public String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** GET with a key (null for none). */
  public HttpResponse<String> get(String path, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return send(b.GET().build());
  }

  /** POST a JSON body with a key. */
  public HttpResponse<String> post(String path, String key, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json");
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return send(b.POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpClient http() {
    return http;
  }

  /** The body as JSON. */
  public static JsonNode json(HttpResponse<String> r) {
    try {
      return Json.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
    }
  }

  /**
   * Asserts an RFC 9457 problem answer of this status, with its media type, fields and no trace of the server's
   * code, and returns the body.
   */
  public static JsonNode problem(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
        assertThat(t).startsWith("application/problem+json"));
    JsonNode p = json(r);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("type").asText()).startsWith("/docs#problem-");
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("detail").asText()).isNotBlank();
    assertThat(r.body()).doesNotContain(".java:").doesNotContain("\tat ").doesNotContain("Exception");
    return p;
  }

  @Override
  public void close() {
    server.close();
  }
}
