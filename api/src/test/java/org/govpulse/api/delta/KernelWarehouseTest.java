package org.govpulse.api.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govpulse.core.table.Col.*;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.govpulse.api.FixtureWarehouse;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.WarningTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelWarehouseTest {
  @TempDir
  Path dir;

  @Test
  void rows_appended_with_kernel_read_back_with_their_types_and_nulls() {
    KernelWarehouse w = new KernelWarehouse(dir.toString());
    Instant at = Instant.parse("2026-03-01T10:15:30.123456Z");
    long v0 = w.append(WarningTables.WARNINGS, List.<Object[]>of(FixtureWarehouse.warning("w-9", "JZ01", null, "EEB",
        "sentiment_surge", "red", "open", at)));
    long v1 = w.append(GoldTables.INDICATOR_PANEL, List.<Object[]>of(FixtureWarehouse.row(GoldTables.INDICATOR_PANEL,
        REGION_CODE, "JZ01", INDICATOR_CODE, "GDP", PERIOD, "2025-Q4", FREQUENCY, "quarterly", PERIOD_START,
        LocalDate.of(2025, 10, 1), VALUE, 512.25, UNIT, "亿元", SOURCE, "report", DERIVATION, "reported",
        DEFINITION_VERSION, 2, SERIES_BREAK, true, COMPLETE, false, QUALITY_FLAGS, List.of("revised", "late"))));

    assertThat(v0).isZero();
    assertThat(v1).isZero();
    Record warning = w.read(WarningTables.WARNINGS, 0).get(0);
    assertThat(warning.str(WARNING_ID)).isEqualTo("w-9");
    assertThat(warning.str(INDICATOR_CODE)).isNull();
    assertThat(warning.instant(UPDATED_AT)).isEqualTo(at);
    assertThat(warning.<String>map(EVIDENCE)).isEmpty();
    assertThat(warning.strings(MODEL_VERSIONS)).containsExactly("m:v1");
    assertThat(warning.str(TITLE_ZH)).isEqualTo("江州JZ01预警w-9");
    Record panel = w.read(GoldTables.INDICATOR_PANEL, 0).get(0);
    assertThat(panel.date(PERIOD_START)).isEqualTo(LocalDate.of(2025, 10, 1));
    assertThat(panel.dbl(VALUE)).isEqualTo(512.25);
    assertThat(panel.integer(DEFINITION_VERSION)).isEqualTo(2);
    assertThat(panel.bool(SERIES_BREAK)).isTrue();
    assertThat(panel.strings(QUALITY_FLAGS)).containsExactly("revised", "late");
    assertThat(panel.integer(REVISION_COUNT)).isNull();
    assertThat(panel.toMap()).containsEntry(PERIOD_START, "2025-10-01").containsEntry(TARGET_VALUE, null);
  }

  @Test
  void latest_version_follows_appends_and_is_empty_for_a_table_never_written() {
    KernelWarehouse w = new KernelWarehouse(dir.toString());
    assertThat(w.latestVersion(WarningTables.WARNING_ACTIONS, -1)).isEmpty();
    for (int i = 0; i < 3; i++) {
      w.append(WarningTables.WARNING_ACTIONS, List.<Object[]>of(new Object[] {"a-" + i, "w-1", "acknowledged",
          Instant.EPOCH, "key:1", null}));
    }
    assertThat(w.latestVersion(WarningTables.WARNING_ACTIONS, -1)).contains(2L);
    assertThat(w.latestVersion(WarningTables.WARNING_ACTIONS, 1)).contains(2L);
    assertThat(w.read(WarningTables.WARNING_ACTIONS, 1)).hasSize(2);
    assertThat(w.read(WarningTables.WARNING_ACTIONS, 2)).extracting(r -> r.str(EVENT_ID))
        .containsExactlyInAnyOrder("a-0", "a-1", "a-2");
  }

  @Test
  void json_of_a_record_uses_the_table_column_names() throws Exception {
    KernelWarehouse w = new KernelWarehouse(dir.toString());
    w.append(WarningTables.WARNING_ACTIONS, List.<Object[]>of(new Object[] {"a-1", "w-1", "resolved",
        Instant.parse("2026-01-02T03:04:05Z"), "key:1", "已处理"}));
    String json = org.govpulse.api.service.Json.MAPPER.writeValueAsString(w.read(WarningTables.WARNING_ACTIONS, 0));
    assertThat(org.govpulse.api.service.Json.MAPPER.readValue(json, List.class)).containsExactly(Map.of(
        EVENT_ID, "a-1", WARNING_ID, "w-1", EVENT_TYPE, "resolved", AT, "2026-01-02T03:04:05Z", ACTOR, "key:1",
        COMMENT, "已处理"));
  }
}
