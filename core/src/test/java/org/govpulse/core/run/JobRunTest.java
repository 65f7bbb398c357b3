package org.govpulse.core.run;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.error.GovPulseException;
import org.govpulse.core.table.Col;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRunTest {
  private static final Duration TTL = Duration.ofMinutes(10);
  private static final Instant T0 = Instant.parse("2026-11-15T02:00:00Z");

  @TempDir
  Path dir;

  private Warehouse warehouse() {
    return new Warehouse(TestSpark.session(), dir.resolve("warehouse").toString());
  }

  private static Clock at(Instant t) {
    return Clock.fixed(t, ZoneOffset.UTC);
  }

  private List<Row> runs(Warehouse w, String job) {
    return w.read(IngestTables.RUNS).filter(col(Col.JOB).equalTo(job).and(col(Col.SOURCE).equalTo(JobRun.SOURCE)))
        .orderBy(Col.STARTED_AT).collectAsList();
  }

  @Test
  void a_second_run_of_a_job_is_refused_while_the_first_holds_the_lock_and_both_are_logged() {
    Warehouse w = warehouse();
    List<String> seen = new ArrayList<>();
    JobRun.Result<String> first = new JobRun(w, "ingest", TTL, at(T0)).execute(runId -> {
      seen.add(runId);
      assertThatThrownBy(() -> new JobRun(w, "ingest", TTL, at(T0.plusSeconds(60))).execute(r -> "second"))
          .isInstanceOfSatisfying(GovPulseException.class,
              e -> assertThat(e.kind()).isEqualTo(GovPulseException.Kind.BUSY))
          .hasMessageContaining("Another ingest run is in progress")
          .hasMessageContaining("run " + runId)
          .hasMessageContaining("./govpulse unlock ingest");
      return "first";
    });
    assertThat(first.value()).isEqualTo("first");
    List<Row> runs = runs(w, "ingest");
    assertThat(runs).extracting(r -> r.<String>getAs(Col.OUTCOME)).containsExactlyInAnyOrder("refused", "succeeded");
    Row refused = runs.stream().filter(r -> r.getAs(Col.OUTCOME).equals("refused")).findFirst().orElseThrow();
    assertThat(refused.<String>getAs(Col.MESSAGE)).contains(seen.get(0));
    assertThat(JobLock.current(w, "ingest")).as("the lock is released at the end").isEmpty();
  }

  @Test
  void runs_of_different_jobs_do_not_block_each_other() {
    Warehouse w = warehouse();
    String inner = new JobRun(w, "ingest", TTL, at(T0)).execute(
        outer -> new JobRun(w, "analyze", TTL, at(T0)).execute(runId -> "analyzed").value()).value();
    assertThat(inner).isEqualTo("analyzed");
  }

  @Test
  void only_one_of_several_simultaneous_attempts_wins_the_lease() throws Exception {
    Warehouse w = warehouse();
    w.ensure(IngestTables.JOB_LOCKS);
    int n = 3;
    CyclicBarrier start = new CyclicBarrier(n);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<String>> attempts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String runId = "run-" + i;
        Callable<String> attempt = () -> {
          start.await();
          try {
            JobLock.acquire(w, "analyze", runId, TTL, at(T0));
            return "won";
          } catch (GovPulseException e) {
            assertThat(e.kind()).isEqualTo(GovPulseException.Kind.BUSY);
            return "refused";
          }
        };
        attempts.add(pool.submit(attempt));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : attempts) {
        outcomes.add(f.get());
      }
      assertThat(outcomes).containsOnlyOnce("won").containsOnly("won", "refused");
    } finally {
      pool.shutdownNow();
    }
    assertThat(w.read(IngestTables.JOB_LOCKS).count()).isEqualTo(1);
  }

  @Test
  void the_lease_of_a_run_that_died_lapses_and_the_next_run_takes_it_over() {
    Warehouse w = warehouse();
    JobLock dead = JobLock.acquire(w, "warn", "dead-run", TTL, at(T0));
    assertThatThrownBy(() -> new JobRun(w, "warn", TTL, at(T0.plus(TTL).minusSeconds(1))).execute(r -> "x"))
        .hasMessageContaining("run dead-run");
    JobRun.Result<String> late = new JobRun(w, "warn", TTL, at(T0.plus(TTL).plusSeconds(1))).execute(r -> "late");
    assertThat(late.value()).isEqualTo("late");
    assertThat(runs(w, "warn")).last().satisfies(r -> assertThat(r.<String>getAs(Col.MESSAGE))
        .startsWith("took over the expired lease of run dead-run"));
    assertThat(dead.renew()).as("the dead run learns it lost its lease").isFalse();
    assertThat(dead.lost()).isTrue();
  }

  @Test
  void renewing_a_lease_pushes_its_expiry_forward() {
    Warehouse w = warehouse();
    JobLock lock = JobLock.acquire(w, "maintain", "r1", TTL, new Clock() {
      private Instant now = T0;

      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        Instant t = now;
        now = now.plus(Duration.ofMinutes(5));
        return t;
      }
    });
    Instant before = JobLock.current(w, "maintain").orElseThrow().expiresAt();
    assertThat(lock.renew()).isTrue();
    assertThat(JobLock.current(w, "maintain").orElseThrow().expiresAt()).isAfter(before);
    lock.close();
    assertThat(JobLock.current(w, "maintain")).isEmpty();
  }

  @Test
  void a_failed_run_is_logged_with_its_error_and_what_it_wrote_and_frees_the_lock() {
    Warehouse w = warehouse();
    w.ensure(GoldTables.REGION_TIERS);
    assertThatThrownBy(() -> new JobRun(w, "analyze", TTL, at(T0)).inputs(List.of("landing /x")).execute(r -> {
      w.ensure(GoldTables.TARGETS);
      throw new IllegalStateException("disk full");
    })).hasMessage("disk full");
    Row failed = runs(w, "analyze").get(0);
    assertThat(failed.<String>getAs(Col.OUTCOME)).isEqualTo("failed");
    assertThat(failed.<String>getAs(Col.MESSAGE)).isEqualTo("java.lang.IllegalStateException: disk full");
    assertThat(failed.getList(failed.fieldIndex(Col.INPUTS))).containsExactly("landing /x", "gold.region_tiers@0");
    assertThat(failed.getJavaMap(failed.fieldIndex(Col.OUTPUTS))).containsOnlyKeys("gold.targets");
    assertThat(new JobRun(w, "analyze", TTL, at(T0)).execute(r -> "again").value()).isEqualTo("again");
  }

  @Test
  void a_run_records_the_versions_it_started_from_and_the_versions_it_wrote() {
    Warehouse w = warehouse();
    w.ensure(GoldTables.REGION_TIERS);
    w.ensure(IngestTables.REFERENCE_SNAPSHOTS);
    JobRun.Result<String> r = new JobRun(w, "ingest", TTL, at(T0)).execute(runId -> {
      w.append(w.spark().createDataFrame(List.of(RowFactory.create("silver.regions", "regions.csv", "abc",
          Timestamp.from(T0))), IngestTables.REFERENCE_SNAPSHOTS.schema()), IngestTables.REFERENCE_SNAPSHOTS);
      return "done";
    });
    assertThat(r.outputs()).containsOnly(Map.entry("meta.reference_snapshots", 1L));
    Row logged = runs(w, "ingest").get(0);
    assertThat(logged.<String>getAs(Col.RUN_ID)).isEqualTo(r.runId());
    assertThat(logged.getList(logged.fieldIndex(Col.INPUTS)))
        .containsExactly("gold.region_tiers@0", "meta.reference_snapshots@0");
    assertThat(logged.getJavaMap(logged.fieldIndex(Col.OUTPUTS)))
        .containsOnly(Map.entry("meta.reference_snapshots", 1L));
    assertThat(logged.<String>getAs(Col.MESSAGE)).isEqualTo("done");
  }
}
