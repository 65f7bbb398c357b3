package org.govpulse.api.service;

import static org.govpulse.core.table.Col.*;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govpulse.api.delta.KernelWarehouse;
import org.govpulse.api.delta.Record;
import org.govpulse.api.snapshot.Derived;
import org.govpulse.api.snapshot.SnapshotStore;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.WarningTables;
import org.govpulse.models.warn.WarningEvent;
import org.govpulse.models.warn.WarningLifecycle;

/**
 * Warnings for dashboards: the feed with filters and cursor pagination, one warning with its history, the events
 * after a sequence number (for the live stream and webhooks), and acknowledgements and resolutions, which are
 * appended to meta.warning_actions for the next warn run to fold in and shown at once.
 */
public final class WarningService {
  /** Most items per page. */
  public static final int MAX_LIMIT = 500;
  /** Longest comment accepted with an action. */
  public static final int MAX_COMMENT = 2000;

  /** The warnings as shown, rebuilt when any warning table changes. */
  public static final Derived<WarningView> VIEW = Derived.of("warnings",
      s -> WarningView.build(s, Json.MAPPER), WarningTables.WARNINGS, WarningTables.WARNING_EVENTS,
      WarningTables.WARNING_ACTIONS);

  /**
   * A page of the feed.
   *
   * @param items warnings in feed order
   * @param nextCursor cursor of the next page, or null on the last
   */
  public record Page(List<Record> items, String nextCursor) {}

  private final SnapshotStore store;
  private final KernelWarehouse warehouse;
  private final Clock clock;

  public WarningService(SnapshotStore store, KernelWarehouse warehouse, Clock clock) {
    this.store = store;
    this.warehouse = warehouse;
    this.clock = clock;
  }

  public WarningView view() {
    return store.current().get(VIEW);
  }

  /** A page of warnings matching the filter, after the cursor (null for the first page). */
  public Page page(WarningFilter filter, String cursor, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw Errors.invalidInput("Query parameter limit=" + limit + " is invalid", "a page holds 1 to " + MAX_LIMIT
          + " warnings", "Ask for a limit in that range");
    }
    List<Record> all = view().feed();
    int from = cursor == null ? 0 : after(all, Cursor.decode(cursor));
    List<Record> items = new ArrayList<>();
    String next = null;
    for (int i = from; i < all.size(); i++) {
      Record w = all.get(i);
      if (!filter.matches(w)) {
        continue;
      }
      if (items.size() == limit) {
        next = Cursor.of(items.get(items.size() - 1)).encode();
        break;
      }
      items.add(w);
    }
    return new Page(items, next);
  }

  /** The JSON answer of a page. */
  public Map<String, Object> feed(WarningFilter filter, String cursor, int limit) {
    Page p = page(filter, cursor, limit);
    return Envelope.of(p.items(), "next_cursor", p.nextCursor(), "last_sequence", view().lastSequence());
  }

  /** Every warning matching the filter, in feed order (exports). */
  public List<Record> all(WarningFilter filter) {
    return view().feed().stream().filter(filter::matches).toList();
  }

  /** One warning with its history. */
  public Map<String, Object> warning(String id) {
    WarningView v = view();
    Record w = Lookup.found(v.warning(id), "Warning " + id, "gold.warnings", "GET /api/v1/warnings");
    Map<String, Object> m = w.toMap();
    m.put("history", v.history(id));
    return m;
  }

  /**
   * Acknowledges or resolves a warning with a comment: one commit to meta.warning_actions, shown at once.
   *
   * @param type {@link WarningEvent#ACKNOWLEDGED} or {@link WarningEvent#RESOLVED}
   * @return the warning with its history afterwards
   */
  public synchronized Map<String, Object> act(String id, String type, String comment, ApiKey actor) {
    if (comment == null || comment.isBlank() || comment.length() > MAX_COMMENT) {
      throw Errors.invalidInput("The comment is " + (comment == null || comment.isBlank() ? "missing"
          : comment.length() + " characters long"), "an " + type.replace("ed", "") + " action records who did it "
          + "and why, in 1 to " + MAX_COMMENT + " characters", "Send a JSON body {\"comment\": \"...\"}");
    }
    Record w = Lookup.found(view().warning(id), "Warning " + id, "gold.warnings", "GET /api/v1/warnings");
    Instant now = clock.instant();
    WarningLifecycle.Action action = new WarningLifecycle.Action(UUID.randomUUID().toString(), id, type, now,
        actor.actor(), comment.strip());
    if (WarningLifecycle.act(WarningView.state(w), action).isEmpty()) {
      throw Errors.conflict("Warning " + id + " cannot be " + type + " now", "it is " + w.str(STATUS)
          + (WarningEvent.ACKNOWLEDGED.equals(type) ? "; only an open warning can be acknowledged"
              : "; it is already resolved"), "Reload it with GET /api/v1/warnings/" + id);
    }
    warehouse.append(WarningTables.WARNING_ACTIONS, List.<Object[]>of(new Object[] {action.eventId(), id, type,
        now, action.actor(), action.comment()}));
    store.refresh();
    return warning(id);
  }

  private static int after(List<Record> all, Cursor c) {
    int lo = 0;
    int hi = all.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (c.isAfterOrAt(all.get(mid))) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A position in the feed: the change time and id of the last warning of a page. */
  record Cursor(Instant updatedAt, String warningId) {
    static Cursor of(Record w) {
      return new Cursor(w.instant(UPDATED_AT), w.str(WARNING_ID));
    }

    /** True when {@code w} comes at or before this position in feed order. */
    boolean isAfterOrAt(Record w) {
      int c = w.instant(UPDATED_AT).compareTo(updatedAt);
      return c > 0 || c == 0 && w.str(WARNING_ID).compareTo(warningId) <= 0;
    }

    String encode() {
      String raw = updatedAt.toString() + "|" + warningId;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int bar = raw.indexOf('|');
        return new Cursor(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
      } catch (RuntimeException e) {
        throw Errors.invalidInput("Query parameter cursor=" + cursor + " is not a cursor of this feed",
            "cursors are the next_cursor values of earlier pages", "Start again without a cursor");
      }
    }
  }
}
