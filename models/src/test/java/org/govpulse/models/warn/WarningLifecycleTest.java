package org.govpulse.models.warn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarningLifecycleTest {
  private static final Instant T1 = Instant.parse("2026-05-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant T3 = Instant.parse("2026-07-01T00:00:00Z");

  private static WarningCondition risk(Level level) {
    return new WarningCondition("JZ01", "URBAN_UNEMPLOYMENT", "HRSS", "target_risk", "2026", "", level, 0.8, 0.5,
        new WarningCondition.Explanation("t", "t", "x", "x"), List.of(), List.of(), Map.of(), List.of());
  }

  private static List<String> types(WarningLifecycle.Outcome o) {
    return o.events().stream().map(WarningEvent::type).toList();
  }

  @Test
  void the_same_condition_found_again_is_one_warning_not_two() {
    WarningLifecycle.Outcome first = WarningLifecycle.apply(Map.of(), List.of(), List.of(risk(Level.YELLOW)), T1);
    WarningLifecycle.Outcome second = WarningLifecycle.apply(first.states(), List.of(), List.of(risk(Level.YELLOW)),
        T2);
    assertThat(types(first)).containsExactly("raised");
    assertThat(second.events()).isEmpty();
    assertThat(second.states()).hasSize(1);
    assertThat(risk(Level.YELLOW).warningId()).isEqualTo(risk(Level.RED).warningId());
  }

  @Test
  void a_rising_level_escalates_and_reopens_an_acknowledged_warning() {
    WarningLifecycle.Outcome first = WarningLifecycle.apply(Map.of(), List.of(), List.of(risk(Level.YELLOW)), T1);
    String id = risk(Level.YELLOW).warningId();
    WarningLifecycle.Action ack = new WarningLifecycle.Action("a1", id, "acknowledged", T1.plusSeconds(60), "key-1",
        "looking into it");
    WarningLifecycle.Outcome second = WarningLifecycle.apply(first.states(), List.of(ack), List.of(risk(Level.YELLOW)),
        T2);
    assertThat(types(second)).containsExactly("acknowledged");
    assertThat(second.states().get(id).status()).isEqualTo("acknowledged");
    WarningLifecycle.Outcome third = WarningLifecycle.apply(second.states(), List.of(), List.of(risk(Level.ORANGE)),
        T3);
    assertThat(types(third)).containsExactly("escalated");
    assertThat(third.states().get(id).status()).isEqualTo("open");
    assertThat(third.states().get(id).level()).isEqualTo(Level.ORANGE);
    assertThat(third.states().get(id).firstRaisedAt()).isEqualTo(T1);
  }

  @Test
  void a_cleared_condition_resolves_by_itself_and_reopens_if_it_returns() {
    WarningLifecycle.Outcome first = WarningLifecycle.apply(Map.of(), List.of(), List.of(risk(Level.BLUE)), T1);
    WarningLifecycle.Outcome cleared = WarningLifecycle.apply(first.states(), List.of(), List.of(), T2);
    assertThat(types(cleared)).containsExactly("auto_resolved");
    WarningLifecycle.Outcome back = WarningLifecycle.apply(cleared.states(), List.of(), List.of(risk(Level.BLUE)), T3);
    assertThat(types(back)).containsExactly("reopened");
  }

  @Test
  void a_warning_a_person_resolved_stays_resolved_unless_it_gets_worse() {
    WarningLifecycle.Outcome first = WarningLifecycle.apply(Map.of(), List.of(), List.of(risk(Level.YELLOW)), T1);
    String id = risk(Level.YELLOW).warningId();
    WarningLifecycle.Action resolve = new WarningLifecycle.Action("a2", id, "resolved", T1.plusSeconds(5), "key-1",
        "target revised by the city government");
    WarningLifecycle.Outcome second = WarningLifecycle.apply(first.states(), List.of(resolve),
        List.of(risk(Level.YELLOW)), T2);
    assertThat(types(second)).containsExactly("resolved");
    assertThat(second.events().get(0).comment()).isEqualTo("target revised by the city government");
    WarningLifecycle.Outcome third = WarningLifecycle.apply(second.states(), List.of(), List.of(risk(Level.BLUE)), T3);
    assertThat(third.events()).isEmpty();
    assertThat(third.states().get(id).isResolved()).isTrue();
  }
}
