package org.govpulse.api.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.govpulse.api.service.Json;

/**
 * A real headless Chromium driven through chromedriver's W3C WebDriver protocol (plain HTTP and JSON, so the tests
 * need no driver library). {@link #find()} says whether Debian's chromium and chromium-driver are installed.
 */
final class Browser implements AutoCloseable {
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
  private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
  private static final List<Path> DRIVER = List.of(Path.of("/usr/bin/chromedriver"),
      Path.of("/usr/lib/chromium/chromedriver"));

  /** Where the browser and its driver are installed. */
  record Install(Path chromium, Path driver) {}

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Process driver;
  private final String base;
  private final String session;

  /** The installed browser and driver, or empty when either is missing. */
  static Optional<Install> find() {
    String given = System.getProperty("govpulse.chromium");
    if (given != null) {
      // an explicit path (also how the skip is tried on a machine that has a browser)
      return Files.isExecutable(Path.of(given)) && DRIVER.stream().anyMatch(Files::isExecutable)
          ? Optional.of(new Install(Path.of(given), DRIVER.stream().filter(Files::isExecutable).findFirst().get()))
          : Optional.empty();
    }
    Optional<Path> chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst();
    Optional<Path> driver = DRIVER.stream().filter(Files::isExecutable).findFirst();
    return chromium.isPresent() && driver.isPresent()
        ? Optional.of(new Install(chromium.get(), driver.get())) : Optional.empty();
  }

  Browser(Install install, Path workDir) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    Path profile = Files.createTempDirectory(workDir, "chromium-profile");
    driver = new ProcessBuilder(install.driver().toString(), "--port=" + port)
        .redirectErrorStream(true).redirectOutput(workDir.resolve("chromedriver.log").toFile()).start();
    try {
      awaitDriver();
      session = newSession(install, profile);
    } catch (IOException | RuntimeException e) {
      stop(driver);
      throw e;
    }
  }

  private String newSession(Install install, Path profile) {
    ObjectNode options = Json.MAPPER.createObjectNode();
    options.put("binary", install.chromium().toString());
    options.putPOJO("args", List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile));
    JsonNode created = call("POST", "/session", Map.of("capabilities",
        Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", options))));
    String path = "/session/" + created.get("value").get("sessionId").asText();
    call("POST", path + "/timeouts", Map.of("script", 30_000, "pageLoad", 30_000, "implicit", 0));
    return path;
  }

  /** Waits for chromedriver to answer /status (it starts in well under a second). */
  private void awaitDriver() throws IOException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (true) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (Json.MAPPER.readTree(r.body()).path("value").path("ready").asBoolean()) {
          return;
        }
      } catch (ConnectException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (!driver.isAlive() || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("chromedriver did not start on " + base);
      }
      try {
        driver.waitFor(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private JsonNode call(String method, String path, Object body) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json; charset=utf-8");
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = Json.MAPPER.readTree(r.body());
      if (r.statusCode() != 200) {
        throw new AssertionError("WebDriver " + method + " " + path + " failed (" + r.statusCode() + "): "
            + json.path("value").path("message").asText(r.body()));
      }
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  void open(String url) {
    call("POST", session + "/url", Map.of("url", url));
  }

  /** Runs a script in the page ({@code return ...}) and gives its value. */
  JsonNode script(String js, Object... args) {
    return call("POST", session + "/execute/sync", Map.of("script", js, "args", List.of(args))).get("value");
  }

  /**
   * Waits in the page until a JavaScript expression is truthy (checked on every animation frame and DOM change),
   * failing with the expression and the page's text after the timeout.
   */
  void await(String expression) {
    String js = "const done = arguments[arguments.length - 1];"
        + "const check = () => { try { return !!(" + expression + "); } catch (e) { return false; } };"
        + "if (check()) { done(true); return; }"
        + "const timer = setTimeout(() => { obs.disconnect(); done(false); }, 20000);"
        + "const obs = new MutationObserver(() => { if (check()) { obs.disconnect(); clearTimeout(timer); done(true); } });"
        + "obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });";
    boolean ok = call("POST", session + "/execute/async", Map.of("script", js, "args", List.of()))
        .get("value").asBoolean();
    if (!ok) {
      throw new AssertionError("the page never showed: " + expression + "\npage text:\n"
          + script("return document.body.innerText").asText());
    }
  }

  /** Clicks the first element matching a CSS selector, as a user does. */
  void click(String css) {
    JsonNode found = call("POST", session + "/element", Map.of("using", "css selector", "value", css));
    call("POST", session + "/element/" + found.get("value").get(ELEMENT).asText() + "/click", Map.of());
  }

  /** The text a user sees in the elements matching a selector. */
  List<String> texts(String css) {
    JsonNode v = script("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText)", css);
    return Json.MAPPER.convertValue(v, Json.MAPPER.getTypeFactory().constructCollectionType(List.class,
        String.class));
  }

  @Override
  public void close() {
    try {
      call("DELETE", session, null);
    } catch (RuntimeException e) {
      // the driver is stopped below anyway
    } finally {
      stop(driver);
    }
  }

  /** Stops the driver and the browser it started, even when the session could not be closed. */
  private static void stop(Process driver) {
    driver.descendants().forEach(ProcessHandle::destroy);
    driver.destroy();
  }
}
