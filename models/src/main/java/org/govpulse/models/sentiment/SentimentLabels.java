package org.govpulse.models.sentiment;

import java.util.Locale;
import java.util.Map;

/**
 * The label vocabulary. Labels are taken as found in the training file (trimmed, lower-cased), except that the
 * spellings of the three usual classes in Chinese and in short forms are folded into {@value #NEGATIVE},
 * {@value #NEUTRAL} and {@value #POSITIVE}, which the sentiment score is computed from.
 */
public final class SentimentLabels {
  public static final String NEGATIVE = "negative";
  public static final String NEUTRAL = "neutral";
  public static final String POSITIVE = "positive";

  private static final Map<String, String> SYNONYMS = Map.ofEntries(
      Map.entry("负面", NEGATIVE), Map.entry("消极", NEGATIVE), Map.entry("差评", NEGATIVE), Map.entry("neg", NEGATIVE),
      Map.entry("-1", NEGATIVE),
      Map.entry("中性", NEUTRAL), Map.entry("中立", NEUTRAL), Map.entry("neu", NEUTRAL), Map.entry("0", NEUTRAL),
      Map.entry("正面", POSITIVE), Map.entry("积极", POSITIVE), Map.entry("好评", POSITIVE), Map.entry("pos", POSITIVE),
      Map.entry("1", POSITIVE));

  private SentimentLabels() {}

  /** The canonical form of a label. */
  public static String canonical(String label) {
    String l = label.trim().toLowerCase(Locale.ROOT);
    return SYNONYMS.getOrDefault(l, l);
  }

  /** p(positive) - p(negative), 0 for classes the model does not have. */
  public static double sentiment(Map<String, Double> probabilities) {
    return probabilities.getOrDefault(POSITIVE, 0.0) - probabilities.getOrDefault(NEGATIVE, 0.0);
  }
}
