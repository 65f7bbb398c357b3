package org.govpulse.models.forecast.interval;

/**
 * Half-widths of the 80% and 95% intervals per step, in units of the series' scale (multiply by the MASE scale of
 * the history to get the width in the series' units).
 *
 * @param q80 per step, the 80% quantile of absolute scaled errors
 * @param q95 per step, the 95% quantile
 * @param source where the residuals came from, per step: {@code own}, {@code pooled} or {@code random-walk}
 */
public record IntervalWidths(double[] q80, double[] q95, String[] source) {
  public IntervalWidths {
    q80 = q80.clone();
    q95 = q95.clone();
    source = source.clone();
  }

  @Override
  public double[] q80() {
    return q80.clone();
  }

  @Override
  public double[] q95() {
    return q95.clone();
  }

  @Override
  public String[] source() {
    return source.clone();
  }

  /** A short description, e.g. "own residuals" or "pooled residuals (steps 3-18)". */
  public String describe() {
    java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
    for (String s : source) {
      counts.merge(s, 1, Integer::sum);
    }
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(" residuals for ")
        .append(v).append(v == 1 ? " step" : " steps"));
    return sb.toString();
  }
}
