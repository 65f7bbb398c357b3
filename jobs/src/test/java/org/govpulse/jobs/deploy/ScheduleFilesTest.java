package org.govpulse.jobs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.govpulse.analytics.AnalyzeJob;
import org.govpulse.core.cli.ConfigOptions;
import org.govpulse.ingestion.IngestJob;
import org.govpulse.models.sentiment.ScoreSentimentJob;
import org.govpulse.jobs.maintain.MaintainJob;
import org.govpulse.jobs.models.ForecastStage;
import org.govpulse.jobs.models.WarnStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The schedules in deploy/ (cron, Airflow, Kubernetes) run the real jobs: every main class they name exists and has
 * a main method, every argument list is one the jobs accept, and the nightly chain runs in its order. The cron
 * script is executed with a recording spark-submit; the Airflow DAG file is executed by Python against a minimal
 * stand-in for the two Airflow names it imports; the Kubernetes manifests are parsed as YAML.
 */
class ScheduleFilesTest {
  private static final Path DEPLOY = Path.of("..", "deploy");
  private static final List<String> NIGHTLY = List.of(IngestJob.class.getName(),
      ScoreSentimentJob.class.getName(), AnalyzeJob.class.getName(), ForecastStage.class.getName(),
      WarnStage.class.getName());
  private static final String MAINTAIN = MaintainJob.class.getName();

  @TempDir
  Path tmp;

  /** One spark-submit: its --class and the application's arguments (after the jar). */
  private record Submit(String mainClass, List<String> args) {}

  @Test
  void the_cron_script_submits_the_nightly_chain_in_order_and_maintenance_on_its_own() throws Exception {
    assertThat(cronScript("daily", null).submits()).extracting(Submit::mainClass).containsExactlyElementsOf(NIGHTLY);
    assertThat(cronScript("maintain", null).submits()).extracting(Submit::mainClass).containsExactly(MAINTAIN);
    for (Submit s : cronScript("daily", null).submits()) {
      assertRunnable(s);
    }
  }

  @Test
  void the_cron_script_stops_at_the_first_job_that_fails_and_refuses_an_unknown_mode() throws Exception {
    CronRun failed = cronScript("daily", AnalyzeJob.class.getName());
    assertThat(failed.exit()).isNotZero();
    assertThat(failed.submits()).extracting(Submit::mainClass)
        .containsExactly(IngestJob.class.getName(), ScoreSentimentJob.class.getName(), AnalyzeJob.class.getName());
    assertThat(cronScript("nightly", null).exit()).isEqualTo(2);
  }

