package org.govpulse.models.warn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A condition worth a warning, as found by one warn run. Its {@link #warningId()} depends only on region,
 * indicator, kind and period, so the same condition found again by a later run is the same warning.
 *
 * @param regionCode region
 * @param indicatorCode indicator, or null
 * @param deptCode department responsible, or null
 * @param kind target_risk, data_quality, sentiment_surge or sensor_anomaly
 * @param period period concerned
 * @param subject what else distinguishes the condition (a finding kind, a sensor), or ""
 * @param level graded level
 * @param probability probability behind it, or null
 * @param importance 0-1
 * @param text titles and explanations in Chinese and English
 * @param drivers main drivers, most important first
 * @param caveats data-quality caveats
 * @param evidence API paths of the evidence
 * @param modelVersions model versions that produced it
 */
public record WarningCondition(String regionCode, String indicatorCode, String deptCode, String kind, String period,
    String subject, Level level, Double probability, double importance, Explanation text, List<String> drivers,
    List<String> caveats, Map<String, String> evidence, List<String> modelVersions) {

  /** Titles and explanations. */
  public record Explanation(String titleZh, String titleEn, String zh, String en) {}

  /** Stable id: the first 16 hex digits of SHA-256 over region, indicator, kind, period and subject. */
  public String warningId() {
    String key = String.join("|", regionCode, String.valueOf(indicatorCode), kind, period, subject);
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "w-" + HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
