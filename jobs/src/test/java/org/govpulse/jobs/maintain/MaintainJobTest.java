package org.govpulse.jobs.maintain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.govpulse.core.delta.RunLog;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.error.GovPulseException;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.TableContract;
import org.govpulse.core.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintainJobTest {
  private static final TableContract T = IngestTables.RUNS;

  @TempDir
  Path dir;

  /** A run log written by three separate appends: three small data files, versions 0 to 2. */
  private Warehouse warehouseWithThreeAppends() {
    Warehouse w = new Warehouse(TestSpark.session(), dir.resolve("warehouse").toString());
    for (int i = 0; i < 3; i++) {
      Instant t = Instant.parse("2026-11-15T02:00:00Z").plusSeconds(i);
      RunLog.append(w, List.of(new RunLog.Entry("run-" + i, "ingest", "run", null, t, t, "succeeded", 0, 0, 0, 0,
          Map.of(), List.of(), Map.of(), "")));
    }
    return w;
  }

  private long rowsAt(Warehouse w, long version) {
    return w.spark().read().format("delta").option("versionAsOf", version).load(w.path(T)).count();
  }

  @Test
  void compaction_leaves_one_file_and_time_travel_within_the_retention_keeps_working() {
    Warehouse w = warehouseWithThreeAppends();
    long lastAppend = w.latestVersions(List.of(T)).get(T.qualifiedName());
    MaintainJob.Result r = new MaintainJob(w, MaintainJob.DELTA_DEFAULT_RETENTION, false, List.of(T)).execute();
    MaintainJob.TableReport t = r.tables().get(0);
    assertThat(t.activeBefore()).isEqualTo(3);
    assertThat(t.activeAfter()).isEqualTo(1);
    // The three compacted files were removed just now, within the retention: VACUUM keeps them.
    assertThat(t.storedAfter()).isEqualTo(t.storedBefore() + 1);
    assertThat(w.read(T).count()).isEqualTo(3);
    assertThat(rowsAt(w, lastAppend)).isEqualTo(3);
    assertThat(rowsAt(w, lastAppend - 1)).isEqualTo(2);
  }

  @Test
  void an_allowed_zero_retention_deletes_the_replaced_files_and_keeps_every_row() {
    Warehouse w = warehouseWithThreeAppends();
    MaintainJob.TableReport t = new MaintainJob(w, Duration.ZERO, true, List.of(T)).execute().tables().get(0);
    assertThat(t.storedAfter()).isEqualTo(1);
    assertThat(w.read(T).count()).isEqualTo(3);
  }

  @Test
  void a_retention_below_deltas_default_is_refused_unless_allowed() {
    Warehouse w = new Warehouse(TestSpark.session(), dir.resolve("warehouse").toString());
    assertThatThrownBy(() -> new MaintainJob(w, Duration.ofHours(24), false))
        .isInstanceOf(GovPulseException.class)
        .hasMessageContaining("below Delta's safety default of 168 hours")
        .hasMessageContaining("govpulse.maintain.allow-short-retention=true");
  }
}
