package org.govpulse.ingestion.validate;

import static org.govpulse.core.table.Col.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.govpulse.core.table.IngestTables;
import org.govpulse.ingestion.landing.LandingFormats;

/** Validates a citizen post: id, channel, time, known region when given, non-empty text, a known label if any. */
public final class PostValidator extends RecordValidator {
  private static final long serialVersionUID = 1L;
  private static final Map<String, String> LABELS = Map.of(
      "negative", "negative", "neutral", "neutral", "positive", "positive",
      "负面", "negative", "中性", "neutral", "正面", "positive");

  private final int fId = field(POST_ID);
  private final int fChannel = field(CHANNEL);
  private final int fPosted = field(POSTED_AT);
  private final int fRegion = field(REGION);
  private final int fTopic = field(TOPIC);
  private final int fText = field(TEXT);
  private final int fLabel = field(LABEL);
  private final int[] required = {fId, fChannel, fPosted};
  private static final String[] REQUIRED_NAMES = {POST_ID, CHANNEL, POSTED_AT};

  private final int sChannel = slot(CHANNEL);
  private final int sId = slot(POST_ID);
  private final int sPosted = slot(POSTED_AT);
  private final int sRegion = slot(REGION_CODE);
  private final int sTopic = slot(TOPIC);
  private final int sText = slot(TEXT);
  private final int sLanguage = slot(LANGUAGE);
  private final int sLabel = slot(LABEL);

  public PostValidator() {
    super(LandingFormats.POSTS, IngestTables.POSTS);
  }

  @Override
  public Rejection validate(Row row, ReferenceData ref, Instant now, Object[] out) {
    Rejection missing = requireAll(row, required, REQUIRED_NAMES);
    if (missing != null) {
      return missing;
    }
    String regionCode = null;
    if (!row.isNullAt(fRegion)) {
      Optional<String> region = ref.regionCode(row.getString(fRegion));
      if (region.isEmpty()) {
        return Reason.REGION_UNKNOWN.because("no region is called '" + row.getString(fRegion) + "'");
      }
      regionCode = region.get();
    }
    if (row.isNullAt(fText) || row.getString(fText).isBlank()) {
      return Reason.TEXT_EMPTY.because("the post has no text");
    }
    String label = null;
    if (!row.isNullAt(fLabel)) {
      label = LABELS.get(row.getString(fLabel).trim().toLowerCase(Locale.ROOT));
      if (label == null) {
        return Reason.LABEL_UNKNOWN.because("label '" + row.getString(fLabel)
            + "' is not negative, neutral or positive");
      }
    }
    Instant posted = Timestamps.parseInstant(row.getString(fPosted), Timestamps.CHINA);
    if (posted == null) {
      return Reason.TIMESTAMP_INVALID.because("posted_at '" + row.getString(fPosted) + "' is not a time");
    }
    if (posted.isAfter(now.plus(1, ChronoUnit.HOURS))) {
      return Reason.TIMESTAMP_IN_FUTURE.because(posted + " is after the ingestion time " + now);
    }
    String text = row.getString(fText);
    out[sChannel] = row.getString(fChannel).trim().toLowerCase(Locale.ROOT);
    out[sId] = row.getString(fId);
    out[sPosted] = Timestamp.from(posted);
    out[sRegion] = regionCode;
    out[sTopic] = row.isNullAt(fTopic) ? null : ServiceAreas.code(row.getString(fTopic)).orElse(row.getString(fTopic));
    out[sText] = text;
    out[sLanguage] = language(text);
    out[sLabel] = label;
    return null;
  }

  /** zh, en or mixed, from the share of CJK characters among letters. */
  static String language(String text) {
    int cjk = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
        cjk++;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        latin++;
      }
    }
    // an English word is ~5 letters, a Chinese word ~1.5 characters: compare in words
    double zhWords = cjk / 1.5;
    double enWords = latin / 5.0;
    if (zhWords + enWords == 0) {
      return "zh";
    }
    double zhShare = zhWords / (zhWords + enWords);
    return zhShare >= 0.8 ? "zh" : zhShare <= 0.2 ? "en" : "mixed";
  }
}
