package org.govpulse.ingestion.validate;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govpulse.core.time.Frequency;
import org.govpulse.core.time.Period;

/**
 * The reference data validators need, held in memory and broadcast to executors: regions and their aliases,
 * departments, the indicator catalogue with definition versions, and the sensor registry.
 */
public final class ReferenceData implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A region and its level. */
  public record Region(String code, String nameZh, String nameEn, String level) implements Serializable {}

  /** An indicator as validation needs it. */
  public record Indicator(String code, String deptCode, Units.Unit unit, Frequency frequency, String source,
      Double validMin, Double validMax) implements Serializable {}

  /** A sensor as validation needs it. */
  public record Sensor(String id, String regionCode, Set<String> metrics, ZoneOffset utcOffset)
      implements Serializable {}

  /** One definition version starting at a date. */
  public record Definition(int version, LocalDate from) implements Serializable {}

  private final Map<String, Region> regions = new HashMap<>();
  private final Map<String, String> regionKeys = new HashMap<>();
  private final Map<String, String> departments = new HashMap<>();
  private final Map<String, Indicator> indicators = new HashMap<>();
  private final Map<String, String> indicatorKeys = new HashMap<>();
  private final Map<String, List<Definition>> definitions = new HashMap<>();
  private final Map<String, Sensor> sensors = new HashMap<>();

  /** Adds a region with the names and aliases it may be called by. */
  public ReferenceData addRegion(Region region, List<String> aliases) {
    regions.put(region.code(), region);
    regionKeys.put(Names.plainKey(region.code()), region.code());
    for (String name : concat(List.of(region.nameZh(), region.nameEn()), aliases)) {
      regionKeys.putIfAbsent(Names.key(name), region.code());
    }
    return this;
  }

  /** Adds a department known by its code and names. */
  public ReferenceData addDepartment(String code, String nameZh, String nameEn) {
    for (String name : List.of(code, nameZh, nameEn)) {
      departments.putIfAbsent(Names.plainKey(name), code);
    }
    return this;
  }

  /** Adds an indicator known by its code, names and aliases. */
  public ReferenceData addIndicator(Indicator indicator, String nameZh, String nameEn, List<String> aliases) {
    indicators.put(indicator.code(), indicator);
    for (String name : concat(List.of(indicator.code(), nameZh, nameEn), aliases)) {
      indicatorKeys.putIfAbsent(Names.plainKey(name), indicator.code());
    }
    return this;
  }

  /** Adds a definition version of an indicator. */
  public ReferenceData addDefinition(String indicatorCode, Definition definition) {
    List<Definition> list = definitions.computeIfAbsent(indicatorCode, k -> new ArrayList<>());
    list.add(definition);
    list.sort(Comparator.comparing(Definition::from));
    return this;
  }

  public ReferenceData addSensor(Sensor sensor) {
    sensors.put(sensor.id(), sensor);
    return this;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    out.removeIf(s -> s == null || s.isBlank());
    return out;
  }

  /** The region code a spelling denotes. */
  public Optional<String> regionCode(String spelling) {
    String code = regionKeys.get(Names.plainKey(spelling));
    if (code == null) {
      code = regionKeys.get(Names.key(spelling));
    }
    return Optional.ofNullable(code);
  }

  public Optional<Region> region(String code) {
    return Optional.ofNullable(regions.get(code));
  }

  public Optional<String> departmentCode(String spelling) {
    return Optional.ofNullable(departments.get(Names.plainKey(spelling)));
  }

  /** The indicator a spelling denotes (code, Chinese or English name, or alias). */
  public Optional<Indicator> indicator(String spelling) {
    String code = indicatorKeys.get(Names.plainKey(spelling));
    return Optional.ofNullable(code == null ? null : indicators.get(code));
  }

  public Optional<Sensor> sensor(String id) {
    return Optional.ofNullable(sensors.get(id));
  }

  /** Definition version in force for a period (1 when none is declared). */
  public int definitionVersion(String indicatorCode, Period period) {
    int version = 1;
    for (Definition d : definitions.getOrDefault(indicatorCode, List.of())) {
      if (!d.from().isAfter(period.start())) {
        version = d.version();
      }
    }
    return version;
  }

  public Map<String, Region> regions() {
    return Collections.unmodifiableMap(regions);
  }

  public Map<String, Indicator> indicators() {
    return Collections.unmodifiableMap(indicators);
  }

  public Map<String, Sensor> sensors() {
    return Collections.unmodifiableMap(sensors);
  }

  /** Department codes known. */
  public Set<String> departmentCodes() {
    return Set.copyOf(departments.values());
  }
}
