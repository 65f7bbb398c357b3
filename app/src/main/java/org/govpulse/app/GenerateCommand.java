package org.govpulse.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.govpulse.ingestion.samplecity.SampleCityGenerator;
import org.govpulse.ingestion.samplecity.SampleCityResult;
import org.govpulse.ingestion.samplecity.SampleCitySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code govpulse generate}: writes the deterministic sample city. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generate the sample city: landing files, training data and the ground truth of what was planted.")
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (landing/ goes inside).")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--scale", defaultValue = "1.0",
      description = "Size factor: 1 is about 1M sensor readings and 13 regions (default ${DEFAULT-VALUE}).")
  double scale;

  @Override
  public Integer call() {
    System.out.println(summary(generate(out, seed, scale)));
    return 0;
  }

  /** A few lines on what was written. */
  public static String summary(SampleCityResult r) {
    java.util.Map<String, Long> planted = new java.util.TreeMap<>();
    r.planted().forEach(p -> planted.merge(p.kind().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum));
    return "sample city written: " + r.filesWritten() + " files\n"
        + "  landing:      " + r.landing() + "\n"
        + "  records:      " + r.recordsBySource() + "\n"
        + "  ground truth: " + r.groundTruth() + " (planted: " + planted + ")\n"
        + "  training:     " + r.training();
  }

  /** Validates the scale and writes the sample city into {@code out}. */
  public static SampleCityResult generate(Path out, long seed, double scale) {
    if (!(scale > 0)) {
      throw org.govpulse.core.error.Errors.invalidInput("--scale " + scale + " is not allowed",
          "the scale multiplies the size of the city", "Pass a positive number such as 0.1, 1 or 16");
    }
    return new SampleCityGenerator(SampleCitySpec.defaults().withSeed(seed).withScale(scale)).generate(out);
  }
}
