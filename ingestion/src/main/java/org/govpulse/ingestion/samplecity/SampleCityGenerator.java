package org.govpulse.ingestion.samplecity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates the sample city described by a {@link SampleCitySpec} into a folder:
 *
 * <pre>{@code
 * SampleCityResult r = new SampleCityGenerator(SampleCitySpec.defaults()).generate(outDir);
 * }</pre>
 *
 * <p>Steps, each in its own class: regions and sensors; the daily air-quality process; the true series; what to
 * plant; service-quality drops; target calibration; target misses and suspicious revisions; then the writers
 * (reference, reports, sensors, posts, surveys) and the ground truth. Pure Java, single-threaded, deterministic:
 * the same spec gives byte-identical files.
 */
public final class SampleCityGenerator {

  private final SampleCitySpec spec;

  public SampleCityGenerator(SampleCitySpec spec) {
    this.spec = java.util.Objects.requireNonNull(spec, "spec");
  }

  /**
   * Writes {@code outDir/landing}, {@code outDir/ground_truth} and {@code outDir/training}.
   *
   * @throws SampleCityException if the folder already holds a city or cannot be written
   */
  public SampleCityResult generate(Path outDir) {
    Path landing = outDir.resolve("landing");
    Path groundTruth = outDir.resolve("ground_truth");
    Path training = outDir.resolve("training");
    if (Files.exists(landing) || Files.exists(groundTruth)) {
      throw SampleCityException.outputNotEmpty(outDir);
    }
    try {
      Files.createDirectories(landing);
      Files.createDirectories(groundTruth);
      Files.createDirectories(training);
    } catch (IOException e) {
      throw SampleCityException.cannotWrite(outDir, e);
    }
    RandomStreams streams = new RandomStreams(spec.seed());
    Catalogue catalogue = Catalogue.standard();
    Timeline timeline = new Timeline(spec);
    Regions regions = Regions.build(spec, streams);
    SensorNetwork network = SensorNetwork.build(regions, timeline, streams);
    AirQualityModel air = new AirQualityModel(regions, network, timeline, streams);
    TrueSeries truth = new TrueSeriesModel(catalogue, regions, timeline, air, streams).generate();

    PlantingPlanner planner = new PlantingPlanner(spec, catalogue, regions, network, air, truth, timeline, streams);
    Plants plants = planner.planBeforeTargets();
    TroublePlanter troubles = new TroublePlanter(catalogue, truth, timeline);
    troubles.applyQualityDrops(plants);
    TargetBook targets = TargetBook.calibrate(catalogue, regions, truth, timeline, streams);
    troubles.applyTargetMisses(plants, targets);
    planner.planAfterTargets(plants, targets);

    Ledger ledger = new Ledger();
    new ReferenceWriter(catalogue, regions, network, targets, timeline, streams, landing, ledger).write();
    new ReportWriter(catalogue, regions, timeline, new ReportedValues(truth, plants, streams), plants, streams,
        landing, ledger).write();
    new SensorWriter(network, air, truth, plants, timeline, streams, landing, ledger).write();
    LatentQuality latent = new LatentQuality(catalogue, regions, truth, plants, timeline, streams);
    new PostsWriter(spec, regions, latent, plants, timeline, streams, landing, training, ledger).write();
    new SurveysWriter(spec, regions, latent, timeline, streams, landing, ledger).write();
    new GroundTruthWriter(catalogue, regions, truth, timeline, groundTruth, ledger).write(plants.items());

    return new SampleCityResult(landing, groundTruth, training, ledger.files(), ledger.recordsBySource(),
        plants.items());
  }
}
