package org.govpulse.models.warn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One warning per condition, not one per run. Given the states left by the previous run, the actions people took
 * since (acknowledge, resolve) and the conditions this run found, it returns the new states and the events to
 * append to the history:
 * <ul>
 *   <li>a new condition is <b>raised</b> (open);</li>
 *   <li>a level that rises is <b>escalated</b> and the warning is open again, even if it was acknowledged or
 *       resolved by a person; a level that falls is <b>deescalated</b> (status kept);</li>
 *   <li>a condition that is no longer found is <b>auto_resolved</b>; if it comes back it is <b>reopened</b>;</li>
 *   <li>a warning a person resolved stays resolved while its condition persists at the same or a lower level.</li>
 * </ul>
 * Pure logic: no I/O, time passed in.
 */
public final class WarningLifecycle {
  private WarningLifecycle() {}

  /** An acknowledgement or resolution taken through the API. */
  public record Action(String eventId, String warningId, String type, Instant at, String actor, String comment) {}

  /** New states (every warning ever seen) and the events of this run, in order. */
  public record Outcome(Map<String, WarningState> states, List<WarningEvent> events) {}

  public static Outcome apply(Map<String, WarningState> previous, List<Action> actions,
      List<WarningCondition> conditions, Instant now) {
    Map<String, WarningState> states = new LinkedHashMap<>(previous);
    List<WarningEvent> events = new ArrayList<>();
    List<Action> ordered = new ArrayList<>(actions);
    ordered.sort(Comparator.comparing(Action::at).thenComparing(Action::eventId));
    for (Action a : ordered) {
      WarningState s = states.get(a.warningId());
      if (s == null) {
        continue;
      }
      Optional<WarningState> acted = act(s, a);
      if (acted.isEmpty()) {
        continue;
      }
      WarningState next = acted.get();
      states.put(s.warningId(), next);
      events.add(new WarningEvent(a.eventId(), s.warningId(), a.type(), s.level(), next.status(), a.at(), a.actor(),
          a.comment()));
    }
    Map<String, WarningCondition> found = new LinkedHashMap<>();
    conditions.forEach(c -> found.merge(c.warningId(), c,
        (x, y) -> x.level().compareTo(y.level()) >= 0 ? x : y));
    for (WarningCondition c : found.values()) {
      String id = c.warningId();
      WarningState s = states.get(id);
      if (s == null) {
        states.put(id, new WarningState(id, c.level(), WarningState.OPEN, false, now, now, null));
        events.add(event(id, WarningEvent.RAISED, c.level(), WarningState.OPEN, now));
      } else if (c.level().compareTo(s.level()) > 0) {
        states.put(id, new WarningState(id, c.level(), WarningState.OPEN, false, s.firstRaisedAt(), now, null));
        events.add(event(id, WarningEvent.ESCALATED, c.level(), WarningState.OPEN, now));
      } else if (s.isResolved() && s.resolvedBySystem()) {
        states.put(id, new WarningState(id, c.level(), WarningState.OPEN, false, s.firstRaisedAt(), now, null));
        events.add(event(id, WarningEvent.REOPENED, c.level(), WarningState.OPEN, now));
      } else if (c.level().compareTo(s.level()) < 0 && !s.isResolved()) {
        states.put(id, new WarningState(id, c.level(), s.status(), false, s.firstRaisedAt(), now, null));
        events.add(event(id, WarningEvent.DEESCALATED, c.level(), s.status(), now));
      }
    }
    for (WarningState s : List.copyOf(states.values())) {
      if (!found.containsKey(s.warningId()) && !s.isResolved()) {
        states.put(s.warningId(), new WarningState(s.warningId(), s.level(), WarningState.RESOLVED, true,
            s.firstRaisedAt(), now, now));
        events.add(event(s.warningId(), WarningEvent.AUTO_RESOLVED, s.level(), WarningState.RESOLVED, now));
      }
    }
    return new Outcome(states, events);
  }

  /**
   * The state after a person's action, or empty when the action does not apply: only an open warning can be
   * acknowledged, and only an unresolved one resolved. The API applies the same rule to actions no warn run has
   * folded in yet.
   */
  public static Optional<WarningState> act(WarningState s, Action a) {
    boolean resolve = WarningEvent.RESOLVED.equals(a.type());
    if (resolve && s.isResolved() || !resolve && !WarningState.OPEN.equals(s.status())) {
      return Optional.empty();
    }
    return Optional.of(new WarningState(s.warningId(), s.level(),
        resolve ? WarningState.RESOLVED : WarningState.ACKNOWLEDGED, false, s.firstRaisedAt(), a.at(),
        resolve ? a.at() : null));
  }

  private static WarningEvent event(String id, String type, Level level, String status, Instant at) {
    return new WarningEvent(UUID.randomUUID().toString(), id, type, level, status, at, WarningEvent.SYSTEM, null);
  }
}
