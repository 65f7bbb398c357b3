package org.govpulse.ingestion.samplecity;

import java.util.ArrayList;
import java.util.List;

/**
 * A region of the city: the city itself ({@code level = city}) or one of its districts and counties, with the
 * structural attributes of {@code regions.csv} and the generator's own classification.
 *
 * <p>{@code tier} (T1 most developed .. T3) is the tercile of {@code developmentIndex}, the mean of the z-scores of
 * log GDP per capita, urbanisation and log population over the districts and counties; {@code prosperity} is the
 * same index rescaled to 0..1 and drives the level of every indicator. The city row has neither.
 */
record Region(
    String code,
    String nameZh,
    String nameEn,
    String shortZh,
    String shortEn,
    String letterCode,
    String parentCode,
    String level,
    long population,
    double gdpPerCapita,
    double urbanisation,
    double areaKm2,
    double resourceEndowment,
    Archetype archetype,
    double lat,
    double lon,
    double developmentIndex,
    String tier,
    double prosperity) {

  /** The broad kind of place, which sets the ranges the attributes are drawn from. */
  enum Archetype {
    /** Rich, dense urban core. */
    CORE,
    /** Middling suburban district or near county. */
    SUBURBAN,
    /** Poorer rural county, rich in land and resources. */
    RURAL
  }

  /** Other spellings used in reports: short Chinese name, short English name and the letter code, if any. */
  List<String> aliases() {
    List<String> out = new ArrayList<>();
    out.add(shortZh);
    out.add(shortEn);
    if (!letterCode.isEmpty()) {
      out.add(letterCode);
    }
    return out;
  }

  Region withIndex(double newDevelopmentIndex, String newTier, double newProsperity) {
    return new Region(code, nameZh, nameEn, shortZh, shortEn, letterCode, parentCode, level, population,
        gdpPerCapita, urbanisation, areaKm2, resourceEndowment, archetype, lat, lon, newDevelopmentIndex, newTier,
        newProsperity);
  }
}
