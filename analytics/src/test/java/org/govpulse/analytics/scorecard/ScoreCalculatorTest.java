package org.govpulse.analytics.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScoreCalculatorTest {
  private static ScoreCalculator.Input in(String entity, String group, String indicator, double value, double weight,
      boolean higher) {
    return new ScoreCalculator.Input(entity, group, indicator, value, weight, higher);
  }

  private final List<ScoreCalculator.Input> inputs = List.of(
      in("A", "T1", "income", 100, 0.5, true), in("A", "T1", "unemployment", 4, 0.5, false),
      in("B", "T1", "income", 80, 0.5, true), in("B", "T1", "unemployment", 5, 0.5, false),
      in("C", "T2", "income", 60, 0.5, true), in("C", "T2", "unemployment", 6, 0.5, false),
      in("D", "T2", "income", 90, 0.5, true));

  private Map<String, ScoreCalculator.Score> scores() {
    return new ScoreCalculator(1, true).score(inputs).stream()
        .collect(Collectors.toMap(ScoreCalculator.Score::entity, s -> s));
  }

  @Test
  void polarity_turns_low_unemployment_into_points_and_scores_span_0_to_100() {
    Map<String, ScoreCalculator.Score> s = scores();
    assertThat(s.get("A").score()).isCloseTo(100, within(1e-9));
    assertThat(s.get("C").score()).isCloseTo(0, within(1e-9));
    assertThat(s.get("B").score()).isCloseTo(50, within(1e-9));
    assertThat(s.get("A").rank()).isEqualTo(1);
  }

  @Test
  void contributions_add_up_to_the_score_and_missing_indicators_renormalise_weights() {
    ScoreCalculator.Score d = scores().get("D");
    assertThat(d.contributions()).hasSize(1);
    assertThat(d.contributions().get(0).weight()).isEqualTo(1.0);
    assertThat(d.score()).isCloseTo(75, within(1e-9));
    for (ScoreCalculator.Score s : scores().values()) {
      assertThat(s.contributions().stream().mapToDouble(ScoreCalculator.Contribution::points).sum())
          .isCloseTo(s.score(), within(1e-9));
    }
  }

  @Test
  void ranks_within_tier_and_rank_intervals_under_weight_perturbation() {
    // income normalises to A 100, B 87.5, D 70, C 0; unemployment to A 100, B 40, C 0: with equal weights
    // B scores 63.75 and D 70, but B passes D whenever the income weight is 1.7 times the other's
    Map<String, ScoreCalculator.Score> s = new ScoreCalculator(1, true).score(List.of(
        in("A", "T1", "income", 100, 0.5, true), in("A", "T1", "unemployment", 4, 0.5, false),
        in("B", "T1", "income", 95, 0.5, true), in("B", "T1", "unemployment", 5.2, 0.5, false),
        in("C", "T2", "income", 60, 0.5, true), in("C", "T2", "unemployment", 6, 0.5, false),
        in("D", "T2", "income", 88, 0.5, true))).stream()
        .collect(Collectors.toMap(ScoreCalculator.Score::entity, x -> x));
    assertThat(s.get("D").rank()).isEqualTo(2);
    assertThat(s.get("B").rank()).isEqualTo(3);
    assertThat(s.get("C").rankInGroup()).isEqualTo(2);
    assertThat(s.get("D").rankInGroup()).isEqualTo(1);
    assertThat(s.get("A").rankP05()).isEqualTo(1);
    assertThat(s.get("A").rankP95()).isEqualTo(1);
    assertThat(s.get("B").rankP05()).as("B passes D under some weights").isEqualTo(2);
    assertThat(s.get("D").rankP95()).isEqualTo(3);
  }

  @Test
  void absolute_scores_are_kept_as_they_are() {
    List<ScoreCalculator.Score> s = new ScoreCalculator(1, false).score(List.of(
        in("HC", "dept", "beds", 80, 1, true), in("EDU", "dept", "enrolment", 40, 1, true)));
    assertThat(s).extracting(ScoreCalculator.Score::score).containsExactlyInAnyOrder(40.0, 80.0);
  }
}
