package org.govpulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The launcher's model commands: their error paths say what is wrong and how to fix it (exit code 2, one line on
 * stderr, no stack trace), and a train, list, inspect, promote round trip works from the command line.
 */
class ModelsCommandTest {
  @TempDir
  Path root;

  /** Exit code, stdout and stderr of one command line. */
  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = GovPulse.commandLine();
    cli.setErr(new PrintWriter(err, true));
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int exit = cli.execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(stdout);
    }
  }

  private String warehouse() {
    return root.resolve("warehouse").toString();
  }

  @Test
  void bad_arguments_are_refused_before_any_work_starts() {
    Run noVersion = run("models", "promote", "sentiment", "--warehouse", warehouse());
    assertThat(noVersion.exit()).isEqualTo(2);
    assertThat(noVersion.err()).contains("promote needs a version").contains("sentiment:vN");
    assertThat(run("models", "inspect", "Sentiment:2").err()).contains("is not a model reference");
    assertThat(run("models", "rollback", "a b").err()).contains("is not a model reference");
    Run level = run("models", "evaluate-warnings", "--ground-truth", root.toString(), "--level", "purple");
    assertThat(level.exit()).isEqualTo(2);
    assertThat(level.err()).contains("--level purple is not a warning level");
    Run missing = run("models", "train-sentiment");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option: '--data=FILE'");
    Run m3 = run("bench", "m3", "--data", root.resolve("no-m3").toString(), "--limit", "1");
    assertThat(m3.exit()).isEqualTo(2);
    assertThat(m3.err()).contains("does not exist").doesNotContain("Exception");
  }

  @Test
  void commands_on_an_empty_warehouse_say_what_to_run_first() {
    Run list = run("models", "list", "--warehouse", warehouse());
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("the registry is empty");
    Run score = run("models", "score-sentiment", "--warehouse", warehouse());
    assertThat(score.exit()).isEqualTo(2);
    assertThat(score.err()).contains("No model named 'sentiment' is registered").contains("train-sentiment");
    assertThat(run("models", "forecast", "--warehouse", warehouse()).err())
        .contains("gold.indicator_panel does not exist").contains("./govpulse analyze");
    assertThat(run("models", "train", "--warehouse", warehouse()).err())
        .contains("gold.indicator_panel does not exist");
    Run warn = run("warn", "--warehouse", warehouse());
    assertThat(warn.exit()).isEqualTo(2);
    assertThat(warn.err()).contains("does not exist").contains("./govpulse");
    Run data = run("models", "train-sentiment", "--warehouse", warehouse(), "--data",
        root.resolve("nowhere.csv").toString());
    assertThat(data.err()).contains("The labelled file").contains("does not exist");
  }

  @Test
  void train_list_inspect_promote_and_rollback_from_the_command_line() throws Exception {
    StringBuilder csv = new StringBuilder("text,label\n");
    String[][] rows = {{"办事很快，工作人员很耐心，点赞", "positive"}, {"排队两个小时，太慢了，不满意", "negative"},
        {"请问周六上班吗", "neutral"}};
    for (int i = 0; i < 12; i++) {
      String[] r = rows[i % rows.length];
      csv.append(r[0]).append(i).append(',').append(r[1]).append('\n');
    }
    Path file = Files.writeString(root.resolve("labelled.csv"), csv.toString());
    Run first = run("models", "train-sentiment", "--warehouse", warehouse(), "--data", file.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("registered sentiment:v1 (production)").contains("confusion");
    Run second = run("models", "train-sentiment", "--warehouse", warehouse(), "--data", file.toString(),
        "--seed", "9");
    assertThat(second.out()).contains("registered sentiment:v2 (candidate)");
    Run list = run("models", "list", "--warehouse", warehouse());
    assertThat(list.out()).contains("sentiment:v1").contains("sentiment:v2").contains("accuracy=");
    Run inspect = run("models", "inspect", "sentiment:v2", "--warehouse", warehouse());
    assertThat(inspect.out()).contains("stage:           candidate").contains("LinearSGDModel")
        .contains("none (trained from a file)");
    assertThat(run("models", "inspect", "sentiment:v7", "--warehouse", warehouse()).err())
        .contains("Model sentiment has no version v7").contains("[v1, v2]");
    assertThat(run("models", "promote", "sentiment:v2", "--warehouse", warehouse()).out())
        .contains("sentiment:v2 is now the production version");
    assertThat(run("models", "rollback", "sentiment", "--warehouse", warehouse()).out())
        .contains("rolled back sentiment:v2; sentiment:v1 is the production version again");
    Run again = run("models", "rollback", "sentiment", "--warehouse", warehouse());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("cannot be rolled back from sentiment:v1");
  }
}
