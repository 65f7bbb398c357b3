package org.govpulse.models.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.error.GovPulseException;
import org.govpulse.core.testing.TestSpark;
import org.govpulse.ingestion.landing.Encodings;
import org.govpulse.models.registry.ModelRef;
import org.govpulse.models.registry.ModelRegistry;
import org.govpulse.models.registry.RegisteredModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Training from labelled files, the registry round trip, and what bad files do. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentimentTrainingTest {
  @TempDir
  static Path root;

  private Warehouse warehouse;
  private Path utf8;
  private TrainSentimentJob.Result first;

  @BeforeAll
  void trainOnce() {
    warehouse = new Warehouse(TestSpark.session(), root.resolve("warehouse").toString());
    utf8 = RealTexts.copyTo(root);
    first = job(utf8.toString()).execute();
  }

  private TrainSentimentJob job(String file) {
    return new TrainSentimentJob(warehouse, file, 0.2, SentimentTrainer.defaults(7), false);
  }

  @Test
  void the_model_read_back_from_the_registry_predicts_exactly_what_was_evaluated() {
    RegisteredModel m = first.registered().model();
    assertThat(m.id()).isEqualTo("sentiment:v1");
    assertThat(m.stage()).as("the first version of a name goes to production").isEqualTo("production");
    ModelRegistry registry = new ModelRegistry(warehouse);
    SentimentClassifier loaded = SentimentClassifier.wrap(registry.load(m), m.id());
    SentimentClassifier fromBytes = SentimentClassifier.wrap(ModelRegistry.fromBytes(registry.artifactBytes(m),
        m.id()), m.id());
    SentimentTrainer.Split split = SentimentTrainer.defaults(7).split(first.file().rows(), 0.2);
    SentimentEvaluation again = SentimentTrainer.evaluate(loaded.model(), split.test());
    assertThat(again.accuracy()).isEqualTo(first.evaluation().accuracy());
    assertThat(again.confusion()).isDeepEqualTo(first.evaluation().confusion());
    List<String> texts = split.test().stream().map(LabelledFile.Row::text).toList();
    assertThat(fromBytes.scoreAll(texts)).isEqualTo(loaded.scoreAll(texts));
    assertThat(loaded.scoreAll(texts)).allSatisfy(s -> {
      assertThat(s.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
          org.assertj.core.data.Offset.offset(1e-9));
      assertThat(s.sentiment()).isBetween(-1.0, 1.0);
    });
  }

  @Test
  void the_registry_keeps_provenance_metrics_and_the_full_evaluation() {
    RegisteredModel m = new ModelRegistry(warehouse).get(ModelRef.parse("sentiment:v1"));
    assertThat(m.provenance()).contains(first.file().sha256()).contains("LinearSGDTrainer")
        .contains(TextFeatures.VERSION).contains("\"seed\"");
    assertThat(m.metrics()).containsKeys("accuracy", "macro_f1", "precision_negative", "recall_positive");
    assertThat(m.metrics().get("accuracy")).isEqualTo(first.evaluation().accuracy());
    assertThat(m.evaluation()).contains("confusion_matrix").contains("per_class").contains(first.file().sha256());
    assertThat(m.trainingTables()).isEmpty();
    assertThat(first.evaluation().rows()).isEqualTo(first.file().rows().size() - first.trainRows());
    assertThat(first.evaluation().perClass()).containsOnlyKeys("negative", "neutral", "positive");
  }

  @Test
  void training_the_same_file_with_the_same_seed_again_adds_no_version() {
    TrainSentimentJob.Result again = job(utf8.toString()).execute();
    assertThat(again.registered().created()).isFalse();
    assertThat(again.registered().model().id()).isEqualTo("sentiment:v1");
    assertThat(new ModelRegistry(warehouse).versions("sentiment")).extracting(RegisteredModel::version)
        .doesNotHaveDuplicates();
  }

  @Test
  void a_gb18030_file_with_chinese_headers_and_labels_trains_the_same_model() throws Exception {
    String text = new String(RealTexts.bytes(), StandardCharsets.UTF_8)
        .replaceFirst("text,label,language", "内容,标注,语言")
        .replace(",negative,", ",负面,").replace(",neutral,", ",中性,").replace(",positive,", ",正面,");
    Path gb = Files.write(root.resolve("gb.csv"), text.replace("\n", "\r\n").getBytes(Encodings.GB18030));
    TrainSentimentJob.Result r = job(gb.toString()).execute();
    assertThat(r.file().encoding()).isEqualTo("GB18030");
    assertThat(r.file().labelCounts()).isEqualTo(first.file().labelCounts());
    assertThat(r.file().bad()).isEmpty();
    assertThat(r.evaluation().accuracy()).isEqualTo(first.evaluation().accuracy());
    assertThat(r.registered().created()).as("another file is another training").isTrue();
    assertThat(r.registered().model().stage()).isEqualTo("candidate");
  }

  @Test
  void bad_rows_are_reported_with_their_line_and_reason_and_the_rest_is_used() throws Exception {
    StringBuilder sb = new StringBuilder("text,label\n");
    for (int i = 0; i < 30; i++) {
      sb.append(i % 2 == 0 ? "服务很好，点赞" : "太慢了，不满意").append(i).append(',')
          .append(i % 2 == 0 ? "positive" : "negative").append('\n');
    }
    sb.append(",negative\n");                 // line 32: no text
    sb.append("\"没有结束的引号,positive\n");   // line 33: unclosed quote swallows the rest
    Path f = Files.writeString(root.resolve("some-bad.csv"), sb.toString());
    LabelledFile file = LabelledFile.read(f.toString(), warehouse.spark().sparkContext().hadoopConfiguration());
    assertThat(file.rows()).hasSize(30);
    assertThat(file.bad()).extracting(LabelledFile.BadRow::line).containsExactly(32L, 33L);
    assertThat(file.bad().get(0).reason()).isEqualTo("text is empty");
    assertThat(file.badReport(10)).contains("line 32: text is empty").contains("line 33: malformed CSV");
  }

  @Test
  void unusable_files_fail_with_a_message_that_says_what_to_fix() throws Exception {
    Path noHeader = Files.writeString(root.resolve("no-header.csv"), "很好,positive\n很差,negative\n");
    assertThatThrownBy(() -> job(noHeader.toString()).execute()).isInstanceOf(GovPulseException.class)
        .hasMessageContaining("has no text and label columns").hasMessageContaining("header");
    Path missing = root.resolve("nowhere.csv");
    assertThatThrownBy(() -> job(missing.toString()).execute()).hasMessageContaining("does not exist");
    Path mostlyBad = Files.writeString(root.resolve("mostly-bad.csv"), "text,label\n好,positive\n,negative\n"
        + "差,\n,\n");
    assertThatThrownBy(() -> job(mostlyBad.toString()).execute()).hasMessageContaining("3 bad rows out of 4")
        .hasMessageContaining("line 3: text is empty");
    Path lonely = Files.writeString(root.resolve("lonely.csv"), "text,label\n很好,positive\n不错,positive\n"
        + "很差,negative\n太差,negative\n一般吧,neutral\n");
    assertThatThrownBy(() -> job(lonely.toString()).execute())
        .hasMessageContaining("Class 'neutral' has only 1 labelled row (line 6)");
    assertThatThrownBy(() -> new TrainSentimentJob(warehouse, utf8.toString(), 0.95, SentimentTrainer.defaults(7),
        false).execute()).hasMessageContaining("--test-fraction 0.95");
  }
}
