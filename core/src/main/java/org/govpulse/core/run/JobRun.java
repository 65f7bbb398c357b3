package org.govpulse.core.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.delta.RunLog;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.error.GovPulseException;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.TableContract;
import org.govpulse.core.table.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a job, as every entry point runs it: takes the job's {@link JobLock} (a second run of the same job is
 * refused while the first holds it), renews the lease while the job works, and records the run in meta.runs with
 * source {@value #SOURCE}: start, end, the Delta version of every table it started from (its inputs, plus any
 * files or folders the job names), the version of every table it wrote, and the outcome: succeeded, failed with the
 * error, or refused with the holder of the lock.
 */
public final class JobRun {
  /** meta.runs.source of the one row per run that covers the whole job. */
  public static final String SOURCE = "run";
  /** Longest message stored in meta.runs. */
  private static final int MESSAGE_LIMIT = 4000;

  private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);

  private final Warehouse warehouse;
  private final String job;
  private final Duration ttl;
  private final Clock clock;
  private final List<String> inputs = new ArrayList<>();

  /** A run of {@code job} with the lease duration of the configuration. */
  public JobRun(Warehouse warehouse, GovPulseConfig config, String job) {
    this(warehouse, job, Duration.ofMinutes(config.getInt(Setting.LOCK_TTL_MINUTES)), Clock.systemUTC());
  }

  /** A run with an explicit lease duration and clock (tests). */
  public JobRun(Warehouse warehouse, String job, Duration ttl, Clock clock) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw org.govpulse.core.error.Errors.configValueInvalid(Setting.LOCK_TTL_MINUTES.key(), ttl.toString(),
          "a positive number of minutes");
    }
    this.warehouse = warehouse;
    this.job = job;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Inputs outside the warehouse (a landing folder) to record next to the table versions. */
  public JobRun inputs(List<String> more) {
    inputs.addAll(more);
    return this;
  }

  /**
   * What a run did.
   *
   * @param runId the run's id in meta.runs
   * @param value what the job returned
   * @param outputs tables written, with the version the run left them at
   * @param seconds wall time, lock included
   */
  public record Result<T>(String runId, T value, Map<String, Long> outputs, double seconds) {}

  /** Runs the job body, which gets the run id, under the job's lock; failures are recorded and rethrown. */
  public <T> Result<T> execute(Function<String, T> body) {
    String runId = UUID.randomUUID().toString();
    Instant started = clock.instant();
    JobLock lock;
    try {
      lock = JobLock.acquire(warehouse, job, runId, ttl, clock);
    } catch (GovPulseException e) {
      if (e.kind() == GovPulseException.Kind.BUSY) {
        record(runId, started, "refused", inputs, Map.of(), e.getMessage());
      }
      throw e;
    }
    ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "govpulse-lease-" + job);
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(1000, ttl.toMillis() / 3);
    heartbeat.scheduleWithFixedDelay(() -> renew(lock), every, every, TimeUnit.MILLISECONDS);
    try {
      Map<String, Long> before = warehouse.latestVersions(recorded());
      List<String> startedFrom = new ArrayList<>(inputs);
      before.forEach((table, version) -> startedFrom.add(table + "@" + version));
      T value;
      try {
        value = body.apply(runId);
      } catch (RuntimeException e) {
        try {
          record(runId, started, "failed", startedFrom, written(before), remark(lock, describe(e)));
        } catch (RuntimeException logFailure) {
          e.addSuppressed(logFailure);
        }
        throw e;
      }
      Map<String, Long> outputs = written(before);
      record(runId, started, "succeeded", startedFrom, outputs, remark(lock, value == null ? "" : value.toString()));
      return new Result<>(runId, value, outputs, Duration.between(started, clock.instant()).toMillis() / 1000.0);
    } finally {
      heartbeat.shutdownNow();
      lock.close();
    }
  }

  private void renew(JobLock lock) {
    try {
      if (!lock.renew()) {
        LOG.error("{} run {} lost its lease: it lapsed and another run took it over; stop this run", job,
            lock.lease().runId());
      }
    } catch (RuntimeException e) {
      LOG.warn("{} run {} could not renew its lease (will retry): {}", job, lock.lease().runId(), e.toString());
    }
  }

  /** Tables whose versions a run records: every table but the run log and the locks themselves. */
  private static List<TableContract> recorded() {
    return Tables.all().stream()
        .filter(t -> t != IngestTables.RUNS && t != IngestTables.JOB_LOCKS).toList();
  }

  /** Tables whose version moved since {@code before}, with their new version. */
  private Map<String, Long> written(Map<String, Long> before) {
    Map<String, Long> out = new TreeMap<>();
    warehouse.latestVersions(recorded()).forEach((table, version) -> {
      if (!version.equals(before.get(table))) {
        out.put(table, version);
      }
    });
    return out;
  }

  private static String remark(JobLock lock, String message) {
    String lost = lock.lost() ? "the lease lapsed during the run and another run took it over; " : "";
    return lost + lock.takenOverFrom().map(l -> "took over the expired lease of run " + l.runId() + " (" + l.holder()
        + "); ").orElse("") + message;
  }

  private static String describe(RuntimeException e) {
    return e instanceof GovPulseException ? e.getMessage() : e.getClass().getName() + ": " + e.getMessage();
  }

  private void record(String runId, Instant started, String outcome, List<String> in, Map<String, Long> out,
      String message) {
    String m = message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) + "..." : message;
    RunLog.append(warehouse, List.of(new RunLog.Entry(runId, job, SOURCE, null, started, clock.instant(), outcome,
        0, 0, 0, 0, Map.of(), List.copyOf(in), out, m)));
  }
}