  @Test
  void every_crontab_entry_has_a_schedule_and_calls_a_mode_the_script_knows() throws IOException {
    List<String> entries = Files.readAllLines(DEPLOY.resolve("cron/govpulse.crontab")).stream().map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.matches("[A-Z_]+=.*")).toList();
    assertThat(entries).hasSize(2);
    List<String> modes = new ArrayList<>();
    for (String e : entries) {
      String[] f = e.split("\\s+");
      for (int i = 0; i < 5; i++) {
        assertThat(f[i]).as(e).matches("[0-9*/,-]+");
      }
      assertThat(f[5]).as(e).endsWith("deploy/cron/govpulse-daily.sh");
      modes.add(f[6]);
    }
    assertThat(modes).containsExactly("daily", "maintain");
  }

  @Test
  void the_airflow_dags_chain_the_nightly_jobs_and_run_maintenance_weekly() throws Exception {
    Path stub = tmp.resolve("airflow-stub");
    Path operators = Files.createDirectories(stub.resolve("airflow/providers/apache/spark/operators"));
    for (Path p = operators; !p.equals(stub); p = p.getParent()) {
      if (!Files.exists(p.resolve("__init__.py"))) {
        Files.writeString(p.resolve("__init__.py"), "");
      }
    }
    // The two names the DAG file imports, recording what it declares: tasks, arguments and downstream tasks.
    Files.writeString(stub.resolve("airflow/__init__.py"), String.join("\n",
        "DAGS = []",
        "class DAG:",
        "    def __init__(self, dag_id, **kw):",
        "        self.dag_id, self.schedule, self.tasks = dag_id, kw.get('schedule'), []",
        "        DAGS.append(self)",
        "    def __enter__(self):",
        "        DAG.current = self",
        "        return self",
        "    def __exit__(self, *a):",
        "        DAG.current = None",
        ""));
    Files.writeString(operators.resolve("spark_submit.py"), String.join("\n",
        "from airflow import DAG",
        "class SparkSubmitOperator:",
        "    def __init__(self, task_id, **kw):",
        "        self.task_id, self.kw, self.down = task_id, kw, []",
        "        DAG.current.tasks.append(self)",
        "    def __rshift__(self, other):",
        "        self.down.append(other.task_id)",
        "        return other",
        ""));
    String print = String.join("\n",
        "import runpy, sys, airflow",
        "runpy.run_path(sys.argv[1])",
        "for d in airflow.DAGS:",
        "    for t in d.tasks:",
        "        print('|'.join([d.dag_id, d.schedule, t.task_id, t.kw['java_class'],",
        "            ' '.join(t.kw['application_args']), ','.join(t.down)]))",
        "");
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "-c", print,
        DEPLOY.resolve("airflow/govpulse_dag.py").toAbsolutePath().toString()).redirectErrorStream(true);
    pb.environment().put("PYTHONPATH", stub.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    List<String[]> tasks = out.lines().map(l -> l.split("\\|", -1)).toList();
    assertThat(tasks).extracting(t -> t[0] + "/" + t[2] + " -> " + t[5]).containsExactly(
        "govpulse_daily/ingest -> score_sentiment", "govpulse_daily/score_sentiment -> analyze",
        "govpulse_daily/analyze -> forecast", "govpulse_daily/forecast -> warn", "govpulse_daily/warn -> ",
        "govpulse_maintain/maintain -> ");
    List<String> classes = new ArrayList<>(NIGHTLY);
    classes.add(MAINTAIN);
    assertThat(tasks).extracting(t -> t[3]).containsExactlyElementsOf(classes);
    for (String[] t : tasks) {
      assertThat(t[1]).as(t[2] + " schedule").matches("\\S+ \\S+ \\S+ \\S+ \\S+");
      assertRunnable(new Submit(t[3], List.of(t[4].split(" "))));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_kubernetes_manifests_schedule_every_job_once_and_never_two_runs_at_a_time() throws IOException {
    List<String> classes = new ArrayList<>();
    try (var in = Files.newInputStream(DEPLOY.resolve("kubernetes/govpulse-scheduled.yaml"))) {
      for (Object doc : new Yaml().loadAll(in)) {
        Map<String, Object> m = (Map<String, Object>) doc;
        assertThat(m).containsEntry("apiVersion", "sparkoperator.k8s.io/v1beta2")
            .containsEntry("kind", "ScheduledSparkApplication");
        Map<String, Object> spec = (Map<String, Object>) m.get("spec");
        assertThat((String) spec.get("schedule")).matches("\\S+ \\S+ \\S+ \\S+ \\S+");
        assertThat(spec).containsEntry("concurrencyPolicy", "Forbid");
        Map<String, Object> app = (Map<String, Object>) spec.get("template");
        assertThat(app).containsEntry("type", "Java").containsEntry("mode", "cluster");
        assertThat((String) app.get("mainApplicationFile")).endsWith(".jar");
        assertRunnable(new Submit((String) app.get("mainClass"), (List<String>) app.get("arguments")));
        classes.add((String) app.get("mainClass"));
      }
    }
    List<String> all = new ArrayList<>(NIGHTLY);
    all.add(MAINTAIN);
    assertThat(classes).containsExactlyElementsOf(all);
  }

  /** The class has a public static main(String[]) and the arguments are ones every job accepts. */
  private static void assertRunnable(Submit s) {
    try {
      Method main = Class.forName(s.mainClass()).getMethod("main", String[].class);
      assertThat(Modifier.isStatic(main.getModifiers())).as(s.mainClass() + ".main is static").isTrue();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(s.mainClass() + " is not a runnable main class", e);
    }
    ConfigOptions options = new ConfigOptions();
    new CommandLine(options).parseArgs(s.args().toArray(String[]::new));
    assertThat(s.args()).as(s.mainClass() + " arguments").containsSubsequence("--config");
  }

  private record CronRun(int exit, List<Submit> submits) {}

  /** Runs govpulse-daily.sh with a spark-submit that records its arguments (and fails for {@code failing}). */
  private CronRun cronScript(String mode, String failing) throws IOException, InterruptedException {
    Path home = Files.createTempDirectory(tmp, "spark");
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path record = home.resolve("submits.txt");
    Path submit = bin.resolve("spark-submit");
    Files.writeString(submit, String.join("\n",
        "#!/usr/bin/env bash",
        "printf '%s\\n' \"$@\" >> \"" + record + "\"",
        "echo '--end--' >> \"" + record + "\"",
        "for a in \"$@\"; do [ \"$a\" = \"" + (failing == null ? "-" : failing) + "\" ] && exit 1; done",
        "exit 0",
        ""));
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder pb = new ProcessBuilder("bash", DEPLOY.resolve("cron/govpulse-daily.sh").toString(), mode)
        .redirectErrorStream(true).redirectOutput(home.resolve("out.txt").toFile());
    pb.environment().put("SPARK_HOME", home.toString());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<Submit> submits = new ArrayList<>();
    if (Files.exists(record)) {
      List<String> current = new ArrayList<>();
      for (String line : Files.readAllLines(record)) {
        if (line.equals("--end--")) {
          submits.add(parse(current));
          current = new ArrayList<>();
        } else {
          current.add(line);
        }
      }
    }
    return new CronRun(p.exitValue(), submits);
  }

  /** --class and the arguments after the application jar (the first argument ending in .jar). */
  private static Submit parse(List<String> argv) {
    String cls = argv.get(argv.indexOf("--class") + 1);
    int jar = 0;
    while (!argv.get(jar).endsWith(".jar")) {
      jar++;
    }
    return new Submit(cls, argv.subList(jar + 1, argv.size()));
  }
}
