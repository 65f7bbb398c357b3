package org.govpulse.analytics.catalogue;

import java.io.Serializable;
import org.govpulse.core.time.Frequency;

/**
 * One indicator of the catalogue, as the analytics stage uses it.
 *
 * @param code indicator code
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param deptCode responsible department
 * @param unit canonical unit
 * @param higherIsBetter polarity
 * @param frequency reporting frequency
 * @param category economic, social, ...
 * @param aggregation how finer periods and districts roll up
 * @param weight scorecard weight
 * @param source report, sensors, posts or survey
 * @param evidenceIndicator an independent indicator of the same thing, or null
 */
public record Indicator(String code, String nameZh, String nameEn, String deptCode, String unit,
    boolean higherIsBetter, Frequency frequency, String category, Aggregation aggregation, double weight,
    String source, String evidenceIndicator) implements Serializable {

  /** +1 when higher is better, -1 otherwise: multiplies a change to make "better" positive. */
  public double polaritySign() {
    return higherIsBetter ? 1.0 : -1.0;
  }
}
