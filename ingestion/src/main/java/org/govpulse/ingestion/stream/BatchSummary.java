package org.govpulse.ingestion.stream;

import java.util.List;
import java.util.Map;

/**
 * What one micro-batch of a source did. Nothing is lost: {@code read == accepted + duplicates + quarantined}.
 *
 * @param source source name
 * @param batchId micro-batch id
 * @param files landing files in the batch that held at least one record
 * @param read records read
 * @param accepted records written to silver
 * @param duplicates exact duplicates dropped
 * @param quarantined records quarantined
 * @param reasons quarantined records per reason code
 */
public record BatchSummary(String source, long batchId, List<String> files, long read, long accepted,
    long duplicates, long quarantined, Map<String, Long> reasons) {

  /** True when every record read is accounted for. */
  public boolean balanced() {
    return read == accepted + duplicates + quarantined;
  }
}
