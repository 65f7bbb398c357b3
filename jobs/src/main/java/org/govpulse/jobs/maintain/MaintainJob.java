package org.govpulse.jobs.maintain;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Row;
import org.govpulse.core.cli.JobMain;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.TableContract;
import org.govpulse.core.table.Tables;

/**
 * Table maintenance: compacts the small files that appends, micro-batches and lease renewals leave behind (Delta
 * OPTIMIZE), then deletes the data files that no table version within the retention window refers to (VACUUM).
 *
 * <p>Retention: VACUUM only deletes files that were removed from a table more than {@code retention} ago. A reader
 * that started on an older snapshot, and time travel ({@code versionAsOf}) to any version committed within the
 * window, keep working. The default is 168 hours, Delta's own safety default
 * ({@code delta.deletedFileRetentionDuration}); a shorter retention is refused unless explicitly allowed, because it
 * breaks slow readers and time travel. Time travel further back is also bounded by the log retention
 * ({@code delta.logRetentionDuration}, 30 days), which VACUUM does not touch.
 */
public final class MaintainJob {
  /** The job's name in meta.runs and its lock. */
  public static final String NAME = "maintain";
  /** Delta's default retention of removed files, below which VACUUM refuses to run unless told otherwise. */
  public static final Duration DELTA_DEFAULT_RETENTION = Duration.ofHours(168);
  private static final String RETENTION_CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";

  private final Warehouse warehouse;
  private final Duration retention;
  private final List<TableContract> tables;

  /**
   * @param retention how long removed files are kept
   * @param allowShortRetention true to allow a retention below {@link #DELTA_DEFAULT_RETENTION}
   */
  public MaintainJob(Warehouse warehouse, Duration retention, boolean allowShortRetention) {
    this(warehouse, retention, allowShortRetention, Tables.all());
  }

  /** Maintenance of some tables only. */
  public MaintainJob(Warehouse warehouse, Duration retention, boolean allowShortRetention,
      List<TableContract> tables) {
    if (retention.isNegative()) {
      throw Errors.configValueInvalid(Setting.MAINTAIN_RETENTION_HOURS.key(), Long.toString(retention.toHours()),
          "0 or more hours");
    }
    if (retention.compareTo(DELTA_DEFAULT_RETENTION) < 0 && !allowShortRetention) {
      throw Errors.invalidInput("A VACUUM retention of " + retention.toHours() + " hours is below Delta's safety "
              + "default of " + DELTA_DEFAULT_RETENTION.toHours() + " hours",
          "files removed within the retention may still be read by running queries and by time travel to recent "
              + "versions; deleting them breaks both",
          "Keep " + Setting.MAINTAIN_RETENTION_HOURS.key() + " at 168 or more, or set "
              + Setting.MAINTAIN_ALLOW_SHORT_RETENTION.key() + "=true if no reader needs older versions");
    }
    this.warehouse = warehouse;
    this.retention = retention;
    this.tables = List.copyOf(tables);
  }

  /** From the configuration: retention and whether a short one is allowed. */
  public static MaintainJob of(Warehouse warehouse, GovPulseConfig config) {
    return new MaintainJob(warehouse, Duration.ofHours(config.getInt(Setting.MAINTAIN_RETENTION_HOURS)),
        Boolean.parseBoolean(config.get(Setting.MAINTAIN_ALLOW_SHORT_RETENTION)));
  }

  /**
   * What maintenance did to one table.
   *
   * @param table qualified name
   * @param activeBefore data files of the current version before compaction
   * @param activeAfter data files of the current version after compaction
   * @param storedBefore data files on storage before (current and older versions)
   * @param storedAfter data files on storage after VACUUM
   * @param bytesAfter bytes of the data files on storage after VACUUM
   * @param note why something was skipped, or null
   */
  public record TableReport(String table, long activeBefore, long activeAfter, long storedBefore, long storedAfter,
      long bytesAfter, String note) {}

