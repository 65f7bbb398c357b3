package org.govpulse.models.warn;

import java.util.Locale;
import java.util.Optional;

/** Warning levels in increasing severity, as Chinese early-warning systems grade them: 蓝, 黄, 橙, 红. */
public enum Level {
  BLUE("蓝色"), YELLOW("黄色"), ORANGE("橙色"), RED("红色");

  private final String zh;

  Level(String zh) {
    this.zh = zh;
  }

  /** blue, yellow, orange, red. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** 蓝色 ... 红色. */
  public String zh() {
    return zh;
  }

  public static Level parse(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  /**
   * The level of a risk score (a probability adjusted by importance), or empty below the lowest threshold:
   * blue from 0.45, yellow from 0.6, orange from 0.75, red from 0.9.
   */
  public static Optional<Level> ofScore(double score) {
    if (score >= 0.9) {
      return Optional.of(RED);
    }
    if (score >= 0.75) {
      return Optional.of(ORANGE);
    }
    if (score >= 0.6) {
      return Optional.of(YELLOW);
    }
    if (score >= 0.45) {
      return Optional.of(BLUE);
    }
    return Optional.empty();
  }
}
