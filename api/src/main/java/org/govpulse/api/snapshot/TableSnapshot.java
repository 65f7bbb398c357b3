package org.govpulse.api.snapshot;

import java.time.Instant;
import java.util.List;
import org.govpulse.api.delta.Record;
import org.govpulse.core.table.TableContract;

/**
 * One table at one Delta version, in memory.
 *
 * @param table its contract
 * @param version the Delta version read
 * @param rows every row of that version
 * @param loadedAt when it was read
 */
public record TableSnapshot(TableContract table, long version, List<Record> rows, Instant loadedAt) {
  public TableSnapshot {
    rows = List.copyOf(rows);
  }
}
