package org.govpulse.app;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.run.JobRun;
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

  /**
   * Runs a job the way its main class does: one {@link JobRun} under the job's lock, recorded in meta.runs. The body
   * gets the warehouse and the run id.
   */
  static <T> T job(GovPulseConfig config, String job, List<String> inputs, BiFunction<Warehouse, String, T> body) {
    return with(config, "govpulse-" + job, spark -> {
      Warehouse warehouse = new Warehouse(spark, config.warehouse());
      return new JobRun(warehouse, config, job).inputs(inputs).execute(runId -> body.apply(warehouse, runId)).value();
    });
  }
}
