package org.govpulse.app;

import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.spark.SparkSessions;

/** Runs a command body with the process's one SparkSession and stops it afterwards. */
final class Sessions {
  private Sessions() {}

  static <T> T with(GovPulseConfig config, String appName, Function<SparkSession, T> body) {
    SparkSession spark = SparkSessions.create(config, appName);
    try {
      return body.apply(spark);
    } finally {
      spark.stop();
    }
  }
}
