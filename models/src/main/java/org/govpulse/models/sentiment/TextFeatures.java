package org.govpulse.models.sentiment;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.provenance.ModelProvenance;

/**
 * Turns a post into sparse features without a word segmenter:
 *
 * <ul>
 *   <li>text is NFKC-normalised (full-width letters, digits and punctuation become ASCII) and lower-cased;</li>
 *   <li>each run of Han characters gives its character n-grams ({@code charMin..charMax}), with the run's start
 *       and end marked so that "不错" at the start of a clause differs from "不错" inside "很不错";</li>
 *   <li>each run of Latin words (letters, digits, apostrophes; numbers become {@code #}) gives word n-grams
 *       ({@code wordMin..wordMax}), so "not bad" is a feature of its own; a Han run or sentence punctuation ends a
 *       run;</li>
 *   <li>emoji and other symbols are features of their own.</li>
 * </ul>
 * Mixed text gets both kinds. Values are {@code 1 + log(count)}, scaled to unit length. With {@code hashBits > 0}
 * names are hashed into {@code 2^hashBits} buckets (a fixed model size whatever the corpus); with 0 the names
 * themselves are the features, and the trained model's feature map is the vocabulary.
 *
 * @param charMin smallest character n-gram
 * @param charMax largest character n-gram
 * @param wordMin smallest word n-gram
 * @param wordMax largest word n-gram
 * @param hashBits 0 for a vocabulary, else log2 of the number of hash buckets
 */
public record TextFeatures(int charMin, int charMax, int wordMin, int wordMax, int hashBits) implements Serializable {
  /** Version of the extraction procedure, stored in every model's provenance. */
  public static final String VERSION = "govpulse-text 1";

  static final String PROV_VERSION = "govpulse.text.features";
  static final String PROV_CHARS = "govpulse.text.chars";
  static final String PROV_WORDS = "govpulse.text.words";
  static final String PROV_HASH_BITS = "govpulse.text.hashBits";

  private static final char BOUNDARY = '_';

  public TextFeatures {
    if (charMin < 1 || charMax < charMin || wordMin < 1 || wordMax < wordMin || hashBits < 0 || hashBits > 28) {
      throw org.govpulse.core.error.Errors.invalidInput("Text feature settings chars " + charMin + "-" + charMax
              + ", words " + wordMin + "-" + wordMax + ", hash bits " + hashBits + " are invalid",
          "n-gram ranges must start at 1 or more and not be reversed; hash bits are 0 (vocabulary) to 28",
          "Use for example chars 1-3, words 1-2 and 0 or 18 hash bits");
    }
  }

  /** Character 1-3-grams, word 1-2-grams, a vocabulary (no hashing): the measured default (docs/models.md). */
  public static TextFeatures defaults() {
    return new TextFeatures(1, 3, 1, 2, 0);
  }

  public TextFeatures withHashBits(int bits) {
    return new TextFeatures(charMin, charMax, wordMin, wordMax, bits);
  }

  /** The settings as Tribuo instance provenance, stored with the model. */
  public Map<String, Provenance> provenance() {
    Map<String, Provenance> p = new HashMap<>();
    p.put(PROV_VERSION, new StringProvenance(PROV_VERSION, VERSION));
    p.put(PROV_CHARS, new StringProvenance(PROV_CHARS, charMin + "-" + charMax));
    p.put(PROV_WORDS, new StringProvenance(PROV_WORDS, wordMin + "-" + wordMax));
    p.put(PROV_HASH_BITS, new IntProvenance(PROV_HASH_BITS, hashBits));
    return p;
  }

  /** The settings a model was trained with, from its provenance; null when it is not a GovPulse text model. */
  public static TextFeatures fromProvenance(ModelProvenance p) {
    Map<String, ? extends Provenance> m = p.getInstanceProvenance().getMap();
    if (!(m.get(PROV_VERSION) instanceof StringProvenance v) || !VERSION.equals(v.getValue())
        || !(m.get(PROV_CHARS) instanceof StringProvenance c) || !(m.get(PROV_WORDS) instanceof StringProvenance w)
        || !(m.get(PROV_HASH_BITS) instanceof IntProvenance h)) {
      return null;
    }
    String[] cs = c.getValue().split("-");
    String[] ws = w.getValue().split("-");
    return new TextFeatures(Integer.parseInt(cs[0]), Integer.parseInt(cs[1]), Integer.parseInt(ws[0]),
        Integer.parseInt(ws[1]), h.getValue());
  }

  /** Feature name to value, names sorted as Tribuo's examples want them unique. */
  public Map<String, Double> extract(String text) {
    Map<String, Integer> counts = new HashMap<>();
    String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder han = new StringBuilder();
    StringBuilder word = new StringBuilder();
    List<String> words = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        endWord(word, words);
        endWords(words, counts);
        han.appendCodePoint(cp);
        continue;
      }
      endHan(han, counts);
      if (Character.isLetterOrDigit(cp) || (cp == '\'' && word.length() > 0)) {
        word.appendCodePoint(cp);
        continue;
      }
      endWord(word, words);
      int type = Character.getType(cp);
      if (type == Character.OTHER_SYMBOL || type == Character.SURROGATE) {
        count(counts, "s:" + new String(Character.toChars(cp)));
      }
      if (".!?;,:。！？；，：…~\n".indexOf(cp) >= 0) {
        endWords(words, counts);
      }
    }
    endHan(han, counts);
    endWord(word, words);
    endWords(words, counts);
    return values(counts);
  }

  private void endHan(StringBuilder han, Map<String, Integer> counts) {
    if (han.length() == 0) {
      return;
    }
    String run = BOUNDARY + han.toString() + BOUNDARY;
    int[] cps = run.codePoints().toArray();
    for (int n = charMin; n <= charMax; n++) {
      for (int k = 0; k + n <= cps.length; k++) {
        if (n == 1 && (k == 0 || k == cps.length - 1)) {
          continue; // a boundary alone says nothing
        }
        count(counts, "c:" + new String(cps, k, n));
      }
    }
    han.setLength(0);
  }

  private static void endWord(StringBuilder word, List<String> words) {
    if (word.length() == 0) {
      return;
    }
    String w = word.toString();
    while (w.endsWith("'")) {
      w = w.substring(0, w.length() - 1);
    }
    words.add(w.chars().allMatch(Character::isDigit) ? "#" : w);
    word.setLength(0);
  }

  private void endWords(List<String> words, Map<String, Integer> counts) {
    for (int n = wordMin; n <= wordMax; n++) {
      for (int k = 0; k + n <= words.size(); k++) {
        count(counts, "w:" + String.join(" ", words.subList(k, k + n)));
      }
    }
    words.clear();
  }

  private void count(Map<String, Integer> counts, String name) {
    String key = hashBits == 0 ? name : "h:" + Math.floorMod(mix(name.hashCode()), 1 << hashBits);
    counts.merge(key, 1, Integer::sum);
  }

  /** Spreads String.hashCode's low bits (specified by the JLS, so the same in every JVM). */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  private static Map<String, Double> values(Map<String, Integer> counts) {
    double norm = 0;
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(counts).entrySet()) {
      double v = 1 + Math.log(e.getValue());
      out.put(e.getKey(), v);
      norm += v * v;
    }
    double scale = norm == 0 ? 1 : 1 / Math.sqrt(norm);
    out.replaceAll((k, v) -> v * scale);
    return out;
  }
}
