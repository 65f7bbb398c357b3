package org.govpulse.ingestion.validate;

import java.text.Normalizer;

/** Parsing of numbers as departments write them: thousands separators, full-width digits, % and ‰ signs. */
public final class Numbers {
  private Numbers() {}

  /** A parsed number and the unit its sign implied (% or ‰), if any. */
  public record Parsed(double value, String impliedUnit) {}

  /** The number, or null when the text is not a number (N/A, 暂无, —, empty...). */
  public static Parsed parse(String raw) {
    if (raw == null) {
      return null;
    }
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).trim();
    String implied = null;
    if (s.endsWith("%")) {
      implied = "%";
      s = s.substring(0, s.length() - 1).trim();
    } else if (s.endsWith("‰")) {
      implied = "‰";
      s = s.substring(0, s.length() - 1).trim();
    }
    s = s.replace(",", "").replace(" ", "");
    if (s.isEmpty() || !looksNumeric(s)) {
      return null;
    }
    try {
      double v = Double.parseDouble(s);
      return Double.isFinite(v) ? new Parsed(v, implied) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Plain decimal syntax only: rejects hex, "Infinity", "NaN" and trailing type letters Java would accept. */
  private static boolean looksNumeric(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Fast path for machine-written decimals (sensor values); falls back to {@link #parse}. Returns NaN if invalid. */
  public static double parseSimple(String s) {
    if (s == null) {
      return Double.NaN;
    }
    int n = s.length();
    if (n == 0 || n > 18) {
      Parsed p = parse(s);
      return p == null || p.impliedUnit() != null ? Double.NaN : p.value();
    }
    int i = 0;
    boolean neg = false;
    if (s.charAt(0) == '-') {
      neg = true;
      i = 1;
    }
    long mant = 0;
    int scale = 0;
    boolean dot = false;
    boolean digits = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        mant = mant * 10 + (c - '0');
        digits = true;
        if (dot) {
          scale++;
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        Parsed p = parse(s);
        return p == null || p.impliedUnit() != null ? Double.NaN : p.value();
      }
    }
    if (!digits) {
      return Double.NaN;
    }
    double v = scale == 0 ? mant : mant / POW10[scale];
    return neg ? -v : v;
  }

  private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
      1e14, 1e15, 1e16, 1e17, 1e18};
}
