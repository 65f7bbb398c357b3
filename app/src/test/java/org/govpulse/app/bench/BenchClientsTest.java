package org.govpulse.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.govpulse.api.ApiServer;
import org.govpulse.api.FixtureWarehouse;
import org.govpulse.api.service.Role;
import org.govpulse.core.config.ConfigLoader;
import org.govpulse.core.config.Setting;
import org.govpulse.core.table.WarningTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's own clients read answers and streams correctly, against a real server over the fixture. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchClientsTest {
  @TempDir
  static Path dir;
  private FixtureWarehouse warehouse;
  private ApiServer server;
  private URI base;
  private String key;

  @BeforeAll
  void start() {
    warehouse = FixtureWarehouse.create(dir.resolve("warehouse"));
    server = ApiServer.start(new ConfigLoader().home(dir).environment(Map.of())
        .flag(Setting.WAREHOUSE, warehouse.root.toString()).flag(Setting.API_PORT, "0")
        .flag(Setting.API_RATE_LIMIT, "0").flag(Setting.API_REFRESH_SECONDS, "0.2").load());
    base = URI.create("http://127.0.0.1:" + server.port());
    key = server.keys().create(Role.ANALYST, "bench test", 0, "test").key();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void the_parser_reads_content_length_and_chunked_answers_fed_a_byte_at_a_time() throws Exception {
    HttpLoad.Parser p = new HttpLoad.Parser();
    String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n3;x=y\r\nabc\r\n0\r\n\r\n";
    String sized = "HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\nConnection: close\r\n\r\nnope";
    ByteBuffer both = ByteBuffer.wrap((chunked + sized).getBytes(StandardCharsets.ISO_8859_1));
    p.reset();
    int answers = 0;
    while (both.hasRemaining()) {
      ByteBuffer one = ByteBuffer.wrap(new byte[] {both.get()});
      if (p.feed(one)) {
        answers++;
        if (answers == 1) {
          assertThat(p.status).isEqualTo(200);
          assertThat(p.body).isEqualTo(8);
          assertThat(both.position()).isEqualTo(chunked.length());
          p.reset();
        }
      }
    }
    assertThat(answers).isEqualTo(2);
    assertThat(p.status).isEqualTo(404);
    assertThat(p.body).isEqualTo(4);
    assertThat(p.close).isTrue();
  }

  @Test
  void the_load_counts_only_whole_200_answers_of_the_real_size() throws Exception {
    HttpLoad.Sample ok = new HttpLoad(base, "/api/v1/forecasts/JZ01/WAIT_DAYS", key, false).run(4, 0.5);
    assertThat(ok.errors()).isZero();
    assertThat(ok.throughput()).isPositive();
    assertThat(ok.p50()).isPositive().isLessThanOrEqualTo(ok.p99());
    assertThat(ok.bytes()).isEqualTo(bodyLength("/api/v1/forecasts/JZ01/WAIT_DAYS"));
    HttpLoad.Sample refused = new HttpLoad(base, "/api/v1/forecasts/JZ01/WAIT_DAYS", "gp_0_wrong", false)
        .run(2, 0.3);
    assertThat(refused.errors()).as("401 answers are errors").isPositive();
  }

  @Test
  void subscribers_connect_and_all_get_a_newly_committed_event() throws Exception {
    try (SseSubscribers subs = new SseSubscribers(base, "/api/v1/warnings/stream?last_event_id=8", key, 50, 9)) {
      assertThat(subs.awaitSettled(Duration.ofSeconds(20))).isTrue();
      assertThat(subs.open()).isEqualTo(50);
      assertThat(subs.failed()).isZero();
      warehouse.append(WarningTables.WARNING_EVENTS, FixtureWarehouse.event(9, "w-2", "escalated", "red", "open",
          FixtureWarehouse.T0.plusSeconds(60), "system", null));
      assertThat(subs.awaitDelivered(Duration.ofSeconds(20))).isTrue();
      assertThat(subs.deliveredCount()).isEqualTo(50);
      assertThat(subs.lastDelivery()).isGreaterThanOrEqualTo(subs.firstDelivery()).isPositive();
    }
  }

  @Test
  void a_refused_subscription_is_counted_as_failed_with_its_status() throws Exception {
    try (SseSubscribers subs = new SseSubscribers(base, "/api/v1/warnings/stream", "gp_0_wrong", 3, 1)) {
      assertThat(subs.awaitSettled(Duration.ofSeconds(20))).isTrue();
      assertThat(subs.open()).isZero();
      assertThat(subs.failed()).isEqualTo(3);
      assertThat(subs.firstFailure()).contains("401");
    }
  }

  /** The length of the answer as another HTTP client reads it. */
  private long bodyLength(String path) throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body().length;
  }
}
