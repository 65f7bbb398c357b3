package org.govpulse.core.run;

import static org.apache.spark.sql.functions.col;
import static org.govpulse.core.table.Col.*;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.IngestTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease on the warehouse that at most one run of a job holds at a time, kept in the Delta table meta.job_locks
 * next to the data it protects, so it works wherever the warehouse lives (local disk, HDFS, S3) without a lock
 * service.
 *
 * <p>Taking the lease is one MERGE: insert the job's row when there is none, or overwrite it when its lease has
 * expired. Two runs that try at the same moment both read the same snapshot and both write; Delta's optimistic
 * concurrency lets only the first commit through and fails the other with a concurrent-modification error, after
 * which the loser reads the winner's row and is refused. The table is partitioned by job and the MERGE names the
 * job's partition, so runs of different jobs never conflict. A lease lasts {@code ttl} unless renewed; a run that
 * died therefore blocks the next run of its job for at most {@code ttl}. Expiry compares the clocks of different
 * machines, so the ttl must be far above their skew (minutes, not seconds).
 */
public final class JobLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobLock.class);
  /** Attempts when a commit loses a race that may not concern this job's row (table creation, renewal). */
  private static final int ATTEMPTS = 8;

  /**
   * Who holds a lease.
   *
   * @param job job name
   * @param runId run holding it
   * @param holder host/pid
   * @param acquiredAt when it was taken
   * @param expiresAt when it lapses unless renewed
   */
  public record Lease(String job, String runId, String holder, Instant acquiredAt, Instant expiresAt) {
    /** True when the lease has lapsed at {@code now}. */
    public boolean expiredAt(Instant now) {
      return expiresAt.isBefore(now);
    }
  }

  private final Warehouse warehouse;
  private final Lease lease;
  private final Lease takenOverFrom;
  private final Duration ttl;
  private final Clock clock;
  private boolean held = true;
  private boolean lost;

  private JobLock(Warehouse warehouse, Lease lease, Lease takenOverFrom, Duration ttl, Clock clock) {
    this.warehouse = warehouse;
    this.lease = lease;
    this.takenOverFrom = takenOverFrom;
    this.ttl = ttl;
    this.clock = clock;
  }

  /**
   * Takes the job's lease for a run, or fails with {@link Errors#jobAlreadyRunning} naming the run that holds it.
   */
  public static JobLock acquire(Warehouse warehouse, String job, String runId, Duration ttl, Clock clock) {
    String holder = holder();
    ConcurrentModificationException lastConflict = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Lease> before = current(warehouse, job);
      Instant now = clock.instant();
      if (before.isPresent() && !before.get().expiredAt(now) && !before.get().runId().equals(runId)) {
        throw refused(before.get());
      }
      try {
        warehouse.ensure(IngestTables.JOB_LOCKS);
        Dataset<Row> mine = row(warehouse, new Lease(job, runId, holder, now, now.plus(ttl)), now);
        warehouse.delta(IngestTables.JOB_LOCKS).as("l")
            .merge(mine.as("s"), col("l." + JOB).equalTo(job).and(col("l." + JOB).equalTo(col("s." + JOB))))
            .whenMatched(col("l." + EXPIRES_AT).lt(col("s." + ACQUIRED_AT))).updateAll()
            .whenNotMatched().insertAll()
            .execute();
      } catch (ConcurrentModificationException e) {
        // Another writer committed first; read again who holds the lease now.
        lastConflict = e;
        continue;
      }
      Lease now2 = current(warehouse, job).orElse(null);
      if (now2 != null && now2.runId().equals(runId)) {
        Lease previous = before.filter(b -> !b.runId().equals(runId)).orElse(null);
        if (previous != null) {
          LOG.warn("{} run {} took over the expired lease of run {} ({}), which expired at {}", job, runId,
              previous.runId(), previous.holder(), previous.expiresAt());
        }
        return new JobLock(warehouse, now2, previous, ttl, clock);
      }
      if (now2 != null) {
        throw refused(now2);
      }
    }
    throw Errors.internal("Could not take the " + job + " lease in meta.job_locks after " + ATTEMPTS + " attempts",
        lastConflict);
  }

  /** The lease of a job, if a run holds one (expired or not). */
  public static Optional<Lease> current(Warehouse warehouse, String job) {
    if (!warehouse.exists(IngestTables.JOB_LOCKS)) {
      return Optional.empty();
    }
    List<Row> rows = warehouse.read(IngestTables.JOB_LOCKS).filter(col(JOB).equalTo(job)).collectAsList();
    return rows.stream().map(JobLock::lease).findFirst();
  }

  /** Every lease held, for `govpulse unlock` without arguments. */
  public static List<Lease> all(Warehouse warehouse) {
    if (!warehouse.exists(IngestTables.JOB_LOCKS)) {
      return List.of();
    }
    return warehouse.read(IngestTables.JOB_LOCKS).orderBy(JOB).collectAsList().stream().map(JobLock::lease).toList();
  }

  /**
   * Removes a job's lease whoever holds it (an operator who knows the run is dead and does not want to wait for the
   * lease to expire). Returns the lease removed.
   */
  public static Optional<Lease> breakLease(Warehouse warehouse, String job) {
    Optional<Lease> lease = current(warehouse, job);
    lease.ifPresent(l -> withRetries("remove the " + job + " lease",
        () -> warehouse.delta(IngestTables.JOB_LOCKS).delete(col(JOB).equalTo(job))));
    return lease;
  }

  /** The lease this run holds. */
  public Lease lease() {
    return lease;
  }

  /** The expired lease of a dead run this run took over, if any. */
  public Optional<Lease> takenOverFrom() {
    return Optional.ofNullable(takenOverFrom);
  }

  /**
   * Extends the lease by the ttl from now. Returns false when this run no longer holds it (it lapsed and another run
   * took it over), in which case the caller should stop writing.
   */
  public synchronized boolean renew() {
    if (!held) {
      return false;
    }
    Instant now = clock.instant();
    withRetries("renew the " + lease.job() + " lease", () -> warehouse.delta(IngestTables.JOB_LOCKS)
        .update(col(JOB).equalTo(lease.job()).and(col(RUN_ID).equalTo(lease.runId())),
            java.util.Map.of(UPDATED_AT, org.apache.spark.sql.functions.lit(Timestamp.from(now)),
                EXPIRES_AT, org.apache.spark.sql.functions.lit(Timestamp.from(now.plus(ttl))))));
    held = current(warehouse, lease.job()).map(l -> l.runId().equals(lease.runId())).orElse(false);
    lost = !held;
    return held;
  }

  /** True when a renewal found that the lease had lapsed and was no longer this run's. */
  public synchronized boolean lost() {
    return lost;
  }

  /** Gives the lease back (a no-op when it was lost). */
  @Override
  public synchronized void close() {
    if (!held) {
      return;
    }
    held = false;
    withRetries("release the " + lease.job() + " lease", () -> warehouse.delta(IngestTables.JOB_LOCKS)
        .delete(col(JOB).equalTo(lease.job()).and(col(RUN_ID).equalTo(lease.runId()))));
  }

  private static void withRetries(String what, Runnable commit) {
    ConcurrentModificationException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        commit.run();
        return;
      } catch (ConcurrentModificationException e) {
        last = e;
      }
    }
    throw Errors.internal("Could not " + what + " in meta.job_locks", last);
  }

  private static RuntimeException refused(Lease l) {
    return Errors.jobAlreadyRunning(l.job(), l.runId() + " (" + l.holder() + ")",
        l.acquiredAt() + "; its lease runs until " + l.expiresAt() + " unless renewed");
  }

  private static Dataset<Row> row(Warehouse warehouse, Lease l, Instant now) {
    return warehouse.spark().createDataFrame(List.of(RowFactory.create(l.job(), l.runId(), l.holder(),
        Timestamp.from(l.acquiredAt()), Timestamp.from(now), Timestamp.from(l.expiresAt()))),
        IngestTables.JOB_LOCKS.schema());
  }

  private static Lease lease(Row r) {
    return new Lease(r.getAs(JOB), r.getAs(RUN_ID), r.getAs(HOLDER), r.<Timestamp>getAs(ACQUIRED_AT).toInstant(),
        r.<Timestamp>getAs(EXPIRES_AT).toInstant());
  }

  private static String holder() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "/" + ProcessHandle.current().pid();
  }
}
