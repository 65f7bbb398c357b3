package org.govpulse.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.govpulse.core.error.GovPulseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  @Test
  void the_embedded_default_needs_no_file_and_puts_the_warehouse_under_home() {
    GovPulseConfig c = new ConfigLoader().home(dir).environment(Map.of()).load();
    assertThat(c.warehouse()).isEqualTo(dir.resolve("data/warehouse").toString());
    assertThat(c.landing()).isEqualTo(dir.resolve("data/sample/landing").toString());
    assertThat(c.origin(Setting.WAREHOUSE)).isEqualTo("default");
  }

  @Test
  void a_flag_beats_the_environment_which_beats_the_file_which_beats_the_default() throws Exception {
    Path file = dir.resolve("govpulse.properties");
    Files.writeString(file, "govpulse.warehouse=hdfs://nn:8020/gp/warehouse\ngovpulse.api.port=9000\n"
        + "govpulse.landing=/from/file\ngovpulse.spark.conf.spark.executor.memory=4g\n");
    GovPulseConfig c = new ConfigLoader().home(dir).configFile(file.toString())
        .environment(Map.of("GOVPULSE_API_PORT", "9100", "GOVPULSE_LANDING", "/from/env"))
        .flag(Setting.LANDING, "/from/flag")
        .load();
    assertThat(c.warehouse()).isEqualTo("hdfs://nn:8020/gp/warehouse");
    assertThat(c.origin(Setting.WAREHOUSE)).isEqualTo("file");
    assertThat(c.getInt(Setting.API_PORT)).isEqualTo(9100);
    assertThat(c.landing()).isEqualTo("/from/flag");
    assertThat(c.sparkConf()).containsEntry("spark.executor.memory", "4g");
  }

  @Test
  void the_config_file_can_come_from_the_environment() throws Exception {
    Path file = dir.resolve("gp.properties");
    Files.writeString(file, "govpulse.api.port=7000\n");
    GovPulseConfig c = new ConfigLoader().home(dir)
        .environment(Map.of(ConfigLoader.CONFIG_ENV, file.toString())).load();
    assertThat(c.getInt(Setting.API_PORT)).isEqualTo(7000);
  }

  @Test
  void a_config_file_behind_a_hadoop_uri_is_read_through_the_hadoop_filesystem_with_spark_hadoop_settings()
      throws Exception {
    // viewfs is a Hadoop filesystem that exists only through configuration: it resolves only if the loader opens
    // the URI with Hadoop and the settings spark-submit would pass as --conf spark.hadoop.*.
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(conf.resolve("govpulse.properties"), "govpulse.warehouse=hdfs://nn:8020/gp\n");
    Map<String, String> hadoop = Map.of("fs.viewfs.mounttable.ops.link./govpulse", conf.toUri().toString());
    GovPulseConfig c = new ConfigLoader().home(dir).environment(Map.of()).hadoopSettings(hadoop)
        .configFile("viewfs://ops/govpulse/govpulse.properties").load();
    assertThat(c.warehouse()).isEqualTo("hdfs://nn:8020/gp");
    assertThatThrownBy(() -> new ConfigLoader().home(dir).environment(Map.of()).hadoopSettings(Map.of())
        .configFile("viewfs://ops/govpulse/govpulse.properties").load())
        .hasMessageContaining("Cannot read the config file viewfs://ops/govpulse/govpulse.properties");
  }

  @Test
  void a_misspelt_key_is_refused_with_the_list_of_known_keys() throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "govpulse.warehose=/tmp/x\n");
    assertThatThrownBy(() -> new ConfigLoader().home(dir).configFile(file.toString()).environment(Map.of()).load())
        .isInstanceOf(GovPulseException.class)
        .hasMessageContaining("Unknown configuration key govpulse.warehose")
        .hasMessageContaining("govpulse.warehouse");
  }

  @Test
  void a_missing_config_file_and_a_bad_number_say_how_to_fix_them() {
    assertThatThrownBy(() -> new ConfigLoader().home(dir).configFile("/no/such/file").environment(Map.of()).load())
        .hasMessageContaining("Cannot read the config file /no/such/file").hasMessageContaining("--config");
    GovPulseConfig c = new ConfigLoader().home(dir).environment(Map.of("GOVPULSE_API_PORT", "eighty")).load();
    assertThatThrownBy(() -> c.getInt(Setting.API_PORT))
        .hasMessageContaining("'eighty' for govpulse.api.port is invalid").hasMessageContaining("an integer");
  }

  @Test
  void conf_govpulse_properties_documents_every_key_with_its_default() throws Exception {
    String doc = Files.readString(Path.of("..", "conf", "govpulse.properties"));
    for (Setting s : Setting.values()) {
      assertThat(doc).as(s.key()).contains("#" + s.key() + "=" + s.defaultValue());
    }
  }
}
