package org.govpulse.app;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.govpulse.core.cli.ConfigOptions;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.run.JobLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code govpulse unlock [JOB]}: lists the job leases held on the warehouse, or removes one. */
@Command(name = "unlock", mixinStandardHelpOptions = true,
    description = {"Without JOB: list the leases running jobs hold on the warehouse (meta.job_locks).",
        "With JOB: remove that job's lease now, for a run you know is dead; otherwise it lapses by itself",
        "after govpulse.lock.ttl-minutes."})
public final class UnlockCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options = new ConfigOptions();

  @Parameters(arity = "0..1", paramLabel = "JOB", description = "Job whose lease to remove (ingest, analyze, ...).")
  String job;

  @Override
  public Integer call() {
    GovPulseConfig config = options.load();
    return Sessions.with(config, "govpulse-unlock", spark -> {
      Warehouse warehouse = new Warehouse(spark, config.warehouse());
      if (job == null) {
        List<JobLock.Lease> leases = JobLock.all(warehouse);
        if (leases.isEmpty()) {
          System.out.println("no job holds a lease");
        }
        leases.forEach(l -> System.out.printf("%-16s run %s (%s) since %s, lease until %s%n", l.job(), l.runId(),
            l.holder(), l.acquiredAt(), l.expiresAt()));
        return 0;
      }
      Optional<JobLock.Lease> removed = JobLock.breakLease(warehouse, job);
      System.out.println(removed.map(l -> "removed the " + job + " lease of run " + l.runId() + " (" + l.holder()
          + ")").orElse("no " + job + " lease was held"));
      return 0;
    });
  }
}
