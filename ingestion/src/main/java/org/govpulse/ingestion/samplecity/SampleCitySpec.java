package org.govpulse.ingestion.samplecity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What sample city to generate: seed, scale, the fixed "as of" date and the volumes. Immutable; every
 * {@code withX} method returns a changed copy, validated at construction.
 *
 * <pre>{@code
 * SampleCitySpec spec = SampleCitySpec.defaults().withSeed(42L).withScale(1.0);
 * SampleCitySpec tiny = SampleCitySpec.small();
 * }</pre>
 *
 * <p>{@code scale} multiplies the number of districts/counties (and so the series, stations and survey cells) and
 * the number of posts per month, roughly linearly: scale 10 gives about ten million sensor readings a year.
 */
public final class SampleCitySpec {

  /** The default "as of" date: the generated city is seen as on this day. Never the wall clock. */
  public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 15);

  private static final double MAX_SCALE = 500.0;

  private final long seed;
  private final double scale;
  private final LocalDate asOf;
  private final int districts;
  private final YearMonth reportsFrom;
  private final int sensorMonths;
  private final YearMonth postsFrom;
  private final int postsPerMonth;
  private final int surveyMinResponses;
  private final int surveyMaxResponses;

  private SampleCitySpec(long seed, double scale, LocalDate asOf, int districts, YearMonth reportsFrom,
      int sensorMonths, YearMonth postsFrom, int postsPerMonth, int surveyMinResponses, int surveyMaxResponses) {
    this.seed = seed;
    this.scale = scale;
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.districts = districts;
    this.reportsFrom = Objects.requireNonNull(reportsFrom, "reportsFrom");
    this.sensorMonths = sensorMonths;
    this.postsFrom = Objects.requireNonNull(postsFrom, "postsFrom");
    this.postsPerMonth = postsPerMonth;
    this.surveyMinResponses = surveyMinResponses;
    this.surveyMaxResponses = surveyMaxResponses;
    validate();
  }

  /**
   * The 1x city: 12 districts and counties, reports from 2021-01, 12 months of hourly sensor readings, about 40,000
   * posts from 2023-01 and 20-60 survey responses per region, service area and quarter.
   */
  public static SampleCitySpec defaults() {
    return new SampleCitySpec(42L, 1.0, DEFAULT_AS_OF, 12, YearMonth.of(2021, 1), 12, YearMonth.of(2023, 1), 870,
        20, 60);
  }

  /**
   * A city for fast tests: 4 districts and counties, reports from 2023-01, one month of sensor readings, about
   * 2,000 posts and 4-12 survey responses per cell. Generates in about a second.
   */
  public static SampleCitySpec small() {
    return new SampleCitySpec(42L, 1.0, DEFAULT_AS_OF, 4, YearMonth.of(2023, 1), 1, YearMonth.of(2023, 1), 45, 4,
        12);
  }

  public SampleCitySpec withSeed(long newSeed) {
    return new SampleCitySpec(newSeed, scale, asOf, districts, reportsFrom, sensorMonths, postsFrom, postsPerMonth,
        surveyMinResponses, surveyMaxResponses);
  }

  /** Multiplies districts/counties, stations and post volume; 1.0 is the 1x city. */
  public SampleCitySpec withScale(double newScale) {
    return new SampleCitySpec(seed, newScale, asOf, districts, reportsFrom, sensorMonths, postsFrom, postsPerMonth,
        surveyMinResponses, surveyMaxResponses);
  }

  public SampleCitySpec withAsOf(LocalDate newAsOf) {
    return new SampleCitySpec(seed, scale, newAsOf, districts, reportsFrom, sensorMonths, postsFrom, postsPerMonth,
        surveyMinResponses, surveyMaxResponses);
  }

  /** Number of districts and counties at scale 1 (the city itself comes on top). */
  public SampleCitySpec withDistricts(int newDistricts) {
    return new SampleCitySpec(seed, scale, asOf, newDistricts, reportsFrom, sensorMonths, postsFrom, postsPerMonth,
        surveyMinResponses, surveyMaxResponses);
  }

  /** First month of departmental reports (and of the true series). */
  public SampleCitySpec withReportsFrom(YearMonth newReportsFrom) {
    return new SampleCitySpec(seed, scale, asOf, districts, newReportsFrom, sensorMonths, postsFrom, postsPerMonth,
        surveyMinResponses, surveyMaxResponses);
  }

  /** Number of whole months of hourly sensor readings before the month of {@code asOf}. */
  public SampleCitySpec withSensorMonths(int newSensorMonths) {
    return new SampleCitySpec(seed, scale, asOf, districts, reportsFrom, newSensorMonths, postsFrom, postsPerMonth,
        surveyMinResponses, surveyMaxResponses);
  }

  /** First month of posts and surveys. */
  public SampleCitySpec withPostsFrom(YearMonth newPostsFrom) {
    return new SampleCitySpec(seed, scale, asOf, districts, reportsFrom, sensorMonths, newPostsFrom, postsPerMonth,
        surveyMinResponses, surveyMaxResponses);
  }

  /** Posts per month at scale 1 (before the planted surge). */
  public SampleCitySpec withPostsPerMonth(int newPostsPerMonth) {
    return new SampleCitySpec(seed, scale, asOf, districts, reportsFrom, sensorMonths, postsFrom, newPostsPerMonth,
        surveyMinResponses, surveyMaxResponses);
  }

  /** Range of survey responses per region, service area and quarter (a few cells are deliberately smaller). */
  public SampleCitySpec withSurveyResponses(int min, int max) {
    return new SampleCitySpec(seed, scale, asOf, districts, reportsFrom, sensorMonths, postsFrom, postsPerMonth, min,
        max);
  }

  public long seed() {
    return seed;
  }

  public double scale() {
    return scale;
  }

  public LocalDate asOf() {
    return asOf;
  }

  /** Districts and counties at scale 1, as configured. */
  public int districts() {
    return districts;
  }

  /** Districts and counties actually generated: {@code round(districts * scale)}, at least 3. */
  public int districtCount() {
    return Math.max(3, (int) Math.round(districts * scale));
  }

  public YearMonth reportsFrom() {
    return reportsFrom;
  }

  public int sensorMonths() {
    return sensorMonths;
  }

  public YearMonth postsFrom() {
    return postsFrom;
  }

  /** Posts per month at scale 1. */
  public int postsPerMonth() {
    return postsPerMonth;
  }

  /** Posts per month actually generated: {@code round(postsPerMonth * scale)}. */
  public int scaledPostsPerMonth() {
    return (int) Math.round(postsPerMonth * scale);
  }

  public int surveyMinResponses() {
    return surveyMinResponses;
  }

  public int surveyMaxResponses() {
    return surveyMaxResponses;
  }

  private void validate() {
    if (!(scale > 0 && scale <= MAX_SCALE)) {
      throw SampleCityException.invalidSpec("scale", scale, "The scale multiplies districts and volumes.",
          "Use a value above 0 and at most " + MAX_SCALE + " (1.0 is the 1x city).");
    }
    if (districts < 3) {
      throw SampleCityException.invalidSpec("districts", districts,
          "Targets are calibrated per development tercile, which needs at least 3 districts/counties.",
          "Use 3 or more.");
    }
    YearMonth asOfMonth = YearMonth.from(asOf);
    YearMonth latestReportsFrom = YearMonth.of(asOf.getYear() - 2, 1);
    if (reportsFrom.isAfter(latestReportsFrom) || reportsFrom.getYear() < 2000) {
      throw SampleCityException.invalidSpec("reportsFrom", reportsFrom,
          "Annual targets for " + (asOf.getYear() - 1) + " are judged against the year before, so reports must "
              + "start in a January no later than " + latestReportsFrom + ".",
          "Use a month between 2000-01 and " + latestReportsFrom + ".");
    }
    if (sensorMonths < 1 || asOfMonth.minusMonths(sensorMonths).isBefore(reportsFrom)) {
      throw SampleCityException.invalidSpec("sensorMonths", sensorMonths,
          "Sensor readings cover whole months before " + asOfMonth + " and must lie inside the reporting range "
              + "starting " + reportsFrom + ".",
          "Use 1 to " + (asOfMonth.getYear() * 12 + asOfMonth.getMonthValue()
              - reportsFrom.getYear() * 12 - reportsFrom.getMonthValue()) + ".");
    }
    if (postsFrom.isBefore(reportsFrom) || !postsFrom.isBefore(asOfMonth)) {
      throw SampleCityException.invalidSpec("postsFrom", postsFrom,
          "Post tone follows the true series, which starts at reportsFrom " + reportsFrom + "; posts end the month "
              + "before " + asOfMonth + ".",
          "Use a month from " + reportsFrom + " to " + asOfMonth.minusMonths(1) + ".");
    }
    if (postsPerMonth < 0) {
      throw SampleCityException.invalidSpec("postsPerMonth", postsPerMonth, "A volume cannot be negative.",
          "Use 0 or more (870 at 1x).");
    }
    if (surveyMinResponses < 1 || surveyMaxResponses < surveyMinResponses) {
      throw SampleCityException.invalidSpec("surveyResponses", surveyMinResponses + ".." + surveyMaxResponses,
          "Each survey cell needs at least one response and min must not exceed max.",
          "Use for example 20..60.");
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SampleCitySpec s)) {
      return false;
    }
    return seed == s.seed && Double.compare(scale, s.scale) == 0 && asOf.equals(s.asOf) && districts == s.districts
        && reportsFrom.equals(s.reportsFrom) && sensorMonths == s.sensorMonths && postsFrom.equals(s.postsFrom)
        && postsPerMonth == s.postsPerMonth && surveyMinResponses == s.surveyMinResponses
        && surveyMaxResponses == s.surveyMaxResponses;
  }

  @Override
  public int hashCode() {
    return Objects.hash(seed, scale, asOf, districts, reportsFrom, sensorMonths, postsFrom, postsPerMonth,
        surveyMinResponses, surveyMaxResponses);
  }

  @Override
  public String toString() {
    return "SampleCitySpec{seed=" + seed + ", scale=" + scale + ", asOf=" + asOf + ", districts=" + districts
        + ", reportsFrom=" + reportsFrom + ", sensorMonths=" + sensorMonths + ", postsFrom=" + postsFrom
        + ", postsPerMonth=" + postsPerMonth + ", surveyResponses=" + surveyMinResponses + ".."
        + surveyMaxResponses + "}";
  }
}
