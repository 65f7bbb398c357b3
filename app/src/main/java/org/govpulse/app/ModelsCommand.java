package org.govpulse.app;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.govpulse.core.cli.ConfigOptions;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.models.forecast.EngineSettings;
import org.govpulse.models.pipeline.ForecastRunJob;
import org.govpulse.models.pipeline.TrainModelsJob;
import org.govpulse.models.registry.ModelRef;
import org.govpulse.models.registry.ModelRegistry;
import org.govpulse.models.registry.RegisteredModel;
import org.govpulse.models.risk.EvaluateWarningsJob;
import org.govpulse.models.risk.TargetRiskJob;
import org.govpulse.models.sentiment.EvaluateSentimentJob;
import org.govpulse.models.sentiment.ScoreSentimentJob;
import org.govpulse.models.sentiment.SentimentTrainer;
import org.govpulse.models.sentiment.TrainSentimentJob;
import org.govpulse.models.warn.Level;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govpulse models}: train, score, forecast and manage the model registry. */
@Command(name = "models", mixinStandardHelpOptions = true,
    description = "Train and apply the models (sentiment, target risk, global forecasters) and manage the registry.",
    subcommands = {
        ModelsCommand.TrainSentiment.class,
        ModelsCommand.ScoreSentiment.class,
        ModelsCommand.EvaluateSentiment.class,
        ModelsCommand.Train.class,
        ModelsCommand.Forecast.class,
        ModelsCommand.EvaluateWarnings.class,
        ModelsCommand.ListModels.class,
        ModelsCommand.Inspect.class,
        ModelsCommand.Promote.class,
        ModelsCommand.Rollback.class
    })
