package org.govpulse.api.snapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.govpulse.api.delta.KernelWarehouse;
import org.govpulse.api.delta.Record;
import org.govpulse.core.table.TableContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current {@link WarehouseSnapshot} and replaces it when a served table has a new Delta version. A refresh
 * lists each table's log (cheap), reads only the tables that changed, rebuilds only the indexes that depend on them,
 * and then swaps the snapshot in one step: readers see the old snapshot or the new one, never a mix.
 */
public final class SnapshotStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);

  /**
   * What a refresh did.
   *
   * @param changed tables read at a new version
   * @param versions versions served afterwards
   * @param errors tables or indexes that could not be read or built, with the reason (the previous version stays)
   * @param millis how long it took
   */
  public record Refresh(List<String> changed, Map<String, Long> versions, Map<String, String> errors, long millis) {}

  /** A published change, for listeners (the live stream, webhooks). */
  public record Change(WarehouseSnapshot before, WarehouseSnapshot after, Set<TableContract> changed) {}

  private final KernelWarehouse warehouse;
  private final List<TableContract> tables;
  private final List<Derived<?>> indexes;
  private final Clock clock;
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
  private volatile WarehouseSnapshot current = WarehouseSnapshot.empty();
  private volatile Map<String, String> errors = Map.of();
  private volatile Instant lastRefresh;
  private volatile long refreshes;
  private ScheduledExecutorService scheduler;

  public SnapshotStore(KernelWarehouse warehouse, List<TableContract> tables, List<Derived<?>> indexes, Clock clock) {
    this.warehouse = warehouse;
    this.tables = List.copyOf(tables);
    this.indexes = List.copyOf(indexes);
    this.clock = clock;
  }

  /** The snapshot to answer from; take it once per request. */
  public WarehouseSnapshot current() {
    return current;
  }

  public List<TableContract> tables() {
    return tables;
  }

  /** Tables or indexes whose last read failed, with the reason. */
  public Map<String, String> errors() {
    return errors;
  }

  /** When the last refresh finished, or null before the first. */
  public Instant lastRefresh() {
    return lastRefresh;
  }

  public long refreshes() {
    return refreshes;
  }

  /** Called on the refreshing thread after each published change; keep it short. */
  public void onChange(Consumer<Change> listener) {
    listeners.add(listener);
  }

  /** Looks for new versions now and publishes a new snapshot if any table changed. */
  public synchronized Refresh refresh() {
    long t0 = System.nanoTime();
    WarehouseSnapshot before = current;
    Map<TableContract, TableSnapshot> next = new HashMap<>(before.tables());
    Set<TableContract> changed = new LinkedHashSet<>();
    Map<String, String> failures = new TreeMap<>();
    for (TableContract t : tables) {
      long known = before.version(t);
      try {
        var latest = warehouse.latestVersion(t, known);
        if (latest.isEmpty()) {
          if (next.remove(t) != null) {
            changed.add(t);
          }
        } else if (latest.get() != known) {
          List<Record> rows = warehouse.read(t, latest.get());
          next.put(t, new TableSnapshot(t, latest.get(), rows, clock.instant()));
          changed.add(t);
        }
      } catch (RuntimeException e) {
        LOG.warn("cannot read {}; still serving version {}", t.qualifiedName(), known, e);
        failures.put(t.qualifiedName(), String.valueOf(e.getMessage()));
      }
    }
    if (!changed.isEmpty() || before.generation() == 0) {
      WarehouseSnapshot draft = new WarehouseSnapshot(before.generation() + 1, next, Map.of(), clock.instant());
      Map<Derived<?>, Object> built = new HashMap<>();
      boolean ok = true;
      for (Derived<?> d : indexes) {
        boolean stale = before.generation() == 0 || d.dependsOn().stream().anyMatch(changed::contains)
            || !before.derivedValues().containsKey(d);
        if (!stale) {
          built.put(d, before.derivedValues().get(d));
          continue;
        }
        try {
          draft.derivedValues().putAll(built);
          built.put(d, d.build().apply(draft));
        } catch (RuntimeException e) {
          LOG.error("cannot build index {}; still serving the previous snapshot", d.name(), e);
          failures.put("index " + d.name(), String.valueOf(e.getMessage()));
          ok = false;
          break;
        }
      }
      if (ok) {
        WarehouseSnapshot after = new WarehouseSnapshot(draft.generation(), next, built, clock.instant());
        current = after;
        Change change = new Change(before, after, Set.copyOf(changed));
        for (Consumer<Change> l : listeners) {
          try {
            l.accept(change);
          } catch (RuntimeException e) {
            LOG.error("a snapshot listener failed", e);
          }
        }
      }
    }
    errors = Map.copyOf(failures);
    lastRefresh = clock.instant();
    refreshes++;
    List<String> names = new ArrayList<>();
    changed.forEach(t -> names.add(t.qualifiedName()));
    return new Refresh(names, current.versions(), errors, (System.nanoTime() - t0) / 1_000_000);
  }

  /** Refreshes now, then every {@code every} on a background thread. */
  public synchronized void start(Duration every) {
    refresh();
    if (scheduler == null) {
      scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "govpulse-snapshot-refresh");
        t.setDaemon(true);
        return t;
      });
      long ms = Math.max(100, every.toMillis());
      scheduler.scheduleWithFixedDelay(this::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.error("snapshot refresh failed", e);
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
