package org.govpulse.analytics.audit;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.govpulse.analytics.sensors.Severity;

/**
 * One data-quality finding. The id is derived from what the finding is about (kind, department, region, indicator
 * and periods), never from when it was found, so a re-run over the same data gives the same ids.
 *
 * @param kind what was found
 * @param severity how much it undermines the figures concerned
 * @param deptCode department concerned, or null
 * @param regionCode region concerned, or null
 * @param indicatorCode indicator concerned, or null
 * @param periodFrom first period concerned (canonical), or null
 * @param periodTo last period concerned (canonical), or null
 * @param statistic the test statistic behind the finding, or null
 * @param evidence a sentence with the numbers
 */
public record Finding(FindingKind kind, Severity severity, String deptCode, String regionCode, String indicatorCode,
    String periodFrom, String periodTo, Double statistic, String evidence) implements Serializable {

  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(evidence, "evidence");
  }

  /** The stable id: the first 16 hex digits of SHA-256 over kind, department, region, indicator and periods. */
  public String id() {
    String key = String.join("|", kind.code(), nz(deptCode), nz(regionCode), nz(indicatorCode), nz(periodFrom),
        nz(periodTo));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The row of gold.quality_findings. */
  public Row toRow(Instant detectedAt) {
    return RowFactory.create(id(), kind.code(), severity.code(), deptCode, regionCode, indicatorCode, periodFrom,
        periodTo, statistic, evidence, Timestamp.from(detectedAt));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
