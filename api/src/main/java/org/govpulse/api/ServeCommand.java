package org.govpulse.api;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.govpulse.api.delta.KernelWarehouse;
import org.govpulse.api.service.KeyService;
import org.govpulse.api.service.NewKey;
import org.govpulse.core.cli.ConfigOptions;
import org.govpulse.core.cli.ErrorHandler;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.error.Errors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code govpulse serve}, also a plain main class: starts the API on the warehouse, prints where it listens and, on a
 * warehouse without API keys, creates an admin key, prints it and writes it to the admin key file. Runs until the
 * process is stopped (Ctrl-C or SIGTERM), which closes the server cleanly.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the GovPulse API and dashboard from the warehouse's gold tables (no Spark needed).",
        "On a warehouse without API keys, an admin key is created, printed and written to the admin key file."})
public final class ServeCommand implements Callable<Integer> {
  /** Actor recorded in meta.api_keys for the first admin key. */
  public static final String ACTOR = "serve";

  @Mixin
  ConfigOptions options = new ConfigOptions();

  @Option(names = "--port", paramLabel = "N", description = "Port to listen on (0: any free one). Overrides "
      + "govpulse.api.port (default 8080).")
  Integer port;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to bind. Overrides govpulse.api.host "
      + "(default 127.0.0.1; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--admin-key-file", paramLabel = "FILE", description = "Where the first admin key is written. "
      + "Overrides govpulse.api.admin-key-file (default data/api-admin.key).")
  String adminKeyFile;

  /**
   * A started server.
   *
   * @param server the running API
   * @param url its base URL
   * @param firstAdmin the admin key created because the warehouse had none, if it was
   * @param adminKeyFile where that key was written
   */
  public record Serving(ApiServer server, String url, Optional<NewKey> firstAdmin, Path adminKeyFile) {}

  /** The configuration: flags, then environment, config file and defaults. */
  public GovPulseConfig config() {
    GovPulseConfig config = options.load();
    if (port != null) {
      config = config.with(Setting.API_PORT, String.valueOf(port));
    }
    if (host != null) {
      config = config.with(Setting.API_HOST, host);
    }
    if (adminKeyFile != null) {
      config = config.with(Setting.API_ADMIN_KEY_FILE, adminKeyFile);
    }
    return config;
  }

  /**
   * Makes the first admin key if the warehouse has none and writes it (before listening, so that whoever waits for
   * the health check finds the key file), starts the server and prints how to use it; the caller closes it.
   */
  public Serving start(PrintStream out) {
    return start(config(), out);
  }

  /** {@link #start(PrintStream)} on a configuration resolved elsewhere (the quickstart's). */
  public static Serving start(GovPulseConfig config, PrintStream out) {
    Path keyFile = Path.of(config.get(Setting.API_ADMIN_KEY_FILE)).toAbsolutePath();
    Optional<NewKey> first = KeyService.standalone(new KernelWarehouse(config.warehouse()), Clock.systemUTC())
        .createFirstAdmin(ACTOR);
    first.ifPresent(k -> write(keyFile, k.key()));
    ApiServer server = ApiServer.start(config);
    String url = server.url(config);
    out.println("GovPulse API serving " + config.warehouse());
    out.println("  API        " + url + "/api/v1");
    out.println("  dashboard  " + url + "/dashboard/" + first.map(k -> "#key=" + k.key()).orElse(""));
    out.println("  API docs   " + url + "/docs");
    if (first.isPresent()) {
      out.println("  admin key  " + first.get().key());
      out.println("             (the warehouse had no API key; this one is also in " + keyFile + ")");
    } else {
      out.println("  API keys exist already: " + (Files.exists(keyFile) ? "the first admin key is in " + keyFile
          : "ask an admin") + "; more with ./govpulse keys create --role viewer|analyst|admin");
    }
    out.println("  e.g. curl -H \"Authorization: Bearer $(cat " + keyFile + ")\" " + url + "/api/v1/warnings");
    out.flush();
    return new Serving(server, url, first, keyFile);
  }

  @Override
  public Integer call() throws InterruptedException {
    serveUntilStopped(start(System.out));
    return 0;
  }

  /** Blocks until the process is asked to stop (Ctrl-C, SIGTERM), then closes the server. */
  public static void serveUntilStopped(Serving serving) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      serving.server().close();
      stopped.countDown();
    }, "govpulse-serve-shutdown"));
    stopped.await();
  }

  /** The key file, readable by its owner only where the file system has POSIX permissions. */
  private static void write(Path file, String key) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.deleteIfExists(file);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Errors.invalidInput("Cannot write the admin key file " + file, String.valueOf(e.getMessage()),
          "Give a writable file with --admin-key-file, or revoke this key and make one with ./govpulse keys create "
              + "--role admin");
    }
  }

  /** {@code java -cp ... org.govpulse.api.ServeCommand [--port N] [--warehouse DIR] [--config FILE]}. */
  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new ServeCommand());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    int code = cli.execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
