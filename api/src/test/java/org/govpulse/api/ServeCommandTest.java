package org.govpulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.govpulse.api.service.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code govpulse serve}: a fresh warehouse gets one admin key, printed and written, that works at once. */
class ServeCommandTest {
  @TempDir
  Path dir;

  private ServeCommand command(Path keyFile) {
    ServeCommand c = new ServeCommand();
    new CommandLine(c).parseArgs("--port", "0", "--warehouse", dir.resolve("warehouse").toString(),
        "--admin-key-file", keyFile.toString());
    return c;
  }

  private static JsonNode me(String url, String key) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/v1/me"))
        .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.MAPPER.readTree(r.body());
  }

  @Test
  void a_fresh_warehouse_gets_an_admin_key_printed_and_written_and_a_second_start_makes_none() throws Exception {
    FixtureWarehouse.create(dir.resolve("warehouse"));
    Path keyFile = dir.resolve("secrets").resolve("admin.key");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    String key;
    try (ApiServer server = command(keyFile).start(new PrintStream(printed, true, StandardCharsets.UTF_8)).server()) {
      String out = printed.toString(StandardCharsets.UTF_8);
      String url = "http://127.0.0.1:" + server.port();
      key = Files.readString(keyFile).trim();
      assertThat(out).contains(url + "/api/v1").contains(url + "/dashboard/#key=" + key).contains("admin key  " + key);
      assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(me(url, key).get("role").asText()).isEqualTo("admin");
    }

    printed.reset();
    try (ApiServer server = command(keyFile).start(new PrintStream(printed, true, StandardCharsets.UTF_8)).server()) {
      assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("admin key  ")
          .contains("API keys exist already: the first admin key is in " + keyFile);
      assertThat(Files.readString(keyFile).trim()).as("the first key is kept").isEqualTo(key);
      assertThat(me("http://127.0.0.1:" + server.port(), key).get("role").asText()).isEqualTo("admin");
      assertThat(server.keys().list()).hasSize(1);
    }
  }

  @Test
  void serve_help_names_its_options() {
    String usage = new CommandLine(new ServeCommand()).getUsageMessage();
    assertThat(usage).contains("--port").contains("--warehouse").contains("--config").contains("--admin-key-file");
  }
}