public final class ModelsCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs a body with the warehouse of the configured session and prints what it returns. */
  private static Integer withWarehouse(ConfigOptions options, String name, Function<Warehouse, Object> body) {
    GovPulseConfig config = options.load();
    return Sessions.with(config, "govpulse-models-" + name, spark -> {
      System.out.println(body.apply(new Warehouse(spark, config.warehouse())));
      return 0;
    });
  }

  @Command(name = "train-sentiment", mixinStandardHelpOptions = true,
      description = {"Train the sentiment classifier from a labelled CSV (text,label; UTF-8 or GB18030), evaluate it "
          + "on a stratified held-out split and register it as sentiment:vN.",
          "The first version goes to production; later ones are candidates unless --promote. Re-running with the "
              + "same file and seed registers nothing new."})
  static final class TrainSentiment implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--data", required = true, paramLabel = "FILE",
        description = "Labelled CSV: a header with text and label (or 内容 and 标注) columns; local path or Hadoop URI.")
    String data;

    @Option(names = "--test-fraction", defaultValue = "0.2", paramLabel = "F",
        description = "Share of each class held out for the evaluation (default ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
        description = "Seed of the split and of the training (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--hash-bits", defaultValue = "0", paramLabel = "B",
        description = "0: a vocabulary of the n-grams seen (default); B: hash them into 2^B buckets.")
    int hashBits;

    @Option(names = "--promote", description = "Make the new version production right away.")
    boolean promote;

    @Override
    public Integer call() {
      SentimentTrainer trainer = SentimentTrainer.defaults(seed)
          .withFeatures(org.govpulse.models.sentiment.TextFeatures.defaults().withHashBits(hashBits));
      return withWarehouse(options, "train-sentiment",
          w -> new TrainSentimentJob(w, data, testFraction, trainer, promote).execute());
    }
  }

  @Command(name = "score-sentiment", mixinStandardHelpOptions = true,
      description = {"Score the posts of silver.posts that the production sentiment model has not scored yet into "
          + "gold.scored_posts (one row per post).", "Re-running adds nothing; after a promotion or rollback every "
          + "post is rescored by the new production version, replacing its old score."})
  static final class ScoreSentiment implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
      return withWarehouse(options, "score-sentiment", w -> new ScoreSentimentJob(w).execute());
    }
  }

  @Command(name = "evaluate-sentiment", mixinStandardHelpOptions = true,
      description = "Score a registered sentiment model on a labelled CSV it was not trained on; optionally "
          + "cross-validate fresh models on that file.")
  static final class EvaluateSentiment implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled CSV (text,label).")
    String data;

    @Option(names = "--model", defaultValue = "sentiment", paramLabel = "NAME[:vN]",
        description = "The model (default ${DEFAULT-VALUE}: its production version).")
    String model;

    @Option(names = "--folds", defaultValue = "0", paramLabel = "K",
        description = "Also cross-validate fresh models on the file with K folds (default: no).")
    int folds;

    @Override
    public Integer call() {
      ModelRef ref = ModelRef.parse(model);
      return withWarehouse(options, "evaluate-sentiment", w -> new EvaluateSentimentJob(w, ref, data, folds).execute());
    }
  }

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = {"Train the target-risk classifier (on replayed past years) and the global forecasters of every "
          + "frequency class of the panel, and register them.", "A model of a name that has no production version "
          + "yet goes to production; later versions are candidates until promoted."})
  static final class Train implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Training seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
      EngineSettings settings = EngineSettings.defaults();
      settings = settings.withGlobal(settings.global().withSeed(seed));
      EngineSettings s = settings;
      return withWarehouse(options, "train", w -> new TrainModelsJob(w, s, seed).execute());
    }
  }

  @Command(name = "forecast", mixinStandardHelpOptions = true,
      description = {"Forecast every panel series (points, 80%% and 95%% intervals) and the probability of missing "
          + "each annual target, with the registry's production models.",
          "Each row records the registry versions that produced it. Replaces gold.forecasts, gold.backtests and "
              + "gold.target_risk."})
  static final class Forecast implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
      return withWarehouse(options, "forecast", w -> new ForecastRunJob(w, EngineSettings.defaults()).execute());
    }
  }

  @Command(name = "evaluate-warnings", mixinStandardHelpOptions = true,
      description = "Score the target-risk warnings against the sample city's ground truth: planted troubles "
          + "warned, how early, and false alarms of the last completed year.")
  static final class EvaluateWarnings implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--ground-truth", required = true, paramLabel = "DIR",
        description = "The ground_truth folder written by `govpulse generate`.")
    Path groundTruth;

    @Option(names = "--level", defaultValue = "yellow", paramLabel = "LEVEL",
        description = "Lowest level that counts as warned: blue, yellow, orange or red (default ${DEFAULT-VALUE}).")
    String level;

    @Override
    public Integer call() {
      Level minimum;
      try {
        minimum = Level.parse(level);
      } catch (IllegalArgumentException e) {
        throw org.govpulse.core.error.Errors.invalidInput("--level " + level + " is not a warning level",
            "levels are blue, yellow, orange and red, in increasing severity", "Pass one of those, e.g. yellow");
      }
      return withWarehouse(options, "evaluate-warnings", w -> {
        double rho = new ModelRegistry(w).production(TrainModelsJob.RISK_NAME)
            .map(m -> m.metrics().getOrDefault(TrainModelsJob.RHO, TargetRiskJob.DEFAULT_RHO))
            .orElse(TargetRiskJob.DEFAULT_RHO);
        return new EvaluateWarningsJob(w, groundTruth, minimum, rho).execute().report();
      });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Every registered model version with its stage and headline metrics.")
  static final class ListModels implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
      return withWarehouse(options, "list", w -> table(new ModelRegistry(w).list()));
    }

    static String table(List<RegisteredModel> models) {
      if (models.isEmpty()) {
        return "the registry is empty: train a model with `./govpulse models train-sentiment --data FILE` or "
            + "`./govpulse models train`";
      }
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-34s %-17s %-10s %-20s %s%n", "model",
          "kind", "stage", "created (UTC)", "metrics"));
      for (RegisteredModel m : models) {
        sb.append(String.format(Locale.ROOT, "%-34s %-17s %-10s %-20s %s%n", m.id(), m.kind(), m.stage(),
            minute(m.createdAt()), headline(m.metrics())));
      }
      return sb.toString().stripTrailing();
    }

    private static String headline(Map<String, Double> metrics) {
      StringBuilder sb = new StringBuilder();
      for (String k : List.of("accuracy", "macro_f1", "brier_distribution", "brier_classifier", "auc_distribution",
          "holdout_smape", "holdout_smape_theta")) {
        if (metrics.containsKey(k)) {
          sb.append(String.format(Locale.ROOT, "%s=%.3f ", k, metrics.get(k)));
        }
      }
      return sb.toString().trim();
    }
  }

  private static String minute(Instant i) {
    return i == null ? "-" : i.toString().substring(0, 16).replace('T', ' ');
  }

  @Command(name = "inspect", mixinStandardHelpOptions = true,
      description = "One model version in full: stage history, metrics, training tables, evaluation and Tribuo "
          + "provenance.")
  static final class Inspect implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(paramLabel = "NAME[:vN]", description = "A model name (its production version, else its latest) "
        + "or name:vN.")
    String ref;

    @Option(names = "--provenance", description = "Print the whole Tribuo provenance JSON (default: its first lines).")
    boolean fullProvenance;

    @Override
    public Integer call() {
      ModelRef r = ModelRef.parse(ref);
      return withWarehouse(options, "inspect", w -> describe(new ModelRegistry(w).get(r), fullProvenance));
    }

    static String describe(RegisteredModel m, boolean fullProvenance) {
      String provenance = m.provenance();
      if (!fullProvenance) {
        List<String> lines = provenance.lines().toList();
        provenance = String.join("\n", lines.subList(0, Math.min(25, lines.size())))
            + (lines.size() > 25 ? "\n  ... (" + lines.size() + " lines; --provenance prints all)" : "");
      }
      return "model:           " + m.id() + " (" + m.kind() + ")\n"
          + "stage:           " + m.stage() + "\n"
          + "created:         " + m.createdAt() + "\n"
          + "promoted:        " + (m.promotedAt() == null ? "never" : m.promotedAt()) + "\n"
          + "rolled back:     " + (m.rolledBackAt() == null ? "no" : m.rolledBackAt()) + "\n"
          + "artifact:        " + m.artifactPath() + "\n"
          + "fingerprint:     " + m.fingerprint() + "\n"
          + "training tables: " + (m.trainingTables().isEmpty() ? "none (trained from a file)"
          : new java.util.TreeMap<>(m.trainingTables())) + "\n"
          + "note:            " + m.note() + "\n"
          + "metrics:         " + new java.util.TreeMap<>(m.metrics()) + "\n"
          + "evaluation:\n" + m.evaluation() + "\n"
          + "provenance:\n" + provenance;
    }
  }

  @Command(name = "promote", mixinStandardHelpOptions = true,
      description = "Make NAME:vN the production version of its name; the previous one is archived.")
  static final class Promote implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(paramLabel = "NAME:vN", description = "The version to promote.")
    String ref;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the note).")
    String reason;

    @Override
    public Integer call() {
      ModelRef r = ModelRef.parse(ref);
      if (r.version() == null) {
        throw org.govpulse.core.error.Errors.invalidInput("promote needs a version: " + ref,
            "a name alone does not say which version should become production",
            "Write " + r.name() + ":vN (`./govpulse models list` shows the versions)");
      }
      return withWarehouse(options, "promote", w -> {
        RegisteredModel m = new ModelRegistry(w).promote(r.name(), r.version(), reason);
        return m.id() + " is now the production version of " + m.name();
      });
    }
  }

  @Command(name = "rollback", mixinStandardHelpOptions = true,
      description = "Put back the version of NAME that was in production before the current one.")
  static final class Rollback implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(paramLabel = "NAME", description = "The model name.")
    String name;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the note).")
    String reason;

    @Override
    public Integer call() {
      ModelRef r = ModelRef.parse(name);
      return withWarehouse(options, "rollback", w -> {
        ModelRegistry.Transition t = new ModelRegistry(w).rollback(r.name(), reason);
        return "rolled back " + t.from().id() + "; " + t.to().id() + " is the production version again";
      });
    }
  }
}
