package org.govpulse.analytics.audit;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.govpulse.analytics.sensors.Severity;

/**
 * Digit tests, each applied only where it is valid.
 *
 * <p><b>Last digits.</b> When a series varies over many units of its last written digit, that digit is close to
 * uniform (for a smooth distribution of spread σ units, the departure from uniform shrinks like
 * exp(-2π²σ²/100): below 10⁻⁸ at σ = 10). A value written exactly as in the period before counts once. A series
 * is tested only with at least {@value #MIN_LAST_DIGIT_VALUES} values written at the same precision, a spread of at least {@value #MIN_SPREAD_UNITS} units of the last digit and
 * at least three significant digits per value (the last digit of "7" is also its first). The test is exact at any
 * sample size: for each digit, and for 0 and 5 together (rounding to fives), the binomial probability of seeing at
 * least that many values end in it; the smallest of these eleven, multiplied by eleven, must be below
 * {@value #LAST_DIGIT_ALPHA}. That level keeps the expected false alarms below one in a hundred audits of twenty
 * thousand series.
 *
 * <p><b>First digits (Benford).</b> Benford's law describes amounts that spread over several orders of magnitude
 * (their logarithm spreads widely); it says nothing about values confined to one order of magnitude, bounded shares
 * or codes. The test runs only on amounts that add up (aggregation {@code sum}) with at least
 * {@value #MIN_BENFORD_VALUES} positive values whose 5th and 95th percentiles are at least
 * {@value #MIN_BENFORD_ORDERS} orders of magnitude apart. Chi-square rejects every real data set once n is large,
 * so conformity is judged by Nigrini's mean absolute deviation of the first-digit shares: above
 * {@value #BENFORD_MAD_NONCONFORMITY} is nonconformity (his threshold for first digits), and the chi-square p-value
 * must also be below 10⁻⁶.
 */
public final class DigitChecks {
  /** Fewest values for the last-digit test. */
  public static final int MIN_LAST_DIGIT_VALUES = 30;
  /** Least spread of the series, in units of its last digit. */
  public static final double MIN_SPREAD_UNITS = 10;
  /** Significance level of the last-digit test per series (after the factor of eleven). */
  public static final double LAST_DIGIT_ALPHA = 1e-6;
  /** Fewest values for the Benford test. */
  public static final int MIN_BENFORD_VALUES = 500;
  /** Least spread, in orders of magnitude between the 5th and 95th percentiles. */
  public static final double MIN_BENFORD_ORDERS = 2.0;
  /** Nigrini's mean absolute deviation above which first digits do not conform. */
  public static final double BENFORD_MAD_NONCONFORMITY = 0.015;

  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

  private DigitChecks() {}

  /** A value as written, reduced to its digits: the digit string and the number of decimals. */
  record Written(String digits, int decimals) {
    char last() {
      return digits.charAt(digits.length() - 1);
    }

    int significantDigits() {
      String s = digits.replaceFirst("^0+", "");
      return s.length();
    }
  }

