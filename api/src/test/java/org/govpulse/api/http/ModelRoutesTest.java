package org.govpulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.govpulse.api.SharedFixture;
import org.junit.jupiter.api.Test;

/** GET /api/v1/models...: the registry for model reports, every version with its provenance and metrics. */
class ModelRoutesTest extends SharedFixture {
  @Test
  void the_list_has_the_latest_version_of_each_model_and_which_version_is_in_production() {
    JsonNode list = get("/api/v1/models", api.analyst);
    assertThat(list.get("version").asLong()).isZero();
    assertThat(list.get("items")).extracting(m -> m.get("registry_version").asText())
        .containsExactly("risk_classifier:v3", "sentiment:v1");
    JsonNode risk = list.get("items").get(0);
    assertThat(risk.get("stage").asText()).isEqualTo("candidate");
    assertThat(risk.get("production_version").asInt()).isEqualTo(2);
    assertThat(risk.get("model_kind").asText()).isEqualTo("risk_classifier");
    assertThat(list.get("items").get(1).get("production_version").asInt()).isEqualTo(1);
  }

  @Test
  void a_kind_filter_selects_one_kind_and_an_unknown_kind_gets_400() {
    assertThat(get("/api/v1/models?kind=text_classifier", api.analyst).get("items"))
        .extracting(m -> m.get("model_name").asText()).containsExactly("sentiment");
    assertThat(get("/api/v1/models?kind=global_forecaster", api.analyst).get("count").asInt()).isZero();
    JsonNode p = problem("/api/v1/models?kind=neural_net", api.analyst, 400);
    assertThat(p.get("detail").asText()).contains("kind=neural_net")
        .contains("global_forecaster, risk_classifier, text_classifier");
  }

  @Test
  void every_version_of_a_model_comes_newest_first() {
    JsonNode versions = get("/api/v1/models/risk_classifier", api.analyst);
    assertThat(versions.get("model_name").asText()).isEqualTo("risk_classifier");
    assertThat(versions.get("items")).extracting(m -> m.get("version").asInt() + ":" + m.get("stage").asText())
        .containsExactly("3:candidate", "2:production", "1:archived");
  }

  @Test
  void one_version_carries_its_provenance_metrics_evaluation_and_training_tables_as_json() {
    JsonNode v2 = get("/api/v1/models/risk_classifier/versions/2", api.analyst);
    assertThat(v2.get("provenance").get("trainer").get("seed").asInt()).isEqualTo(1002);
    assertThat(v2.get("provenance").get("class-name").asText()).endsWith("LinearSGDModel");
    assertThat(v2.get("metrics").get("accuracy").asDouble()).isEqualTo(0.78);
    assertThat(v2.get("metrics").get("macro_f1").asDouble()).isEqualTo(0.73, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(v2.get("evaluation").get("confusion").get(0).get(0).asInt()).isEqualTo(78);
    assertThat(v2.get("training_tables").get("gold.indicator_panel").asLong()).isEqualTo(2);
    assertThat(v2.get("fingerprint").asText()).hasSize(64);
    assertThat(v2.get("promoted_at").asText()).isEqualTo("2026-02-27T10:10:00Z");
    assertThat(v2.get("artifact_path").asText()).isEqualTo("file:/models/risk_classifier/v2/model.tribuo");
    assertThat(v2.has("load_error")).as("only production global forecasters are loaded").isFalse();
    JsonNode sentiment = get("/api/v1/models/sentiment/versions/1", api.analyst);
    assertThat(sentiment.get("provenance").isTextual()).as("provenance that is not JSON is served as written")
        .isTrue();
    assertThat(sentiment.get("provenance").asText()).isEqualTo("LinearSGDModel trained on posts.csv");
    assertThat(sentiment.get("training_tables")).isEmpty();
  }

  @Test
  void a_bad_version_number_gets_400() {
    JsonNode zero = problem("/api/v1/models/risk_classifier/versions/0", api.analyst, 400);
    assertThat(zero.get("errors").get("version").get(0).asText()).contains("1 or more");
    problem("/api/v1/models/risk_classifier/versions/two", api.analyst, 400);
  }

  @Test
  void an_unknown_model_or_version_gets_404_saying_where_to_list_them() {
    JsonNode name = problem("/api/v1/models/no_such_model", api.analyst, 404);
    assertThat(name.get("fix").asText()).contains("GET /api/v1/models");
    JsonNode version = problem("/api/v1/models/risk_classifier/versions/9", api.analyst, 404);
    assertThat(version.get("what").asText()).contains("risk_classifier:v9");
    assertThat(version.get("fix").asText()).contains("GET /api/v1/models/risk_classifier");
  }

  @Test
  void the_registry_is_for_analysts() {
    problem("/api/v1/models/risk_classifier", api.viewer, 403);
  }
}
