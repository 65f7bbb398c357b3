package org.govpulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.govpulse.api.ServedFixture;
import org.govpulse.api.TestApi;
import org.govpulse.api.FixtureWarehouse;
import org.junit.jupiter.api.Test;

/** Analysts ask for a forecast of any horizon; it is made on the served series with honest intervals. */
class ForecastRequestTest extends ServedFixture {

  @Test
  void an_analyst_gets_a_forecast_for_the_requested_horizon_after_the_last_actual() {
    JsonNode f = TestApi.json(api.get("/api/v1/forecasts/JZ01/WAIT_DAYS/on-demand?horizon=6", api.analyst));
    assertThat(f.get("horizon").asInt()).isEqualTo(6);
    assertThat(f.get("origin_period").asText()).isEqualTo("2025-12");
    JsonNode steps = f.get("steps");
    assertThat(steps).hasSize(6);
    for (int s = 0; s < 6; s++) {
      JsonNode step = steps.get(s);
      assertThat(step.get("horizon_step").asInt()).isEqualTo(s + 1);
      assertThat(step.get("period").asText()).isEqualTo("2026-0" + (s + 1));
      double point = step.get("point").asDouble();
      assertThat(step.get("lower_95").asDouble()).isLessThanOrEqualTo(step.get("lower_80").asDouble());
      assertThat(step.get("lower_80").asDouble()).isLessThanOrEqualTo(point);
      assertThat(point).isLessThanOrEqualTo(step.get("upper_80").asDouble());
      assertThat(step.get("upper_80").asDouble()).isLessThanOrEqualTo(step.get("upper_95").asDouble());
      // the series moves between about 9 and 13.5 days: a forecast far outside it is wrong
      assertThat(point).as("step %d", s + 1).isBetween(FixtureWarehouse.waitingDays(36 + s) - 3,
          FixtureWarehouse.waitingDays(36 + s) + 3);
    }
    assertThat(f.get("method").asText()).isNotBlank();
  }

  @Test
  void a_longer_horizon_is_a_new_forecast_and_an_impossible_one_is_refused() {
    JsonNode twelve = TestApi.json(api.get("/api/v1/forecasts/JZ01/WAIT_DAYS/on-demand?horizon=12", api.analyst));
    assertThat(twelve.get("steps")).hasSize(12);
    assertThat(twelve.get("steps").get(11).get("period").asText()).isEqualTo("2026-12");
    JsonNode tooFar = TestApi.json(api.get("/api/v1/forecasts/JZ01/GDP/on-demand?horizon=13", api.analyst));
    assertThat(tooFar.get("status").asInt()).isEqualTo(400);
    assertThat(tooFar.get("detail").asText()).contains("Horizon 13").contains("quarterly");
    assertThat(api.get("/api/v1/forecasts/JZ09/WAIT_DAYS/on-demand?horizon=3", api.analyst).statusCode())
        .isEqualTo(404);
  }
  @Test
  void an_analyst_lists_the_backtests_of_one_frequency_for_a_model_report() {
    JsonNode monthly = TestApi.json(api.get("/api/v1/backtests?frequency=monthly", api.analyst));
    assertThat(monthly.get("count").asInt()).isEqualTo(1);
    JsonNode b = monthly.get("items").get(0);
    assertThat(b.get("region_code").asText()).isEqualTo("JZ01");
    assertThat(b.get("indicator_code").asText()).isEqualTo("WAIT_DAYS");
    assertThat(b.get("smape").asDouble()).isEqualTo(4.2);
    assertThat(TestApi.json(api.get("/api/v1/backtests?frequency=annual", api.analyst)).get("count").asInt())
        .isZero();
    JsonNode bad = TestApi.json(api.get("/api/v1/backtests?frequency=weekly", api.analyst));
    assertThat(bad.get("status").asInt()).isEqualTo(400);
    assertThat(bad.toString()).contains("monthly, quarterly, annual");
    assertThat(api.get("/api/v1/backtests", api.viewer).statusCode()).isEqualTo(403);
  }
}
