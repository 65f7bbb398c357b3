package org.govpulse.ingestion.samplecity;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes {@code landing/surveys/<yyyy>/survey-<yyyy>-Q<n>.csv}: the quarterly citizen satisfaction survey, UTF-8.
 * Every region and service area gets between the spec's minimum and maximum responses, except about 4 % of cells
 * that are deliberately tiny (3-9 responses). Scores 1-5 follow the latent quality averaged over the quarter.
 * A few bad records: scores 0 or 6, unknown service areas.
 */
final class SurveysWriter {

  private static final double TINY_CELL_SHARE = 0.04;
  private static final double BAD_SCORE_SHARE = 0.001;
  private static final double BAD_AREA_SHARE = 0.0006;
  private static final String[] CHANNELS = {"phone", "online", "in_person"};
  private static final String[] UNKNOWN_AREAS = {"culture", "市容环境", "tourism"};

  private final SampleCitySpec spec;
  private final Regions regions;
  private final LatentQuality latent;
  private final Timeline timeline;
  private final RandomStreams streams;
  private final Path landing;
  private final Ledger ledger;

  SurveysWriter(SampleCitySpec spec, Regions regions, LatentQuality latent, Timeline timeline,
      RandomStreams streams, Path landing, Ledger ledger) {
    this.spec = spec;
    this.regions = regions;
    this.latent = latent;
    this.timeline = timeline;
    this.streams = streams;
    this.landing = landing;
    this.ledger = ledger;
  }

  void write() {
    for (Period quarter : timeline.surveyQuarters()) {
      SplittableRandom r = streams.stream("surveys", quarter.canonical());
      String name = "surveys/" + quarter.year() + "/survey-" + quarter.year() + "-Q" + quarter.index() + ".csv";
      int days = (int) (quarter.end().toEpochDay() - quarter.start().toEpochDay()) + 1;
      int seq = 0;
      try (CsvFile file = CsvFile.create(landing, name, CsvFile.Encoding.UTF8, false, ledger, Ledger.SURVEYS)) {
        file.header("response_id", "region", "service_area", "score", "surveyed_on", "channel");
        for (Region region : regions.districts()) {
          for (ServiceArea area : ServiceArea.values()) {
            double q = 0;
            for (YearMonth m : quarter.months()) {
              q += latent.of(region.code(), area, m) / 3.0;
            }
            int n = r.nextDouble() < TINY_CELL_SHARE ? 3 + r.nextInt(7)
                : spec.surveyMinResponses() + r.nextInt(spec.surveyMaxResponses() - spec.surveyMinResponses() + 1);
            for (int i = 0; i < n; i++) {
              seq++;
              int score = (int) Math.max(1, Math.min(5, Math.round(3.5 + 0.6 * q + 1.0 * RandomStreams.gaussian(r))));
              LocalDate on = quarter.start().plusDays(r.nextInt(days));
              double u = r.nextDouble();
              String regionField = u < 0.6 ? region.code() : u < 0.85 ? region.nameZh() : region.shortEn();
              String areaField = r.nextDouble() < 0.7 ? area.code() : area.nameZh();
              String scoreField = Integer.toString(score);
              String reason = null;
              double b = r.nextDouble();
              if (b < BAD_SCORE_SHARE) {
                scoreField = r.nextBoolean() ? "0" : "6";
                reason = "score_out_of_range";
              } else if (b < BAD_SCORE_SHARE + BAD_AREA_SHARE) {
                areaField = RandomStreams.pick(r, UNKNOWN_AREAS);
                reason = "service_area_unknown";
              }
              long line = file.record(String.format(Locale.ROOT, "S%dQ%d-%06d", quarter.year(), quarter.index(), seq),
                  regionField, areaField, scoreField, on.toString(), RandomStreams.pick(r, CHANNELS));
              if (reason != null) {
                ledger.bad(Ledger.SURVEYS, name, line, reason);
              }
            }
          }
        }
      }
    }
  }
}
