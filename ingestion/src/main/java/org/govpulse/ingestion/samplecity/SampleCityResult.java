package org.govpulse.ingestion.samplecity;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link SampleCityGenerator#generate(Path)} wrote.
 *
 * @param landing the landing area, {@code outDir/landing}
 * @param groundTruth {@code outDir/ground_truth}
 * @param training {@code outDir/training}
 * @param filesWritten number of files written in all three folders
 * @param recordsBySource data records written per landing source ({@code reports}, {@code sensors},
 *     {@code posts}, {@code surveys}, {@code reference}), headers excluded, bad and duplicate records included
 * @param planted everything planted, as in {@code ground_truth/planted.csv}
 */
public record SampleCityResult(
    Path landing,
    Path groundTruth,
    Path training,
    long filesWritten,
    Map<String, Long> recordsBySource,
    List<PlantedItem> planted) {

  public SampleCityResult {
    recordsBySource = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(recordsBySource));
    planted = List.copyOf(planted);
  }
}
