package org.govpulse.api.service;

import static org.govpulse.core.table.Col.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govpulse.api.delta.Columns;
import org.govpulse.api.delta.Record;
import org.govpulse.api.snapshot.WarehouseSnapshot;
import org.govpulse.core.table.WarningTables;
import org.govpulse.models.warn.Level;
import org.govpulse.models.warn.WarnJob;
import org.govpulse.models.warn.WarningLifecycle;
import org.govpulse.models.warn.WarningState;

/**
 * The warnings of one snapshot as the API shows them: gold.warnings with the actions taken through the API that no
 * warn run has folded in yet applied by the lifecycle's own rule, each warning's history (gold.warning_events plus
 * those pending actions), and every event in sequence order with its JSON made once for all stream subscribers.
 */
public final class WarningView {
  /** Ordering of the feed: latest change first, then id. */
  static final Comparator<Record> FEED_ORDER = Comparator.comparing((Record r) -> r.instant(UPDATED_AT)).reversed()
      .thenComparing(r -> r.str(WARNING_ID));

  /**
   * One event of the history, ready for streams and webhooks.
   *
   * @param sequence its sequence number (the SSE id)
   * @param eventId unique id
   * @param type raised, escalated, ...
   * @param at when
   * @param warning the warning as currently shown (for filters and titles), or null when unknown
   * @param data the event with a summary of its warning
   * @param json {@code data} as JSON
   */
  public record Event(long sequence, String eventId, String type, Instant at, Record warning,
      Map<String, Object> data, String json) {}

  private final List<Record> feed;
  private final Map<String, Record> byId;
  private final Map<String, List<Map<String, Object>>> history;
  private final List<Event> events;
  private final long[] sequences;

  private WarningView(List<Record> feed, Map<String, Record> byId, Map<String, List<Map<String, Object>>> history,
      List<Event> events) {
    this.feed = feed;
    this.byId = byId;
    this.history = history;
    this.events = events;
    this.sequences = events.stream().mapToLong(Event::sequence).toArray();
  }

  /** Warnings in feed order. */
  public List<Record> feed() {
    return feed;
  }

  public Optional<Record> warning(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Events of one warning and pending actions, oldest first. */
  public List<Map<String, Object>> history(String id) {
    return history.getOrDefault(id, List.of());
  }

  /** Events with a sequence above {@code after}, in order. */
  public List<Event> eventsAfter(long after) {
    int i = Arrays.binarySearch(sequences, after);
    int from = i >= 0 ? i + 1 : -i - 1;
    return events.subList(from, events.size());
  }

  /** The highest sequence, or 0 without events. */
  public long lastSequence() {
    return sequences.length == 0 ? 0 : sequences[sequences.length - 1];
  }

  static WarningView build(WarehouseSnapshot s, ObjectMapper json) {
    Set<String> folded = new HashSet<>();
    Map<String, List<Map<String, Object>>> history = new HashMap<>();
    List<Record> eventRows = new ArrayList<>(s.rows(WarningTables.WARNING_EVENTS));
    eventRows.sort(Comparator.comparing(r -> r.lng(SEQUENCE)));
    for (Record e : eventRows) {
      folded.add(e.str(EVENT_ID));
      Map<String, Object> m = e.toMap();
      m.put("pending", false);
      history.computeIfAbsent(e.str(WARNING_ID), k -> new ArrayList<>()).add(m);
    }
    Map<String, Record> byId = new LinkedHashMap<>();
    s.rows(WarningTables.WARNINGS).forEach(w -> byId.put(w.str(WARNING_ID), w));
    List<Record> pending = s.rows(WarningTables.WARNING_ACTIONS).stream()
        .filter(a -> !folded.contains(a.str(EVENT_ID)))
        .sorted(Comparator.comparing((Record a) -> a.instant(AT)).thenComparing(a -> a.str(EVENT_ID))).toList();
    for (Record a : pending) {
      Record w = byId.get(a.str(WARNING_ID));
      if (w == null) {
        continue;
      }
      Optional<WarningState> next = WarningLifecycle.act(state(w), action(a));
      if (next.isEmpty()) {
        continue;
      }
      Record updated = withState(w, next.get());
      byId.put(w.str(WARNING_ID), updated);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(EVENT_ID, a.str(EVENT_ID));
      m.put(SEQUENCE, null);
      m.put(WARNING_ID, a.str(WARNING_ID));
      m.put(EVENT_TYPE, a.str(EVENT_TYPE));
      m.put(WARNING_LEVEL, updated.str(WARNING_LEVEL));
      m.put(STATUS, updated.str(STATUS));
      m.put(AT, a.instant(AT).toString());
      m.put(ACTOR, a.str(ACTOR));
      m.put(COMMENT, a.str(COMMENT));
      m.put(RUN_ID, null);
      m.put("pending", true);
      history.computeIfAbsent(a.str(WARNING_ID), k -> new ArrayList<>()).add(m);
    }
    List<Record> feed = new ArrayList<>(byId.values());
    feed.sort(FEED_ORDER);
    List<Event> events = new ArrayList<>();
    for (Record e : eventRows) {
      Record w = byId.get(e.str(WARNING_ID));
      Map<String, Object> data = e.toMap();
      data.put("warning", w == null ? null : w.toMap(WARNING_ID, REGION_CODE, INDICATOR_CODE, DEPT_CODE, KIND, PERIOD,
          WARNING_LEVEL, STATUS, PROBABILITY, TITLE_ZH, TITLE_EN));
      try {
        events.add(new Event(e.lng(SEQUENCE), e.str(EVENT_ID), e.str(EVENT_TYPE), e.instant(AT), w,
            Collections.unmodifiableMap(data), json.writeValueAsString(data)));
      } catch (JsonProcessingException x) {
        throw new IllegalStateException(x);
      }
    }
    history.replaceAll((k, v) -> List.copyOf(v));
    return new WarningView(List.copyOf(feed), Collections.unmodifiableMap(byId), Map.copyOf(history),
        List.copyOf(events));
  }

  static WarningState state(Record w) {
    return new WarningState(w.str(WARNING_ID), Level.parse(w.str(WARNING_LEVEL)), w.str(STATUS),
        WarnJob.BY_SYSTEM.equals(w.str(RESOLVED_BY)), w.instant(FIRST_RAISED_AT), w.instant(UPDATED_AT),
        w.instant(RESOLVED_AT));
  }

  static WarningLifecycle.Action action(Record a) {
    return new WarningLifecycle.Action(a.str(EVENT_ID), a.str(WARNING_ID), a.str(EVENT_TYPE), a.instant(AT),
        a.str(ACTOR), a.str(COMMENT));
  }

  /** The warning with the lifecycle fields of a new state. */
  static Record withState(Record w, WarningState s) {
    Columns c = w.columns();
    Object[] v = w.values();
    v[c.indexOf(STATUS)] = s.status();
    v[c.indexOf(WARNING_LEVEL)] = s.level().code();
    v[c.indexOf(UPDATED_AT)] = s.updatedAt();
    v[c.indexOf(RESOLVED_AT)] = s.resolvedAt();
    v[c.indexOf(RESOLVED_BY)] = s.resolvedAt() == null ? null
        : s.resolvedBySystem() ? WarnJob.BY_SYSTEM : WarnJob.BY_PERSON;
    return new Record(c, v);
  }
}
