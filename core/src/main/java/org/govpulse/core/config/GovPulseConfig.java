package org.govpulse.core.config;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.govpulse.core.error.Errors;

/**
 * Resolved, immutable GovPulse configuration. Build it with {@link ConfigLoader}; read it with the typed getters.
 * Serializable so that a job can ship it to executors.
 */
public final class GovPulseConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, String> values;
  private final Map<String, String> origins;

  GovPulseConfig(Map<String, String> values, Map<String, String> origins) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    this.origins = Collections.unmodifiableMap(new TreeMap<>(origins));
  }

  /** The embedded default: no file, no environment, home = the given folder. */
  public static GovPulseConfig defaults(Path home) {
    return new ConfigLoader().home(home).environment(Map.of()).load();
  }

  public String get(Setting setting) {
    return values.get(setting.key());
  }

  /** Where the value of a setting came from: flag, env, file or default. */
  public String origin(Setting setting) {
    return origins.get(setting.key());
  }

  public int getInt(Setting setting) {
    String v = get(setting);
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw Errors.configValueInvalid(setting.key(), v, "an integer");
    }
  }

  public double getDouble(Setting setting) {
    String v = get(setting);
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw Errors.configValueInvalid(setting.key(), v, "a number");
    }
  }

  /** Warehouse root as a Hadoop path string (local paths are absolute). */
  public String warehouse() {
    return get(Setting.WAREHOUSE);
  }

  /** Landing root as a Hadoop path string (local paths are absolute). */
  public String landing() {
    return get(Setting.LANDING);
  }

  /** Settings passed to Spark unchanged, from keys under {@link Setting#SPARK_CONF_PREFIX}. */
  public Map<String, String> sparkConf() {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(Setting.SPARK_CONF_PREFIX)) {
        out.put(k.substring(Setting.SPARK_CONF_PREFIX.length()), v);
      }
    });
    return out;
  }

  /** A copy with one setting replaced (origin "override"), for tests and for commands that derive paths. */
  public GovPulseConfig with(Setting setting, String value) {
    Map<String, String> v = new TreeMap<>(values);
    Map<String, String> o = new TreeMap<>(origins);
    v.put(setting.key(), ConfigLoader.normalise(setting, value));
    o.put(setting.key(), "override");
    return new GovPulseConfig(v, o);
  }

  /** All resolved values, for `govpulse config` and run logs. */
  public Map<String, String> asMap() {
    return values;
  }

  /** True when the path has a URI scheme other than file (hdfs, s3a, abfs...). */
  public static boolean isRemote(String path) {
    try {
      String scheme = URI.create(path).getScheme();
      return scheme != null && scheme.length() > 1 && !scheme.equals("file");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "GovPulseConfig" + values;
  }
}
