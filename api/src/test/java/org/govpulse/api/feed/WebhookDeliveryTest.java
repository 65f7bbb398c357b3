package org.govpulse.api.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.govpulse.api.ApiServer;
import org.govpulse.api.FixtureWarehouse;
import org.govpulse.api.ServedFixture;
import org.govpulse.api.TestApi;
import org.govpulse.api.service.Json;
import org.govpulse.core.config.Setting;
import org.govpulse.core.table.WarningTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Webhooks: a new warning event reaches a real receiver as a signed CloudEvent, retried after a failure. */
class WebhookDeliveryTest extends ServedFixture {
  private static final String SECRET = "a-webhook-secret-for-tests";

  /** What the receiver got: headers and body of each accepted request. */
  record Received(Map<String, String> headers, String body) {}

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private final HttpServer receiver = receiver();

  private HttpServer receiver() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      s.createContext("/hook", ex -> {
        byte[] body = ex.getRequestBody().readAllBytes();
        // the first attempt fails as a receiver that is down would
        int status = attempts.incrementAndGet() == 1 ? 503 : 204;
        if (status == 204) {
          received.add(new Received(Map.of("id", ex.getRequestHeaders().getFirst("webhook-id"),
              "timestamp", ex.getRequestHeaders().getFirst("webhook-timestamp"),
              "signature", ex.getRequestHeaders().getFirst("webhook-signature"),
              "type", ex.getRequestHeaders().getFirst("Content-Type")), new String(body, StandardCharsets.UTF_8)));
        }
        ex.sendResponseHeaders(status, -1);
        ex.close();
      });
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Object[] settings() {
    return new Object[] {Setting.API_WEBHOOK_URLS, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
        Setting.API_WEBHOOK_SECRET, SECRET};
  }

  @Override
  protected ApiServer.Options options() {
    return new ApiServer.Options(Clock.systemUTC(), Duration.ofMillis(50));
  }

  @AfterAll
  void stopTheReceiver() {
    receiver.stop(0);
  }

  @Test
  void a_new_event_arrives_once_as_a_signed_cloudevent_after_a_failed_attempt() throws Exception {
    warehouse.append(WarningTables.WARNING_EVENTS, FixtureWarehouse.event(9, "w-1", "escalated", "red", "open",
        FixtureWarehouse.T0.plusSeconds(60), "system", null));
    Received r = received.poll(30, TimeUnit.SECONDS);
    assertThat(r).as("delivered within 30 s").isNotNull();
    assertThat(attempts.get()).isEqualTo(2);
    assertThat(r.headers().get("type")).startsWith("application/cloudevents+json");

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
        (r.headers().get("id") + "." + r.headers().get("timestamp") + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
    assertThat(r.headers().get("signature")).isEqualTo(expected);

    JsonNode event = Json.MAPPER.readTree(r.body());
    assertThat(event.get("specversion").asText()).isEqualTo("1.0");
    assertThat(event.get("type").asText()).isEqualTo("org.govpulse.warning.escalated");
    assertThat(event.get("id").asText()).isEqualTo(r.headers().get("id"));
    assertThat(event.get("govpulsesequence").asLong()).isEqualTo(9);
    assertThat(event.get("subject").asText()).isEqualTo("w-1");

    JsonNode status = TestApi.json(api.get("/api/v1/admin/webhooks", api.admin)).get("items").get(0);
    assertThat(status.get("delivered").asLong()).isEqualTo(1);
    assertThat(status.get("retries").asLong()).isEqualTo(1);
    assertThat(status.get("last_error").asText()).isEqualTo("HTTP 503");
    assertThat(received).as("the events before the server started are not sent").isEmpty();
  }
}
