package org.govpulse.ingestion.samplecity;

import java.util.SplittableRandom;

/**
 * Fills post templates: picks a template of the tone and language (or, 15 % of the time, an ambiguous one that
 * could be any tone), then fills its slots with words of the service area and region. A few texts are two
 * sentences on two lines.
 */
final class PostTexts {

  /** Tone of a post, also its label. */
  enum Tone {
    NEGATIVE("negative", "负面"),
    NEUTRAL("neutral", "中性"),
    POSITIVE("positive", "正面");

    private final String label;
    private final String labelZh;

    Tone(String label, String labelZh) {
      this.label = label;
      this.labelZh = labelZh;
    }

    String label() {
      return label;
    }

    String labelZh() {
      return labelZh;
    }
  }

  /** Language of a post. */
  enum Language { ZH, EN, MIXED }

  private static final double AMBIGUOUS_SHARE = 0.15;
  private static final double MULTILINE_SHARE = 0.005;

  private PostTexts() {
  }

  static String text(SplittableRandom r, Tone tone, Language lang, ServiceArea area, Region region) {
    String first = sentence(r, tone, lang, area, region);
    if (r.nextDouble() < MULTILINE_SHARE) {
      String second = sentence(r, tone, lang, area, region);
      return lang == Language.EN ? "1. " + first + "\n2. " + second : "第一，" + first + "\n第二，" + second;
    }
    return first;
  }

  private static String sentence(SplittableRandom r, Tone tone, Language lang, ServiceArea area, Region region) {
    String template;
    if (lang != Language.MIXED && r.nextDouble() < AMBIGUOUS_SHARE) {
      template = RandomStreams.pick(r, lang == Language.ZH ? PostTemplates.ZH_AMBIGUOUS
          : PostTemplates.EN_AMBIGUOUS);
    } else {
      template = RandomStreams.pick(r, templates(tone, lang));
    }
    return fill(r, template, lang == Language.EN, area, region);
  }

  private static String[] templates(Tone tone, Language lang) {
    return switch (lang) {
      case ZH -> switch (tone) {
        case NEGATIVE -> PostTemplates.ZH_NEGATIVE;
        case NEUTRAL -> PostTemplates.ZH_NEUTRAL;
        case POSITIVE -> PostTemplates.ZH_POSITIVE;
      };
      case EN -> switch (tone) {
        case NEGATIVE -> PostTemplates.EN_NEGATIVE;
        case NEUTRAL -> PostTemplates.EN_NEUTRAL;
        case POSITIVE -> PostTemplates.EN_POSITIVE;
      };
      case MIXED -> switch (tone) {
        case NEGATIVE -> PostTemplates.MIXED_NEGATIVE;
        case NEUTRAL -> PostTemplates.MIXED_NEUTRAL;
        case POSITIVE -> PostTemplates.MIXED_POSITIVE;
      };
    };
  }

  private static String fill(SplittableRandom r, String template, boolean english, ServiceArea area,
      Region region) {
    int a = area.ordinal();
    StringBuilder sb = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' ? template.indexOf('}', i) : -1;
      if (close < 0) {
        sb.append(c);
        i++;
        continue;
      }
      String slot = template.substring(i + 1, close);
      sb.append(switch (slot) {
        case "place" -> RandomStreams.pick(r, english ? PostTemplates.PLACE_EN[a] : PostTemplates.PLACE_ZH[a]);
        case "service" -> RandomStreams.pick(r, english ? PostTemplates.SERVICE_EN[a]
            : PostTemplates.SERVICE_ZH[a]);
        case "staff" -> RandomStreams.pick(r, english ? PostTemplates.STAFF_EN[a] : PostTemplates.STAFF_ZH[a]);
        case "issue" -> capitalise(RandomStreams.pick(r, english ? PostTemplates.ISSUE_EN[a]
            : PostTemplates.ISSUE_ZH[a]), english && sb.length() == 0);
        case "good" -> capitalise(RandomStreams.pick(r, english ? PostTemplates.GOOD_EN[a]
            : PostTemplates.GOOD_ZH[a]), english && sb.length() == 0);
        case "dur" -> RandomStreams.pick(r, english ? PostTemplates.DURATION_EN : PostTemplates.DURATION_ZH);
        case "dur2" -> RandomStreams.pick(r, english ? PostTemplates.SHORT_DURATION_EN
            : PostTemplates.SHORT_DURATION_ZH);
        case "n" -> RandomStreams.pick(r, english ? PostTemplates.COUNT_EN : PostTemplates.COUNT_ZH);
        case "region" -> english ? (r.nextDouble() < 0.8 ? region.shortEn() : "our district")
            : (r.nextDouble() < 0.8 ? region.shortZh() : region.level().equals("county") ? "我们县" : "我们区");
        default -> throw SampleCityException.internal("unknown template slot " + slot);
      });
      i = close + 1;
    }
    return sb.toString();
  }

  private static String capitalise(String s, boolean atStart) {
    return atStart ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
  }
}
