package org.govpulse.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.govpulse.api.FixtureWarehouse;
import org.govpulse.api.delta.KernelWarehouse;
import org.govpulse.core.table.Col;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.WarningTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {
  @TempDir
  Path dir;

  private static Object[] action(String id) {
    return new Object[] {id, "w-1", "acknowledged", Instant.EPOCH, "key:1", null};
  }

  @Test
  void a_new_table_version_is_picked_up_by_the_background_refresher() throws Exception {
    KernelWarehouse w = new KernelWarehouse(dir.toString());
    w.append(WarningTables.WARNING_ACTIONS, List.<Object[]>of(action("a-1")));
    try (SnapshotStore store = new SnapshotStore(w, List.of(WarningTables.WARNING_ACTIONS), List.of(),
        Clock.systemUTC())) {
      CompletableFuture<SnapshotStore.Change> published = new CompletableFuture<>();
      store.onChange(c -> {
        if (c.after().version(WarningTables.WARNING_ACTIONS) == 1) {
          published.complete(c);
        }
      });
      store.start(Duration.ofMillis(100));
      assertThat(store.current().rows(WarningTables.WARNING_ACTIONS)).hasSize(1);

      w.append(WarningTables.WARNING_ACTIONS, List.<Object[]>of(action("a-2"), action("a-3")));

      SnapshotStore.Change change = published.get(20, TimeUnit.SECONDS);
      assertThat(change.changed()).containsExactly(WarningTables.WARNING_ACTIONS);
      assertThat(change.before().rows(WarningTables.WARNING_ACTIONS)).as("the old snapshot is untouched").hasSize(1);
      assertThat(store.current().rows(WarningTables.WARNING_ACTIONS)).extracting(r -> r.str(Col.EVENT_ID))
          .containsExactlyInAnyOrder("a-1", "a-2", "a-3");
    }
  }

  @Test
  void an_index_is_rebuilt_only_when_a_table_it_depends_on_changes() {
    KernelWarehouse w = new KernelWarehouse(dir.toString());
    FixtureWarehouse fixture = FixtureWarehouse.empty(dir);
    fixture.append(IngestTables.DEPARTMENTS, FixtureWarehouse.row(IngestTables.DEPARTMENTS, Col.DEPT_CODE, "STAT",
        Col.NAME_ZH, "统计局", Col.NAME_EN, "Statistics"));
    AtomicInteger builds = new AtomicInteger();
    Derived<Integer> departments = Derived.of("departments", s -> {
      builds.incrementAndGet();
      return s.rows(IngestTables.DEPARTMENTS).size();
    }, IngestTables.DEPARTMENTS);
    try (SnapshotStore store = new SnapshotStore(w, List.of(IngestTables.DEPARTMENTS,
        WarningTables.WARNING_ACTIONS), List.of(departments), Clock.systemUTC())) {
      store.refresh();
      w.append(WarningTables.WARNING_ACTIONS, List.<Object[]>of(action("a-1")));
      store.refresh();
      assertThat(builds).as("actions changed, departments did not").hasValue(1);
      fixture.append(IngestTables.DEPARTMENTS, FixtureWarehouse.row(IngestTables.DEPARTMENTS, Col.DEPT_CODE, "EEB",
          Col.NAME_ZH, "生态环境局", Col.NAME_EN, "Ecology"));
      store.refresh();
      assertThat(builds).hasValue(2);
      assertThat(store.current().get(departments)).isEqualTo(2);
      assertThat(store.current().generation()).isEqualTo(3);
    }
  }

  @Test
  void a_version_that_cannot_be_read_is_reported_and_the_last_good_one_stays_served() throws IOException {
    KernelWarehouse w = new KernelWarehouse(dir.toString());
    w.append(WarningTables.WARNING_ACTIONS, List.<Object[]>of(action("a-1")));
    try (SnapshotStore store = new SnapshotStore(w, List.of(WarningTables.WARNING_ACTIONS), List.of(),
        Clock.systemUTC())) {
      store.refresh();
      // a commit whose data file is gone, as after a botched manual clean-up
      Path log = dir.resolve("meta/warning_actions/_delta_log");
      Files.writeString(log.resolve("00000000000000000001.json"),
          "{\"add\":{\"path\":\"missing.parquet\",\"partitionValues\":{},\"size\":100,\"modificationTime\":1,"
              + "\"dataChange\":true}}\n");
      SnapshotStore.Refresh r = store.refresh();
      assertThat(r.errors()).containsKey("meta.warning_actions");
      assertThat(store.current().version(WarningTables.WARNING_ACTIONS)).isZero();
      assertThat(store.current().rows(WarningTables.WARNING_ACTIONS)).hasSize(1);
    }
  }
}
