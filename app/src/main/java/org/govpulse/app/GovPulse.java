package org.govpulse.app;

import org.govpulse.api.ServeCommand;
import org.govpulse.core.cli.ErrorHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code govpulse} command: one launcher for every job, the API and the tools. */
@Command(name = "govpulse", mixinStandardHelpOptions = true, version = "GovPulse 0.1.0",
    description = "Analytics and early warnings for government performance management.",
    subcommands = {
        GenerateCommand.class,
        IngestCommand.class,
        AnalyzeCommand.class,
        AuditCommand.class,
        ModelsCommand.class,
        WarnCommand.class,
        TablesCommand.class,
        ConfigCommand.class,
        MaintainCommand.class,
        UnlockCommand.class,
        QuickstartCommand.class,
        ServeCommand.class,
        KeysCommand.class,
        BenchCommand.class,
        CommandLine.HelpCommand.class
    })
public final class GovPulse implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Entry point of ./govpulse. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (tests call it without exiting). */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new GovPulse());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    return cli;
  }
}
