package org.govpulse.analytics.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.govpulse.analytics.air.AirQualityJob;
import org.govpulse.analytics.air.AirQualityResult;
import org.govpulse.analytics.sensors.SensorAnomalyJob;
import org.govpulse.analytics.sensors.SensorAnomalyResult;
import org.govpulse.core.config.ConfigLoader;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.config.Setting;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.spark.SparkSessions;
import org.govpulse.core.table.Col;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times {@link AirQualityJob} and {@link SensorAnomalyJob} on generated readings of several sizes and checks the
 * anomalies found against the faults planted. Each size gets a fresh warehouse below {@code --dir}. Besides wall
 * time it reports the process's CPU seconds per job and the load average, since the machine may be shared.
 *
 * <pre>
 * ./govpulse bench sensors --readings 1000000,10000000 --dir /tmp/govpulse-bench
 * </pre>
 */
@Command(name = "sensors", mixinStandardHelpOptions = true,
    description = "Time the air quality and sensor anomaly jobs on generated hourly readings and check the faults found.")
public final class SensorJobsBenchmark implements Callable<Integer> {
  @Option(names = "--readings", split = ",", defaultValue = "1000000,10000000",
      description = "Sizes to run, readings (default: ${DEFAULT-VALUE}).")
  List<Long> sizes;

  @Option(names = "--days", defaultValue = "30", description = "Days of readings (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--dir", description = "Folder for the warehouses (default: a new temporary folder).")
  Path dir;

  @Option(names = "--reuse", description = "Keep the readings of an earlier run in the same --dir and seed.")
  boolean reuse;

  @CommandLine.Mixin
  SparkBenchOptions sparkOptions = new SparkBenchOptions();

  /** One size's figures. */
  record Run(long readings, int stations, double generateSeconds, AirQualityResult air, double airCpu,
      SensorAnomalyResult anomalies, double anomaliesCpu, double load, int faults, int found, List<String> missed,
      List<String> extra) {}

  @Override
  public Integer call() throws Exception {
    Path root = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("govpulse-bench-");
    GovPulseConfig config = sparkOptions.applyTo(new ConfigLoader().environment(java.util.Map.of()))
        .flag(Setting.WAREHOUSE, root.toString())
        .load();
    SparkSession spark = SparkSessions.create(config, "govpulse-analytics-bench");
    List<Run> runs = new ArrayList<>();
    try {
      for (long n : sizes) {
        Warehouse warehouse = new Warehouse(spark, root.resolve("w" + n).toString());
        long t0 = System.nanoTime();
        HourlyReadingsGenerator.Generated g = reuse && warehouse.exists(IngestTables.SENSOR_READINGS)
            ? HourlyReadingsGenerator.existing(warehouse, days, seed)
            : HourlyReadingsGenerator.write(warehouse, n, days, seed);
        double generated = (System.nanoTime() - t0) / 1e9;
        double cpu0 = cpuSeconds();
        AirQualityResult air = new AirQualityJob(warehouse).execute();
        double cpu1 = cpuSeconds();
        SensorAnomalyResult anomalies = new SensorAnomalyJob(warehouse).execute();
        double cpu2 = cpuSeconds();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        runs.add(score(warehouse, g, generated, air, cpu1 - cpu0, anomalies, cpu2 - cpu1, load));
        System.out.println(runs.get(runs.size() - 1));
      }
    } finally {
      spark.stop();
    }
    System.out.println();
    System.out.printf("%10s %8s %8s %7s %7s %10s %7s %7s %10s %6s %7s %5s%n", "readings", "stations", "generate",
        "air s", "air cpu", "air rows/s", "anom s", "anom cpu", "anom rows/s", "load", "found", "extra");
    for (Run r : runs) {
      System.out.printf("%10d %8d %8.1f %7.1f %7.1f %10.0f %7.1f %7.1f %10.0f %6.1f %5d/%-2d %5d%n", r.readings(),
          r.stations(), r.generateSeconds(), r.air().seconds(), r.airCpu(), r.readings() / r.air().seconds(),
          r.anomalies().seconds(), r.anomaliesCpu(), r.readings() / r.anomalies().seconds(), r.load(), r.found(),
          r.faults(), r.extra().size());
      r.missed().forEach(m -> System.out.println("  missed: " + m));
      r.extra().forEach(m -> System.out.println("  extra:  " + m));
    }
    return 0;
  }

  /** Matches the anomalies found with the faults planted: same sensor, kind and metric, overlapping in time. */
  private static Run score(Warehouse warehouse, HourlyReadingsGenerator.Generated g, double generated,
      AirQualityResult air, double airCpu, SensorAnomalyResult anomalies, double anomaliesCpu, double load) {
    List<Row> found = warehouse.read(GoldTables.SENSOR_ANOMALIES).collectAsList();
    List<String> missed = new ArrayList<>();
    boolean[] matched = new boolean[found.size()];
    for (HourlyReadingsGenerator.Fault f : g.faults()) {
      boolean hit = false;
      for (int i = 0; i < found.size(); i++) {
        Row r = found.get(i);
        long start = r.getTimestamp(r.fieldIndex(Col.START_TS)).getTime() / 3_600_000L;
        long end = r.getTimestamp(r.fieldIndex(Col.END_TS)).getTime() / 3_600_000L;
        boolean same = f.sensorId().equals(r.getAs(Col.SENSOR_ID)) && f.kind().equals(r.getAs(Col.KIND))
            && java.util.Objects.equals(f.metric(), r.getAs(Col.METRIC));
        if (same && start < f.endHour() && end > f.startHour()) {
          matched[i] = true;
          hit = true;
        }
      }
      if (!hit) {
        missed.add(f.toString());
      }
    }
    List<String> extra = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      if (!matched[i]) {
        Row r = found.get(i);
        extra.add(r.getAs(Col.SENSOR_ID) + " " + r.getAs(Col.KIND) + " " + r.getAs(Col.METRIC) + ": "
            + r.getAs(Col.DETAIL));
      }
    }
    return new Run(g.readings(), g.stations(), generated, air, airCpu, anomalies, anomaliesCpu, load,
        g.faults().size(), g.faults().size() - missed.size(), missed, extra);
  }

  /** CPU time of this process so far (all threads): less sensitive than wall time to other work on the machine. */
  private static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  public static void main(String[] argv) {
    System.exit(new CommandLine(new SensorJobsBenchmark()).execute(argv));
  }
}