  /**
   * The digits of a written value: full-width digits and separators normalised, thousands separators, spaces,
   * signs and unit suffixes (%, ‰) removed. Empty when the text is not a plain decimal number.
   */
  static Optional<Written> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).trim().replace(",", "").replace(" ", "");
    s = s.replaceAll("[%‰]+$", "");
    if (s.startsWith("-") || s.startsWith("+")) {
      s = s.substring(1);
    }
    if (!NUMBER.matcher(s).matches()) {
      return Optional.empty();
    }
    int dot = s.indexOf('.');
    return Optional.of(new Written(s.replace(".", ""), dot < 0 ? 0 : s.length() - dot - 1));
  }

  /** The last-digit test of one series; empty when it is not valid for the series or finds nothing. */
  public static Optional<Finding> lastDigit(String indicator, Series series) {
    Map<Integer, List<Written>> byDecimals = new HashMap<>();
    Map<Integer, List<Double>> valuesByDecimals = new HashMap<>();
    String previous = null;
    for (Series.Point p : series.points()) {
      // a value repeated from the period before says nothing about how digits are chosen (a series held flat is
      // the smooth-series test's business), so repeats count once
      boolean repeat = p.written() != null && p.written().equals(previous);
      previous = p.written();
      if (repeat) {
        continue;
      }
      parse(p.written()).ifPresent(w -> {
        byDecimals.computeIfAbsent(w.decimals(), d -> new ArrayList<>()).add(w);
        valuesByDecimals.computeIfAbsent(w.decimals(), d -> new ArrayList<>())
            .add(Double.parseDouble(w.digits()) / Math.pow(10, w.decimals()));
      });
    }
    // a department may change the precision it writes (a unit change); test the precision used most
    int decimals = byDecimals.entrySet().stream().max((a, b) -> Integer.compare(a.getValue().size(),
        b.getValue().size())).map(Map.Entry::getKey).orElse(-1);
    if (decimals < 0) {
      return Optional.empty();
    }
    List<Written> written = byDecimals.get(decimals);
    double[] units = valuesByDecimals.get(decimals).stream().mapToDouble(v -> v * Math.pow(10, decimals)).toArray();
    long[] counts = new long[10];
    int n = 0;
    for (Written w : written) {
      if (w.significantDigits() >= 3) {
        counts[w.last() - '0']++;
        n++;
      }
    }
    if (n < MIN_LAST_DIGIT_VALUES || AuditStatistics.sd(units) < MIN_SPREAD_UNITS) {
      return Optional.empty();
    }
    double best = 1;
    String preferred = "";
    long hits = 0;
    double expectedShare = 0.1;
    for (int d = 0; d < 10; d++) {
      double p = AuditStatistics.binomialUpperTail(n, (int) counts[d], 0.1);
      if (p < best) {
        best = p;
        preferred = Integer.toString(d);
        hits = counts[d];
        expectedShare = 0.1;
      }
    }
    double fives = AuditStatistics.binomialUpperTail(n, (int) (counts[0] + counts[5]), 0.2);
    if (fives < best) {
      best = fives;
      preferred = "0 or 5";
      hits = counts[0] + counts[5];
      expectedShare = 0.2;
    }
    double p = Math.min(1.0, 11 * best);
    if (p >= LAST_DIGIT_ALPHA) {
      return Optional.empty();
    }
    double share = (double) hits / n;
    Severity severity = share >= 3 * expectedShare ? Severity.HIGH : Severity.MEDIUM;
    String from = series.points().get(0).period().toString();
    String to = series.points().get(series.points().size() - 1).period().toString();
    String evidence = String.format(Locale.ROOT, "%d of %d values of %s in %s (%.0f%%) end in %s, against %.0f%% "
            + "expected when last digits are uniform (binomial p = %.1e; last-digit counts 0-9: %s)", hits, n,
        indicator, series.regionCode(), 100 * share, preferred, 100 * expectedShare, p, Arrays.toString(counts));
    return Optional.of(new Finding(FindingKind.DIGIT_PREFERENCE, severity, series.deptCode(), series.regionCode(),
        indicator, from, to, share / expectedShare, evidence));
  }

  /** Benford's expected share of first digit d (1-9). */
  static double benfordShare(int d) {
    return Math.log10(1.0 + 1.0 / d);
  }

  /**
   * The first-digit test of an indicator's values pooled over regions and periods; empty when the values are not
   * the kind Benford's law describes, or when they conform.
   *
   * @param additive whether the indicator's values are amounts that add up (aggregation sum)
   */
  public static Optional<Finding> benford(String indicator, String deptCode, boolean additive, List<Series> series) {
    if (!additive) {
      return Optional.empty();
    }
    double[] values = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Series.Point::value)
        .filter(v -> v > 0 && Double.isFinite(v)).sorted().toArray();
    int n = values.length;
    if (n < MIN_BENFORD_VALUES) {
      return Optional.empty();
    }
    double p5 = values[(int) Math.floor(0.05 * (n - 1))];
    double p95 = values[(int) Math.ceil(0.95 * (n - 1))];
    double orders = Math.log10(p95 / p5);
    if (orders < MIN_BENFORD_ORDERS) {
      return Optional.empty();
    }
    long[] counts = new long[9];
    for (double v : values) {
      counts[firstDigit(v) - 1]++;
    }
    double[] expected = new double[9];
    double mad = 0;
    for (int d = 1; d <= 9; d++) {
      expected[d - 1] = benfordShare(d);
      mad += Math.abs((double) counts[d - 1] / n - expected[d - 1]);
    }
    mad /= 9;
    double x2 = AuditStatistics.chiSquare(counts, expected);
    double p = AuditStatistics.chiSquareUpperTail(x2, 8);
    if (mad <= BENFORD_MAD_NONCONFORMITY || p >= 1e-6) {
      return Optional.empty();
    }
    Severity severity = mad > 2 * BENFORD_MAD_NONCONFORMITY ? Severity.MEDIUM : Severity.LOW;
    String from = series.stream().map(s -> s.points().get(0).period()).min(Comparable::compareTo).orElseThrow()
        .toString();
    String to = series.stream().map(s -> s.points().get(s.points().size() - 1).period()).max(Comparable::compareTo)
        .orElseThrow().toString();
    String evidence = String.format(Locale.ROOT, "first digits of %d values of %s (%.1f orders of magnitude) depart "
            + "from Benford's law: mean absolute deviation %.3f (nonconformity above %.3f), chi-square %.1f with 8 "
            + "df (p = %.1e); first-digit counts 1-9: %s", n, indicator, orders, mad, BENFORD_MAD_NONCONFORMITY, x2,
        p, Arrays.toString(counts));
    return Optional.of(new Finding(FindingKind.BENFORD_DEVIATION, severity, deptCode, null, indicator, from, to, mad,
        evidence));
  }

  static int firstDigit(double v) {
    double x = Math.abs(v);
    while (x >= 10) {
      x /= 10;
    }
    while (x < 1) {
      x *= 10;
    }
    return (int) x;
  }
}
