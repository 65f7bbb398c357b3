package org.govpulse.models.risk;


/**
 * The rule of thumb GovPulse's probabilities are measured against: "at the year-to-date pace, is the target met?"
 * For sums the year-to-date total is extrapolated linearly to the full year; for means and ratios the year-to-date
 * mean stands for the year; for stocks the latest value does.
 */
public final class NaiveRule {
  private NaiveRule() {}

  /** True when the year-to-date pace misses the target. */
  public static boolean misses(YearOutlook outlook, double target, boolean higherIsBetter) {
    double pace = pace(outlook);
    return higherIsBetter ? pace < target : pace > target;
  }

  /** The annual value the year-to-date pace implies. */
  public static double pace(YearOutlook outlook) {
    var known = outlook.known();
    if (known.isEmpty()) {
      return Double.NaN;
    }
    double sum = known.stream().mapToDouble(Double::doubleValue).sum();
    return switch (outlook.aggregation()) {
      case SUM -> sum / known.size() * outlook.periodsPerYear();
      case LAST -> known.get(known.size() - 1);
      case MEAN, RATIO -> sum / known.size();
    };
  }

}
