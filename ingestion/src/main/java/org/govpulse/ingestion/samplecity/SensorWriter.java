package org.govpulse.ingestion.samplecity;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes {@code landing/sensors/<yyyy-MM>/readings-<yyyy-MM-dd>.csv}: one UTF-8 file per day with every hourly
 * reading of every sensor ({@code sensor_id,ts,metric,value}), in the order hour, sensor, metric.
 *
 * <p>Planted faults are applied here (outages, stuck values, spikes, clock skew). Messiness: about 0.2 % exact
 * duplicate lines (right after the original or at the end of the file), about 0.05 % bad readings (value not
 * numeric or out of range, unreadable time; they replace the reading), a few lines from unknown sensors or with
 * metrics the sensor does not measure, and a few conflicting duplicates (same sensor, metric and time with another
 * value, later in the same file). Files are placed by the real local day the readings were taken, whatever their
 * timestamps say.
 */
final class SensorWriter {

  private static final double BAD_SHARE = 0.0005;
  private static final double EXTRA_SHARE = 0.0002;
  private static final double DUPLICATE_SHARE = 0.002;
  private static final double CONFLICT_SHARE = 0.00003;
  private static final String[] PLACEHOLDERS = {"ERR", "N/A", "--", "null"};
  private static final String[] UNKNOWN_SENSORS = {"AQ-JZ00-1", "TEST-001", "NS-UNKNOWN"};

  private final SensorNetwork network;
  private final AirQualityModel air;
  private final TrueSeries truth;
  private final Plants plants;
  private final Timeline timeline;
  private final RandomStreams streams;
  private final Path landing;
  private final Ledger ledger;

  SensorWriter(SensorNetwork network, AirQualityModel air, TrueSeries truth, Plants plants, Timeline timeline,
      RandomStreams streams, Path landing, Ledger ledger) {
    this.network = network;
    this.air = air;
    this.truth = truth;
    this.plants = plants;
    this.timeline = timeline;
    this.streams = streams;
    this.landing = landing;
    this.ledger = ledger;
  }

