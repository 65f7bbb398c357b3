package org.govpulse.ingestion.samplecity;

import java.time.LocalDate;
import java.util.List;

/**
 * One device of {@code sensors.csv}, plus how it spells its timestamps (a generator-only habit: most write ISO-8601
 * with {@code +08:00}, some local time without offset, a few UTC with {@code Z}).
 */
record Sensor(
    String id,
    String nameZh,
    String nameEn,
    String regionCode,
    String kind,
    List<String> metrics,
    String utcOffset,
    double lat,
    double lon,
    LocalDate installedOn,
    TimeStyle timeStyle) {

  static final String AIR = "air_quality";
  static final String NOISE = "noise";
  static final String WATER = "water";
  static final String TRAFFIC = "traffic";

  /** How a device writes its reading times. */
  enum TimeStyle {
    /** {@code 2025-11-01T08:00:00+08:00}. */
    OFFSET,
    /** {@code 2025-11-01 08:00:00}, local time, read with the registry's utc_offset. */
    LOCAL_SPACE,
    /** {@code 2025-11-01T08:00:00}, local time without offset. */
    LOCAL_T,
    /** {@code 2025-11-01T00:00:00Z}, UTC. */
    ZULU
  }

  boolean isAir() {
    return AIR.equals(kind);
  }

  boolean writesLocalTime() {
    return timeStyle == TimeStyle.LOCAL_SPACE || timeStyle == TimeStyle.LOCAL_T;
  }
}
