package org.govpulse.ingestion.samplecity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The city's sensors: one or two air-quality stations per district or county (about 18 at 1x), plus noise
 * monitors and traffic detectors in the most urban third and water-quality stations in the most rural sixth.
 */
final class SensorNetwork {

  static final List<String> AIR_METRICS = List.of("pm25", "pm10", "so2", "no2", "co", "o3");

  private final List<Sensor> sensors;

  private SensorNetwork(List<Sensor> sensors) {
    this.sensors = List.copyOf(sensors);
  }

  static SensorNetwork build(Regions regions, Timeline timeline, RandomStreams streams) {
    List<Sensor> out = new ArrayList<>();
    LocalDate latestInstall = timeline.sensorFirstDay().minusMonths(2);
    for (Region r : regions.districts()) {
      SplittableRandom rnd = streams.stream("sensors/registry", r.code());
      double pTwo = switch (r.archetype()) {
        case CORE -> 0.7;
        case SUBURBAN -> 0.5;
        case RURAL -> 0.3;
      };
      int stations = rnd.nextDouble() < pTwo ? 2 : 1;
      for (int k = 1; k <= stations; k++) {
        double u = rnd.nextDouble();
        Sensor.TimeStyle style = u < 0.72 ? Sensor.TimeStyle.OFFSET
            : u < 0.82 ? Sensor.TimeStyle.LOCAL_SPACE
            : u < 0.88 ? Sensor.TimeStyle.LOCAL_T : Sensor.TimeStyle.ZULU;
        out.add(new Sensor("AQ-" + r.code() + "-" + k, r.shortZh() + k + "号空气站",
            r.shortEn() + " Air Station " + k, r.code(), Sensor.AIR, AIR_METRICS, "+08:00",
            jitter(r.lat(), rnd), jitter(r.lon(), rnd), installDate(rnd, latestInstall), style));
      }
    }
    forceStyles(out);
    List<Region> byUrban = new ArrayList<>(regions.districts());
    byUrban.sort(Comparator.comparingDouble(Region::urbanisation).reversed().thenComparing(Region::code));
    List<Region> byPopulation = new ArrayList<>(regions.districts());
    byPopulation.sort(Comparator.comparingLong(Region::population).reversed().thenComparing(Region::code));
    List<Region> byResource = new ArrayList<>(regions.districts());
    byResource.sort(Comparator.comparingDouble(Region::resourceEndowment).reversed().thenComparing(Region::code));
    int n = regions.districts().size();
    for (Region r : byUrban.subList(0, Math.max(1, Math.round(n / 3f)))) {
      SplittableRandom rnd = streams.stream("sensors/registry/noise", r.code());
      out.add(new Sensor("NS-" + r.code() + "-1", r.shortZh() + "噪声监测点", r.shortEn() + " Noise Monitor",
          r.code(), Sensor.NOISE, List.of("noise_db"), "+08:00", jitter(r.lat(), rnd), jitter(r.lon(), rnd),
          installDate(rnd, latestInstall), Sensor.TimeStyle.OFFSET));
    }
    for (Region r : byPopulation.subList(0, Math.max(1, Math.round(n / 3f)))) {
      SplittableRandom rnd = streams.stream("sensors/registry/traffic", r.code());
      out.add(new Sensor("TR-" + r.code() + "-1", r.shortZh() + "交通检测器", r.shortEn() + " Traffic Detector",
          r.code(), Sensor.TRAFFIC, List.of("traffic_speed_kmh"), "+08:00", jitter(r.lat(), rnd),
          jitter(r.lon(), rnd), installDate(rnd, latestInstall), Sensor.TimeStyle.OFFSET));
    }
    for (Region r : byResource.subList(0, Math.max(1, Math.round(n / 6f)))) {
      SplittableRandom rnd = streams.stream("sensors/registry/water", r.code());
      out.add(new Sensor("WQ-" + r.code() + "-1", r.shortZh() + "水质自动站", r.shortEn() + " Water Station",
          r.code(), Sensor.WATER, List.of("water_ph"), "+08:00", jitter(r.lat(), rnd), jitter(r.lon(), rnd),
          installDate(rnd, latestInstall), Sensor.TimeStyle.LOCAL_SPACE));
    }
    out.sort(Comparator.comparing(Sensor::id));
    return new SensorNetwork(out);
  }

  /** Makes sure the air stations show every timestamp spelling at least once (the clock-skew plant needs one). */
  private static void forceStyles(List<Sensor> air) {
    Sensor.TimeStyle[] needed = {Sensor.TimeStyle.LOCAL_SPACE, Sensor.TimeStyle.ZULU, Sensor.TimeStyle.LOCAL_T};
    int slot = 0;
    for (Sensor.TimeStyle style : needed) {
      if (air.stream().anyMatch(s -> s.timeStyle() == style)) {
        continue;
      }
      // Replace the style of an OFFSET station, taking them from the end so the choice is stable.
      for (int i = air.size() - 1 - slot; i >= 0; i--) {
        Sensor s = air.get(i);
        if (s.timeStyle() == Sensor.TimeStyle.OFFSET) {
          air.set(i, new Sensor(s.id(), s.nameZh(), s.nameEn(), s.regionCode(), s.kind(), s.metrics(),
              s.utcOffset(), s.lat(), s.lon(), s.installedOn(), style));
          slot++;
          break;
        }
      }
    }
  }

  private static double jitter(double v, SplittableRandom rnd) {
    return Regions.round(v + RandomStreams.uniform(rnd, -0.03, 0.03), 5);
  }

  private static LocalDate installDate(SplittableRandom rnd, LocalDate latest) {
    LocalDate earliest = LocalDate.of(2016, 1, 1);
    long span = Math.max(1, latest.toEpochDay() - earliest.toEpochDay());
    return earliest.plusDays(rnd.nextLong(span));
  }

  List<Sensor> all() {
    return sensors;
  }

  List<Sensor> airStations() {
    return sensors.stream().filter(Sensor::isAir).toList();
  }

  List<Sensor> stationsOf(String regionCode) {
    return sensors.stream().filter(s -> s.isAir() && s.regionCode().equals(regionCode)).toList();
  }
}
