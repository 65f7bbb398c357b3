package org.govpulse.analytics.air;

/**
 * The six air quality index levels of HJ 633-2012 Table 2, with their Chinese and English category names.
 */
public enum AqiLevel {
  EXCELLENT(1, 0, 50, "优", "Excellent"),
  GOOD(2, 51, 100, "良", "Good"),
  LIGHTLY_POLLUTED(3, 101, 150, "轻度污染", "Lightly polluted"),
  MODERATELY_POLLUTED(4, 151, 200, "中度污染", "Moderately polluted"),
  HEAVILY_POLLUTED(5, 201, 300, "重度污染", "Heavily polluted"),
  SEVERELY_POLLUTED(6, 301, Integer.MAX_VALUE, "严重污染", "Severely polluted");

  private final int level;
  private final int min;
  private final int max;
  private final String nameZh;
  private final String nameEn;

  AqiLevel(int level, int min, int max, String nameZh, String nameEn) {
    this.level = level;
    this.min = min;
    this.max = max;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  /** 1 (优) to 6 (严重污染), the number stored in the gold tables. */
  public int level() {
    return level;
  }

  /** Lowest AQI of the level. */
  public int min() {
    return min;
  }

  /** Highest AQI of the level ({@link Integer#MAX_VALUE} for level 6). */
  public int max() {
    return max;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  /**
   * The level of an AQI.
   *
   * @throws IllegalArgumentException for a negative AQI
   */
  public static AqiLevel of(int aqi) {
    if (aqi < 0) {
      throw new IllegalArgumentException("AQI " + aqi + " is negative");
    }
    for (AqiLevel l : values()) {
      if (aqi <= l.max) {
        return l;
      }
    }
    return SEVERELY_POLLUTED;
  }

  /** The level with the given number 1-6. */
  public static AqiLevel ofLevel(int level) {
    for (AqiLevel l : values()) {
      if (l.level == level) {
        return l;
      }
    }
    throw new IllegalArgumentException("AQI level " + level + " outside 1-6");
  }
}
