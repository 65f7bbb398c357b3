package org.govpulse.ingestion.samplecity;

import java.util.Objects;

/**
 * One row of {@code ground_truth/planted.csv}: something deliberately planted in the city. Fields that do not apply
 * are empty strings. Report periods are canonical ({@code 2024-03}, {@code 2024-Q1}, {@code 2024}); sensor faults
 * use local times with offset ({@code 2026-03-04T05:00+08:00}).
 *
 * @param plantedId stable id, {@code P001}, ...
 * @param kind what was planted
 * @param regionCode region affected, or empty
 * @param indicatorCode indicator affected, or empty
 * @param deptCode department whose reports carry it, or empty
 * @param sensorId sensor affected, or empty
 * @param periodFrom first period (or time) affected
 * @param periodTo last period (or time) affected
 * @param detail a short English sentence with the numbers used
 */
public record PlantedItem(
    String plantedId,
    PlantedKind kind,
    String regionCode,
    String indicatorCode,
    String deptCode,
    String sensorId,
    String periodFrom,
    String periodTo,
    String detail) {

  public PlantedItem {
    Objects.requireNonNull(plantedId, "plantedId");
    Objects.requireNonNull(kind, "kind");
    regionCode = Objects.requireNonNullElse(regionCode, "");
    indicatorCode = Objects.requireNonNullElse(indicatorCode, "");
    deptCode = Objects.requireNonNullElse(deptCode, "");
    sensorId = Objects.requireNonNullElse(sensorId, "");
    periodFrom = Objects.requireNonNullElse(periodFrom, "");
    periodTo = Objects.requireNonNullElse(periodTo, "");
    detail = Objects.requireNonNullElse(detail, "");
  }
}
