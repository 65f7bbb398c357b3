package org.govpulse.app;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.govpulse.api.delta.KernelWarehouse;
import org.govpulse.api.service.KeyService;
import org.govpulse.api.service.NewKey;
import org.govpulse.api.service.Role;
import org.govpulse.core.cli.ConfigOptions;
import org.govpulse.core.error.Errors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govpulse keys}: API keys in meta.api_keys, made without a running server (servers pick them up). */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Create, list and revoke API keys.",
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  private static KeyService keys(ConfigOptions options) {
    return KeyService.standalone(new KernelWarehouse(options.load().warehouse()), Clock.systemUTC());
  }

  /** {@code govpulse keys create --role ROLE}: prints a new key (the only time it is shown). */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Create an API key and print it; only its hash is stored.",
          "viewer: dashboards; analyst: every read and on-demand forecasts; admin: also actions and keys."})
  static final class Create implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, analyst or admin")
    String role;

    @Option(names = "--label", paramLabel = "TEXT", description = "Who or what the key is for")
    String label;

    @Option(names = "--rate-limit", paramLabel = "N",
        description = "Requests per minute for this key (0: none); default govpulse.api.rate-limit-per-minute")
    Integer rateLimit;

    @Override
    public Integer call() {
      Role r = Role.parse(role).orElseThrow(() -> Errors.invalidInput("Role '" + role + "' is unknown",
          "a key has one of the roles " + Role.codes(), "Give --role viewer, --role analyst or --role admin"));
      NewKey k = keys(options).create(r, label, rateLimit, KeyService.CLI);
      System.out.println(k.key());
      System.err.println("created " + k.role().code() + " key " + k.id() + " (" + k.label() + "); keep it safe, "
          + "it is not shown again");
      return 0;
    }
  }

  /** {@code govpulse keys list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the valid keys (never their secrets).")
  static final class ListKeys implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
      keys(options).list().forEach(System.out::println);
      return 0;
    }
  }

  /** {@code govpulse keys revoke ID}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by its id.")
  static final class Revoke implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(paramLabel = "ID", description = "The key id (the 16 hex digits after gp_)")
    String id;

    @Override
    public Integer call() {
      keys(options).revoke(id, KeyService.CLI);
      System.out.println("revoked " + id);
      return 0;
    }
  }
}
