package org.govpulse.ingestion.validate;

import java.text.Normalizer;
import java.util.Locale;

/** Normalisation of names for alias matching: NFKC, lower case, no spaces, no administrative suffix. */
public final class Names {
  private static final String[] SUFFIXES = {"district", "county", "city", "区", "县", "市"};

  private Names() {}

  /** The matching key of a name, e.g. "江城区" and "江城" and " Jiangcheng District " both lose their suffix. */
  public static String key(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    for (String suffix : SUFFIXES) {
      if (s.endsWith(suffix) && s.length() > suffix.length()) {
        return s.substring(0, s.length() - suffix.length());
      }
    }
    return s;
  }

  /** A plain key without suffix stripping, for codes and indicator names. */
  public static String plainKey(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
  }
}
