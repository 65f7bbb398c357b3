package org.govpulse.ingestion.samplecity;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The one exception the sample-city generator throws. Every message is built here, in one place, and says what is
 * wrong, why, and how to fix it.
 */
public final class SampleCityException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private SampleCityException(String message, Throwable cause) {
    super(message, cause);
  }

  static SampleCityException invalidSpec(String field, Object value, String why, String fix) {
    return new SampleCityException(
        "Invalid sample-city spec: " + field + " = " + value + ". " + why + " " + fix, null);
  }

  static SampleCityException cannotWrite(Path path, IOException cause) {
    return new SampleCityException(
        "Cannot write sample-city file " + path + ": " + cause.getMessage()
            + ". The output folder must be writable and on a disk with free space; choose another --out folder.",
        cause);
  }

  static SampleCityException outputNotEmpty(Path dir) {
    return new SampleCityException(
        "Output folder " + dir + " already contains a sample city (a landing/ or ground_truth/ folder). "
            + "The generator never mixes two cities because the ground truth would no longer match the files. "
            + "Delete the folder or choose an empty one.",
        null);
  }

  static SampleCityException internal(String what) {
    return new SampleCityException(
        "Sample-city generator bug: " + what + ". This is not caused by the spec; please report it with the seed.",
        null);
  }
}