  void write() {
    SplittableRandom mess = streams.stream("sensors/mess");
    List<Sensor> sensors = network.all();
    Set<String> faulty = new HashSet<>();
    plants.stuck.forEach(x -> faulty.add(x.sensor()));
    plants.spikes.forEach(x -> faulty.add(x.sensor()));
    for (LocalDate day = timeline.sensorFirstDay(); day.isBefore(timeline.sensorEndExclusive());
        day = day.plusDays(1)) {
      double[][][] values = new double[sensors.size()][][];
      for (int s = 0; s < sensors.size(); s++) {
        values[s] = dayValues(sensors.get(s), day);
      }
      String name = "sensors/" + YearMonth.from(day) + "/readings-" + day + ".csv";
      try (CsvFile file = CsvFile.create(landing, name, CsvFile.Encoding.UTF8, false, ledger, Ledger.SENSORS)) {
        file.header("sensor_id", "ts", "metric", "value");
        List<String[]> atEnd = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
          LocalDateTime real = day.atTime(hour, 0);
          for (int s = 0; s < sensors.size(); s++) {
            Sensor sensor = sensors.get(s);
            LocalDateTime stamped = stamp(sensor, real);
            if (stamped == null) {
              continue;
            }
            String ts = timestamp(stamped, sensor.timeStyle());
            for (int m = 0; m < sensor.metrics().size(); m++) {
              String metric = sensor.metrics().get(m);
              double clean = values[s][m][hour];
              boolean planted = faulty.contains(sensor.id()) && (isStuck(sensor, metric, real)
                  || faulted(sensor, metric, real, clean) != clean);
              double v = planted ? faulted(sensor, metric, real, clean) : clean;
              String value = format(metric, v);
              double u = planted ? 1 : mess.nextDouble();
              if (u < BAD_SHARE) {
                writeBad(file, sensor, metric, stamped, ts, value, mess);
                continue;
              }
              long line = file.raw(sensor.id() + "," + ts + "," + metric + "," + value);
              u -= BAD_SHARE;
              if (u < EXTRA_SHARE) {
                writeExtra(file, sensor, metric, ts, value, mess);
              } else if (u < EXTRA_SHARE + DUPLICATE_SHARE) {
                String text = sensor.id() + "," + ts + "," + metric + "," + value;
                if (mess.nextBoolean()) {
                  ledger.duplicate(Ledger.SENSORS, name, file.raw(text), name, line);
                } else {
                  atEnd.add(new String[] {text, Long.toString(line), "dup"});
                }
              } else if (u < EXTRA_SHARE + DUPLICATE_SHARE + CONFLICT_SHARE) {
                String other = format(metric, v * RandomStreams.uniform(mess, 1.1, 1.3) + 1);
                atEnd.add(new String[] {sensor.id() + "," + ts + "," + metric + "," + other, "0", "conflict"});
              }
            }
          }
        }
        for (String[] end : atEnd) {
          long line = file.raw(end[0]);
          if (end[2].equals("dup")) {
            ledger.duplicate(Ledger.SENSORS, name, line, name, Long.parseLong(end[1]));
          } else {
            ledger.bad(Ledger.SENSORS, name, line, "conflicting_duplicate");
          }
        }
      }
    }
  }

  /** A reading replaced by a bad one: value not numeric, value out of range, or an unreadable time. */
  private void writeBad(CsvFile file, Sensor sensor, String metric, LocalDateTime stamped, String ts, String value,
      SplittableRandom mess) {
    double u = mess.nextDouble();
    String reason;
    String line;
    if (u < 0.35) {
      reason = "value_not_numeric";
      line = sensor.id() + "," + ts + "," + metric + "," + RandomStreams.pick(mess, PLACEHOLDERS);
    } else if (u < 0.7) {
      reason = "value_out_of_range";
      String bad = metric.startsWith("pm") && mess.nextBoolean() ? "9999.0"
          : metric.equals("water_ph") ? "15.20" : "-999.0";
      line = sensor.id() + "," + ts + "," + metric + "," + bad;
    } else {
      reason = "timestamp_invalid";
      String broken = timestamp(stamped, sensor.timeStyle()).replaceFirst("-\\d\\d-", "-13-");
      line = sensor.id() + "," + broken + "," + metric + "," + value;
    }
    long n = file.raw(line);
    ledger.bad(Ledger.SENSORS, file.relative(), n, reason);
  }

  /** An extra line from an unknown sensor, or with a metric the sensor does not measure. */
  private void writeExtra(CsvFile file, Sensor sensor, String metric, String ts, String value,
      SplittableRandom mess) {
    String line;
    String reason;
    if (mess.nextBoolean()) {
      reason = "sensor_unknown";
      line = RandomStreams.pick(mess, UNKNOWN_SENSORS) + "," + ts + "," + metric + "," + value;
    } else {
      reason = "metric_unknown";
      String other = sensor.isAir() ? (mess.nextBoolean() ? "nh3" : "pm1") : "pm25";
      line = sensor.id() + "," + ts + "," + other + "," + value;
    }
    ledger.bad(Ledger.SENSORS, file.relative(), file.raw(line), reason);
  }

  /** The time a reading is stamped with, or null when nothing is sent (outage, reboot after the clock change). */
  private LocalDateTime stamp(Sensor sensor, LocalDateTime real) {
    for (Plants.Outage o : plants.outages) {
      if (o.sensor().equals(sensor.id()) && !real.isBefore(o.from()) && real.isBefore(o.toExclusive())) {
        return null;
      }
    }
    for (Plants.ClockSkew c : plants.skews) {
      if (c.sensor().equals(sensor.id()) && !real.isBefore(c.from())) {
        return real.isBefore(c.from().plusHours(8)) ? null : real.minusHours(8);
      }
    }
    return real;
  }

  private double faulted(Sensor sensor, String metric, LocalDateTime real, double clean) {
    for (Plants.Stuck s : plants.stuck) {
      if (s.sensor().equals(sensor.id()) && s.metric().equals(metric) && !real.isBefore(s.from())
          && real.isBefore(s.from().plusHours(s.hours()))) {
        return s.value();
      }
    }
    for (Plants.Spike s : plants.spikes) {
      if (s.sensor().equals(sensor.id()) && s.metric().equals(metric) && real.equals(s.at())) {
        return s.value();
      }
    }
    return clean;
  }

  private boolean isStuck(Sensor sensor, String metric, LocalDateTime real) {
    for (Plants.Stuck s : plants.stuck) {
      if (s.sensor().equals(sensor.id()) && s.metric().equals(metric) && !real.isBefore(s.from())
          && real.isBefore(s.from().plusHours(s.hours()))) {
        return true;
      }
    }
    return false;
  }

  /** Clean readings of a sensor for a day: [metric][hour]. */
  private double[][] dayValues(Sensor sensor, LocalDate day) {
    if (sensor.isAir()) {
      return air.stationHours(sensor, day);
    }
    SplittableRandom r = streams.stream("sensors/other", sensor.id(), day.toEpochDay());
    double[][] out = new double[1][24];
    switch (sensor.kind()) {
      case Sensor.NOISE -> {
        for (int h = 0; h < 24; h++) {
          boolean dayTime = h >= 7 && h < 22;
          boolean rush = h == 8 || h == 18;
          out[0][h] = 48 + (dayTime ? 10 : 0) + (rush ? 3 : 0) + 2.5 * RandomStreams.gaussian(r);
        }
      }
      case Sensor.TRAFFIC -> {
        double ci = truth.get(sensor.regionCode(), "ROAD_CONGESTION_INDEX", Period.month(YearMonth.from(day)));
        for (int h = 0; h < 24; h++) {
          double rush = (h >= 7 && h <= 9) || (h >= 17 && h <= 19) ? 1.0
              : h >= 10 && h <= 16 ? 0.4 : h >= 20 && h <= 22 ? 0.3 : 0.05;
          out[0][h] = 58 / (1 + (ci - 1) * 2.2 * rush) * StrictMath.exp(0.06 * RandomStreams.gaussian(r));
        }
      }
      default -> {
        double drift = 0.1 * RandomStreams.gaussian(r);
        for (int h = 0; h < 24; h++) {
          out[0][h] = 7.3 + drift + 0.15 * StrictMath.sin(2 * Math.PI * (h - 8) / 24.0) + 0.03 * RandomStreams.gaussian(r);
        }
      }
    }
    return out;
  }

  private static String format(String metric, double v) {
    StringBuilder sb = new StringBuilder(8);
    if (metric.equals("co") || metric.equals("water_ph")) {
      Spellings.appendHundredths(sb, v);
    } else {
      Spellings.appendTenths(sb, v);
    }
    return sb.toString();
  }

  /** The reading time in the sensor's spelling; {@code t} is the stamped local (China) time. */
  static String timestamp(LocalDateTime t, Sensor.TimeStyle style) {
    LocalDateTime w = style == Sensor.TimeStyle.ZULU ? t.minusHours(8) : t;
    StringBuilder sb = new StringBuilder(25);
    sb.append(w.getYear()).append('-').append(Spellings.two(w.getMonthValue())).append('-')
        .append(Spellings.two(w.getDayOfMonth()))
        .append(style == Sensor.TimeStyle.LOCAL_SPACE ? ' ' : 'T')
        .append(Spellings.two(w.getHour())).append(":00:00");
    if (style == Sensor.TimeStyle.OFFSET) {
      sb.append("+08:00");
    } else if (style == Sensor.TimeStyle.ZULU) {
      sb.append('Z');
    }
    return sb.toString();
  }
}
