package org.govpulse.models.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The hand-written real-looking texts of src/test/resources/sentiment/real_texts.csv (see docs/models.md). */
public final class RealTexts {
  public static final String RESOURCE = "/sentiment/real_texts.csv";

  private RealTexts() {}

  public static byte[] bytes() {
    try (InputStream in = RealTexts.class.getResourceAsStream(RESOURCE)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the file into a folder and returns its path. */
  public static Path copyTo(Path dir) {
    try {
      return Files.write(dir.resolve("real_texts.csv"), bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static LabelledFile parsed() {
    return LabelledFile.parse(RESOURCE, bytes());
  }
}
