package org.govpulse.models.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.error.GovPulseException;
import org.govpulse.core.table.ModelTables;
import org.govpulse.core.testing.TestSpark;
import org.govpulse.models.sentiment.LabelledFile;
import org.govpulse.models.sentiment.SentimentTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** Versions, stages, promote and rollback of the registry. */
class ModelRegistryTest {
  @TempDir
  Path root;

  private static final LabelledFile DATA = LabelledFile.parse("tiny.csv", ("text,label\n很好,positive\n点赞,positive\n"
      + "不错,positive\n太差,negative\n很慢,negative\n不满意,negative\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));

  private static Registration registration(long seed, Map<String, Long> tables) {
    Model<Label> m = SentimentTrainer.defaults(seed).train(DATA.rows(), "tiny");
    return new Registration("demo", "text_classifier", m, Map.of(), Map.of("accuracy", 0.5), "{}", tables,
        "seed " + seed, false);
  }

  @Test
  void promote_and_rollback_move_the_one_production_version() {
    ModelRegistry registry = new ModelRegistry(new Warehouse(TestSpark.session(), root.resolve("wh").toString()));
    assertThat(registry.list()).isEmpty();
    RegisteredModel v1 = registry.register(registration(1, Map.of("silver.posts", 3L))).model();
    RegisteredModel v2 = registry.register(registration(2, Map.of("silver.posts", 3L))).model();
    RegisteredModel v3 = registry.register(registration(1, Map.of("silver.posts", 4L))).model();
    assertThat(v1.id()).isEqualTo("demo:v1");
    assertThat(v3.id()).as("same seed, newer table version: another training").isEqualTo("demo:v3");
    assertThat(registry.register(registration(2, Map.of("silver.posts", 3L))).created()).isFalse();
    assertThat(Files.exists(Path.of(java.net.URI.create(v2.artifactPath())))).isTrue();
    assertThat(Files.exists(Path.of(java.net.URI.create(v2.folder() + "/provenance.json")))).isTrue();
    assertThat(registry.production("demo")).map(RegisteredModel::id).contains("demo:v1");
    assertThat(v2.stage()).isEqualTo("candidate");

    registry.promote("demo", 2, "better");
    registry.promote("demo", 3, "newer");
    assertThat(stages(registry)).isEqualTo(Map.of(1, "archived", 2, "archived", 3, "production"));

    assertThat(registry.rollback("demo", "bad").to().id()).isEqualTo("demo:v2");
    assertThat(stages(registry)).isEqualTo(Map.of(1, "archived", 2, "production", 3, "archived"));
    assertThat(registry.rollback("demo", "still bad").to().id()).as("v3 was rolled back: skip it").isEqualTo("demo:v1");
    assertThatThrownBy(() -> registry.rollback("demo", null)).isInstanceOf(GovPulseException.class)
        .hasMessageContaining("cannot be rolled back from demo:v1");
    assertThat(registry.get(ModelRef.parse("demo:v3")).rolledBackAt()).isNotNull();
    assertThat(registry.get(ModelRef.parse("demo:v3")).note()).contains("rolled back to demo:v2").contains("bad");

    registry.promote("demo", 3, "fixed upstream");
    assertThat(registry.get(ModelRef.parse("demo")).id()).isEqualTo("demo:v3");
    assertThat(registry.get(ModelRef.parse("demo:v3")).rolledBackAt()).isNull();
    assertThat(registry.rollback("demo", null).to().id()).as("back to the last production before v3").isEqualTo(
        "demo:v1");
    assertThat(new Warehouse(TestSpark.session(), root.resolve("wh").toString()).read(ModelTables.MODELS)
        .filter("stage = 'production'").count()).isEqualTo(1);
  }

  @Test
  void unknown_names_versions_references_and_missing_artifacts_fail_with_what_exists() throws Exception {
    ModelRegistry registry = new ModelRegistry(new Warehouse(TestSpark.session(), root.resolve("wh").toString()));
    assertThatThrownBy(() -> registry.get(ModelRef.parse("demo"))).hasMessageContaining("the registry is empty");
    RegisteredModel v1 = registry.register(registration(5, Map.of())).model();
    assertThatThrownBy(() -> registry.promote("nosuch", 1, null)).hasMessageContaining("No model named 'nosuch'")
        .hasMessageContaining("the registry has demo");
    assertThatThrownBy(() -> registry.promote("demo", 9, null)).hasMessageContaining("has no version v9")
        .hasMessageContaining("[v1]");
    assertThatThrownBy(() -> ModelRef.parse("Demo:2")).hasMessageContaining("is not a model reference");
    assertThatThrownBy(() -> registry.rollback("demo", null)).hasMessageContaining("cannot be rolled back");
    assertThat(registry.load(v1)).isNotNull();
    Files.delete(Path.of(java.net.URI.create(v1.artifactPath())));
    assertThatThrownBy(() -> registry.load(v1)).isInstanceOf(GovPulseException.class)
        .hasMessageContaining("The artifact of model demo:v1 is missing").hasMessageContaining("promote another version");
    assertThatThrownBy(() -> registry.artifactBytes(v1)).hasMessageContaining("is missing");
  }

  private static Map<Integer, String> stages(ModelRegistry registry) {
    Map<Integer, String> m = new java.util.TreeMap<>();
    registry.versions("demo").forEach(v -> m.put(v.version(), v.stage()));
    return m;
  }
}
