package org.govpulse.app.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes a landing area for the ingestion benchmark: a sensor registry and {@code readings} hourly readings of six
 * air-quality metrics over 30 days (one file per day), with the defects of real feeds: about 0.2% exact duplicates,
 * 0.02% conflicting duplicates and 0.05% bad records. Deterministic for a seed.
 */
public final class SensorBenchData {
  static final String[] METRICS = {"pm25", "pm10", "so2", "no2", "co", "o3"};
  static final int DAYS = 30;
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final LocalDate START = LocalDate.of(2026, 9, 1);

  private SensorBenchData() {}

  /** What was written. */
  public record Written(long lines, long bad, long exactDuplicates, long conflicts, long bytes, int sensors) {}

  public static Written write(Path landing, long readings, long seed) {
    int sensors = (int) Math.max(1, Math.round(readings / (double) (DAYS * 24 * METRICS.length)));
    SplittableRandom rnd = new SplittableRandom(seed);
    try {
      Path ref = Files.createDirectories(landing.resolve("reference"));
      Files.writeString(ref.resolve("regions.csv"), "region_code,name_zh,name_en,parent_code,level\n"
          + "BM,基准市,Bench City,,city\nBM01,基准一区,Bench District 1,BM,district\n", StandardCharsets.UTF_8);
      Files.writeString(ref.resolve("departments.csv"), "dept_code,name_zh,name_en\nEEB,生态环境局,Ecology\n",
          StandardCharsets.UTF_8);
      Files.writeString(ref.resolve("indicators.csv"), "indicator_code,name_zh,name_en,dept_code,unit,polarity,"
          + "frequency,category,aggregation,weight,source\nPM25_MONITORED,监测PM2.5,Monitored PM2.5,EEB,µg/m³,"
          + "lower_better,monthly,environmental,mean,0,sensors\n", StandardCharsets.UTF_8);
      try (BufferedWriter w = Files.newBufferedWriter(ref.resolve("sensors.csv"), StandardCharsets.UTF_8)) {
        w.write("sensor_id,name_zh,name_en,region_code,kind,metrics,utc_offset\n");
        for (int s = 0; s < sensors; s++) {
          w.write(String.format("S%05d,站点%d,Station %d,BM01,air_quality,pm25|pm10|so2|no2|co|o3,+08:00%n", s, s, s));
        }
      }
      long lines = 0;
      long bad = 0;
      long dups = 0;
      long conflicts = 0;
      long bytes = 0;
      Path dir = Files.createDirectories(landing.resolve("sensors"));
      for (int d = 0; d < DAYS; d++) {
        LocalDate day = START.plusDays(d);
        Path file = dir.resolve("readings-" + day + ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          w.write("sensor_id,ts,metric,value\n");
          for (int h = 0; h < 24; h++) {
            String ts = ISO.format(LocalDateTime.of(day, java.time.LocalTime.of(h, 0)));
            boolean withOffset = h % 4 != 0;
            for (int s = 0; s < sensors; s++) {
              String sensor = String.format("S%05d", s);
              for (String m : METRICS) {
                double base = m.equals("co") ? 0.8 : m.equals("o3") ? 60 : 35;
                double v = Math.max(0, base * (0.6 + 0.8 * rnd.nextDouble()));
                String value = m.equals("co") ? String.format("%.2f", v) : String.format("%.1f", v);
                String line = sensor + "," + ts + (withOffset ? "+08:00" : "") + "," + m + "," + value + "\n";
                double u = rnd.nextDouble();
                if (u < 0.0005) {
                  line = badLine(rnd, sensor, ts, m);
                  bad++;
                }
                w.write(line);
                lines++;
                if (u > 0.998) {
                  w.write(line);
                  lines++;
                  dups++;
                } else if (u > 0.9978) {
                  w.write(sensor + "," + ts + (withOffset ? "+08:00" : "") + "," + m + "," + value + "9\n");
                  lines++;
                  conflicts++;
                }
              }
            }
          }
        }
        bytes += Files.size(file);
      }
      return new Written(lines, bad, dups, conflicts, bytes, sensors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String badLine(SplittableRandom rnd, String sensor, String ts, String metric) {
    switch (rnd.nextInt(4)) {
      case 0:
        return sensor + "," + ts + "+08:00," + metric + ",N/A\n";
      case 1:
        return "X" + sensor + "," + ts + "+08:00," + metric + ",12.0\n";
      case 2:
        return sensor + ",2026-13-01 00:00:00," + metric + ",12.0\n";
      default:
        return sensor + "," + ts + "+08:00," + metric + ",99999\n";
    }
  }
}
