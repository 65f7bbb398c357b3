package org.govpulse.jobs.models;

import org.govpulse.core.cli.JobMain;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.models.warn.WarnJob;

/** The early-warning stage for spark-submit: {@link WarnJob} under the lock of the "warn" job. */
public final class WarnStage {
  /** The job's name in meta.runs and its lock. */
  public static final String NAME = "warn";

  private WarnStage() {}

  /** Entry point for spark-submit: {@code --class org.govpulse.jobs.models.WarnStage}. */
  public static void main(String[] argv) {
    JobMain.main(NAME, "Raise, escalate and resolve graded early warnings from risks, findings, surges and faults.",
        argv, (c, spark) -> new WarnJob(new Warehouse(spark, c.warehouse())).execute());
  }
}
