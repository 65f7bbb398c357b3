package org.govpulse.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.govpulse.core.error.Errors;

/**
 * Resolves the configuration in one documented order, first match wins:
 * <ol>
 *   <li>command-line flags ({@link #flag});</li>
 *   <li>environment variables (GOVPULSE_WAREHOUSE, ...);</li>
 *   <li>the config file given by {@code --config} or GOVPULSE_CONFIG (Java properties, UTF-8; a local path or a
 *       Hadoop URI such as hdfs:// or s3a://);</li>
 *   <li>the defaults of {@link Setting}.</li>
 * </ol>
 */
public final class ConfigLoader {
  /** Environment variable naming the config file when --config is not given. */
  public static final String CONFIG_ENV = "GOVPULSE_CONFIG";
  /** System property the launcher sets to the GovPulse home (defaults to the working directory). */
  public static final String HOME_PROPERTY = "govpulse.home";

  private Path home = Path.of(System.getProperty(HOME_PROPERTY, ".")).toAbsolutePath().normalize();
  private Map<String, String> environment = System.getenv();
  private Map<String, String> hadoopSettings = sparkHadoopSettings();
  private String configFile;
  private final Map<String, String> flags = new LinkedHashMap<>();

  /** Folder that ${home} in defaults refers to. */
  public ConfigLoader home(Path home) {
    this.home = home.toAbsolutePath().normalize();
    return this;
  }

  /** Replace the process environment (tests). */
  public ConfigLoader environment(Map<String, String> env) {
    this.environment = Map.copyOf(env);
    return this;
  }

  /**
   * Hadoop settings used to open a config file given as a Hadoop URI, on top of the core-site.xml on the classpath.
   * By default the {@code spark.hadoop.*} settings spark-submit passed to this JVM ({@code --conf
   * spark.hadoop.fs.s3a.endpoint=...}), so the config file is read with the same credentials and endpoints as the
   * tables.
   */
  public ConfigLoader hadoopSettings(Map<String, String> settings) {
    this.hadoopSettings = Map.copyOf(settings);
    return this;
  }

  /** The config file, or null to fall back to GOVPULSE_CONFIG. */
  public ConfigLoader configFile(String pathOrUri) {
    this.configFile = pathOrUri;
    return this;
  }

  /** A value given on the command line; null values are ignored so callers can pass optional flags through. */
  public ConfigLoader flag(Setting setting, String value) {
    if (value != null) {
      flags.put(setting.key(), value);
    }
    return this;
  }

  /** Resolve every setting. */
  public GovPulseConfig load() {
    Map<String, String> fileValues = readFile();
    Map<String, String> values = new HashMap<>();
    Map<String, String> origins = new HashMap<>();
    for (Setting s : Setting.values()) {
      String value;
      String origin;
      if (flags.containsKey(s.key())) {
        value = flags.get(s.key());
        origin = "flag";
      } else if (environment.containsKey(s.envVar())) {
        value = environment.get(s.envVar());
        origin = "env " + s.envVar();
      } else if (fileValues.containsKey(s.key())) {
        value = fileValues.get(s.key());
        origin = "file";
      } else {
        value = s.defaultValue().replace("${home}", home.toString());
        origin = "default";
      }
      values.put(s.key(), normalise(s, value));
      origins.put(s.key(), origin);
    }
    fileValues.forEach((k, v) -> {
      if (k.startsWith(Setting.SPARK_CONF_PREFIX)) {
        values.put(k, v);
        origins.put(k, "file");
      }
    });
    environment.forEach((k, v) -> {
      String prefix = Setting.envVarOf(Setting.SPARK_CONF_PREFIX);
      if (k.startsWith(prefix)) {
        // GOVPULSE_SPARK_CONF_spark_executor_memory -> spark.executor.memory
        String key = Setting.SPARK_CONF_PREFIX + k.substring(prefix.length()).replace('_', '.');
        values.put(key, v);
        origins.put(key, "env " + k);
      }
    });
    return new GovPulseConfig(values, origins);
  }

  private Map<String, String> readFile() {
    String path = configFile != null ? configFile : environment.get(CONFIG_ENV);
    if (path == null || path.isBlank()) {
      return Map.of();
    }
    Properties props = new Properties();
    try (InputStream in = open(path); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException | RuntimeException e) {
      throw Errors.configFileUnreadable(path, e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : props.stringPropertyNames()) {
      if (!key.startsWith(Setting.SPARK_CONF_PREFIX) && Setting.byKey(key).isEmpty()) {
        throw Errors.unknownConfigKey(key, Setting.keys());
      }
      out.put(key, props.getProperty(key).trim());
    }
    return out;
  }

  private InputStream open(String path) throws IOException {
    if (GovPulseConfig.isRemote(path)) {
      URI uri = URI.create(path);
      Configuration conf = new Configuration();
      hadoopSettings.forEach(conf::set);
      // A private instance, not Hadoop's cached one: these settings must apply, and the file is small.
      try (FileSystem fs = FileSystem.newInstance(uri, conf);
          InputStream in = fs.open(new org.apache.hadoop.fs.Path(uri))) {
        return new java.io.ByteArrayInputStream(in.readAllBytes());
      }
    }
    Path local = Path.of(path.startsWith("file:") ? URI.create(path).getPath() : path);
    return Files.newInputStream(local);
  }

  /** The spark.hadoop.* system properties (spark-submit sets one per --conf) without their prefix. */
  private static Map<String, String> sparkHadoopSettings() {
    String prefix = "spark.hadoop.";
    Map<String, String> out = new HashMap<>();
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
        .forEach(k -> out.put(k.substring(prefix.length()), System.getProperty(k)));
    return out;
  }

  /** Local paths become absolute; URIs stay as given; other values are trimmed. */
  static String normalise(Setting setting, String value) {
    String v = value.trim();
    if ((setting == Setting.WAREHOUSE || setting == Setting.LANDING) && !GovPulseConfig.isRemote(v)) {
      String local = v.startsWith("file:") ? URI.create(v).getPath() : v;
      return Path.of(local).toAbsolutePath().normalize().toString();
    }
    return v;
  }
}
