package org.govpulse.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.govpulse.core.config.ConfigLoader;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.spark.SparkSessions;

/**
 * The one SparkSession of a test JVM: local[2], UI off, two shuffle partitions. Created on first use and stopped
 * when the JVM exits, so every test class of a module shares it.
 */
public final class TestSpark {
  private static SparkSession session;
  private static Path scratch;

  private TestSpark() {}

  /** The shared session. */
  public static synchronized SparkSession session() {
    if (session == null) {
      try {
        scratch = Files.createTempDirectory("govpulse-test-");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      GovPulseConfig config = new ConfigLoader().home(scratch).environment(java.util.Map.of())
          .flag(Setting.SPARK_MASTER, "local[2]")
          .flag(Setting.SPARK_SHUFFLE_PARTITIONS, "2")
          .load();
      session = SparkSessions.create(config, "govpulse-test");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
    }
    return session;
  }

  /** A configuration for tests rooted at a folder: warehouse and landing below it, no environment. */
  public static GovPulseConfig config(Path root) {
    return new ConfigLoader().home(root).environment(java.util.Map.of())
        .flag(Setting.SPARK_MASTER, "local[2]")
        .flag(Setting.SPARK_SHUFFLE_PARTITIONS, "2")
        .flag(Setting.WAREHOUSE, root.resolve("warehouse").toString())
        .flag(Setting.LANDING, root.resolve("landing").toString())
        .load();
  }
}