  /** The reports per table, the retention applied and the wall time. */
  public record Result(List<TableReport> tables, long retentionHours, double seconds) {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "maintained %d tables in %.1f s (VACUUM retention %d hours)%n%-30s %15s %15s %10s  %s%n", tables.size(),
          seconds, retentionHours, "table", "files now", "files stored", "MB", "note"));
      for (TableReport t : tables) {
        sb.append(String.format(Locale.ROOT, "%-30s %6d -> %-6d %6d -> %-6d %10.2f  %s%n", t.table(),
            t.activeBefore(), t.activeAfter(), t.storedBefore(), t.storedAfter(), t.bytesAfter() / 1e6,
            t.note() == null ? "" : t.note()));
      }
      return sb.toString();
    }
  }

  public Result execute() {
    Instant start = Instant.now();
    List<TableReport> reports = new ArrayList<>();
    String check = warehouse.spark().conf().get(RETENTION_CHECK, "true");
    boolean belowDefault = retention.compareTo(DELTA_DEFAULT_RETENTION) < 0;
    if (belowDefault) {
      // Allowed explicitly at construction; Delta's own check would refuse it.
      warehouse.spark().conf().set(RETENTION_CHECK, "false");
    }
    try {
      for (TableContract t : tables) {
        if (warehouse.exists(t)) {
          reports.add(maintain(t));
        }
      }
    } finally {
      if (belowDefault) {
        warehouse.spark().conf().set(RETENTION_CHECK, check);
      }
    }
    return new Result(reports, retention.toHours(), Duration.between(start, Instant.now()).toMillis() / 1000.0);
  }

  private TableReport maintain(TableContract t) {
    warehouse.spark().sparkContext().setJobDescription("govpulse maintain: " + t.qualifiedName());
    long activeBefore = activeFiles(t);
    long[] storedBefore = stored(t);
    String note = null;
    try {
      warehouse.delta(t).optimize().executeCompaction();
    } catch (ConcurrentModificationException e) {
      // A job rewrote the table meanwhile; the next maintenance run compacts it.
      note = "compaction skipped: concurrent write (" + e.getClass().getSimpleName() + ")";
    }
    warehouse.delta(t).vacuum(retention.toMinutes() / 60.0);
    long[] storedAfter = stored(t);
    return new TableReport(t.qualifiedName(), activeBefore, activeFiles(t), storedBefore[0], storedAfter[0],
        storedAfter[1], note);
  }

  private long activeFiles(TableContract t) {
    Row detail = warehouse.delta(t).detail().select("numFiles").first();
    return detail.isNullAt(0) ? 0 : detail.getLong(0);
  }

  /** Data files on storage and their bytes: every file under the table but the log and hidden files. */
  private long[] stored(TableContract t) {
    Path root = new Path(warehouse.path(t));
    try {
      FileSystem fs = root.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration());
      long files = 0;
      long bytes = 0;
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        String relative = root.toUri().relativize(f.getPath().toUri()).getPath();
        if (!hidden(relative)) {
          files++;
          bytes += f.getLen();
        }
      }
      return new long[] {files, bytes};
    } catch (IOException e) {
      throw Errors.internal("Cannot list the files of " + t.qualifiedName() + " at " + root, e);
    }
  }

  /** Delta's rule: a path element starting with _ or . is not data (the log, checksums), partition dirs aside. */
  private static boolean hidden(String relative) {
    for (String part : relative.split("/")) {
      if ((part.startsWith("_") || part.startsWith(".")) && !part.contains("=")) {
        return true;
      }
    }
    return false;
  }

  /** Entry point for spark-submit: {@code --class org.govpulse.jobs.maintain.MaintainJob}. */
  public static void main(String[] argv) {
    JobMain.main(NAME, "Compact the Delta tables (OPTIMIZE) and delete files older than the retention (VACUUM).",
        argv, (c, spark) -> MaintainJob.of(new Warehouse(spark, c.warehouse()), c).execute());
  }
}
