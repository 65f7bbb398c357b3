package org.govpulse.ingestion.samplecity;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes {@code landing/posts/<yyyy-MM>/posts-<yyyy-MM>-<channel>.csv} and {@code training/sentiment_labelled.csv}.
 *
 * <p>Each post belongs to a region (weighted by population; about 15 % leave the region empty) and a service
 * area; its tone is drawn from the latent quality of that region, area and month, its language is Chinese (most),
 * English (about 20 %) or mixed. About 5 % carry an analyst's label, 3 % of them wrong on purpose; those rows also
 * go to the training file. 12345 hotline files are GB18030 with Chinese headers and labels, the others UTF-8.
 * Messiness: exact duplicate lines (same channel and post id), and a few bad records (empty text, unknown label,
 * unreadable time). The planted sentiment surge adds a burst of negative posts.
 */
final class PostsWriter {

  static final String[] CHANNELS = {"weibo", "wechat", "douyin", "hotline_12345", "forum"};
  private static final double[] CHANNEL_SHARE = {0.30, 0.20, 0.15, 0.25, 0.10};
  private static final String[] ID_PREFIX = {"WB", "WX", "DY", "GD", "BBS"};
  private static final Spellings.TimeStyle[] TIME_STYLE = {Spellings.TimeStyle.ISO_OFFSET,
      Spellings.TimeStyle.DATE_MINUTES, Spellings.TimeStyle.DATE_SECONDS, Spellings.TimeStyle.SLASH_MINUTES,
      Spellings.TimeStyle.DATE_MINUTES};
  private static final int HOTLINE = 3;
  private static final double LABELLED_SHARE = 0.05;
  private static final double LABEL_NOISE = 0.03;
  private static final double DUPLICATE_SHARE = 0.003;
  private static final double EMPTY_TEXT_SHARE = 0.0003;
  private static final double BAD_TIME_SHARE = 0.0003;
  private static final double UNKNOWN_LABEL_SHARE = 0.01;
  private static final String[] UNKNOWN_LABELS = {"angry", "mixed", "不确定"};
  private static final String[] TEXT_TIMES = {"昨天 14:20", "3小时前", "just now", "刚刚"};

  private final SampleCitySpec spec;
  private final Regions regions;
  private final LatentQuality latent;
  private final Plants plants;
  private final Timeline timeline;
  private final RandomStreams streams;
  private final Path landing;
  private final Path training;
  private final Ledger ledger;

  /** One generated post before it is written. */
  private record Post(int channel, LocalDateTime at, Region region, ServiceArea area, PostTexts.Tone tone,
      String text, boolean labelled, PostTexts.Tone label, int order) {
  }

  PostsWriter(SampleCitySpec spec, Regions regions, LatentQuality latent, Plants plants, Timeline timeline,
      RandomStreams streams, Path landing, Path training, Ledger ledger) {
    this.spec = spec;
    this.regions = regions;
    this.latent = latent;
    this.plants = plants;
    this.timeline = timeline;
    this.streams = streams;
    this.landing = landing;
    this.training = training;
    this.ledger = ledger;
  }

  void write() {
    List<Region> districts = regions.districts();
    double[] population = districts.stream().mapToDouble(Region::population).toArray();
    try (CsvFile train = CsvFile.create(training, "sentiment_labelled.csv", CsvFile.Encoding.UTF8, false, ledger,
        null)) {
      train.header("text", "label");
      for (YearMonth month : timeline.postMonths()) {
        SplittableRandom r = streams.stream("posts", month);
        List<Post> posts = new ArrayList<>();
        int n = (int) Math.round(spec.scaledPostsPerMonth() * RandomStreams.uniform(r, 0.9, 1.1));
        for (int k = 0; k < n; k++) {
          Region region = districts.get(RandomStreams.weighted(r, population));
          ServiceArea area = ServiceArea.values()[RandomStreams.weighted(r, ServiceArea.postShares())];
          posts.add(post(r, month, region, area, tone(r, latent.of(region.code(), area, month)), posts.size()));
        }
        for (Plants.Surge s : plants.surges) {
          if (!month.isBefore(s.from()) && !month.isAfter(s.to())) {
            for (int k = 0; k < s.extraPerMonth(); k++) {
              PostTexts.Tone tone = r.nextDouble() < s.negativeShare() ? PostTexts.Tone.NEGATIVE
                  : PostTexts.Tone.NEUTRAL;
              posts.add(post(r, month, regions.byCode(s.region()), s.area(), tone, posts.size()));
            }
          }
        }
        posts.sort(Comparator.comparing(Post::at).thenComparingInt(Post::order));
        SplittableRandom mess = streams.stream("posts/mess", month);
        for (int c = 0; c < CHANNELS.length; c++) {
          final int channel = c;
          List<Post> ofChannel = posts.stream().filter(p -> p.channel() == channel).toList();
          if (!ofChannel.isEmpty()) {
            writeChannel(month, c, ofChannel, mess, train);
          }
        }
      }
    }
  }

  private Post post(SplittableRandom r, YearMonth month, Region region, ServiceArea area, PostTexts.Tone tone,
      int order) {
    int channel = RandomStreams.weighted(r, CHANNEL_SHARE);
    double u = r.nextDouble();
    PostTexts.Language lang = channel == HOTLINE
        ? (u < 0.92 ? PostTexts.Language.ZH : u < 0.97 ? PostTexts.Language.EN : PostTexts.Language.MIXED)
        : (u < 0.69 ? PostTexts.Language.ZH : u < 0.94 ? PostTexts.Language.EN : PostTexts.Language.MIXED);
    String text = PostTexts.text(r, tone, lang, area, region);
    if (channel == HOTLINE) {
      text = (lang == PostTexts.Language.EN ? PostTemplates.HOTLINE_PREFIX_EN
          : RandomStreams.pick(r, PostTemplates.HOTLINE_PREFIX_ZH)) + text;
    }
    int day = 1 + r.nextInt(month.lengthOfMonth());
    int hour = r.nextDouble() < 0.85 ? 8 + r.nextInt(16) : r.nextInt(8);
    LocalDateTime at = month.atDay(day).atTime(hour, r.nextInt(60), r.nextInt(60));
    boolean labelled = r.nextDouble() < LABELLED_SHARE;
    PostTexts.Tone label = tone;
    if (labelled && r.nextDouble() < LABEL_NOISE) {
      PostTexts.Tone[] all = PostTexts.Tone.values();
      label = all[(tone.ordinal() + 1 + r.nextInt(2)) % all.length];
    }
    return new Post(channel, at, region, area, tone, text, labelled, label, order);
  }

  /** Tone drawn from latent quality: worse quality, more complaints. */
  static PostTexts.Tone tone(SplittableRandom r, double quality) {
    double neg = StrictMath.exp(0.3 - 1.1 * quality);
    double neu = 1.0;
    double pos = StrictMath.exp(-0.4 + 1.1 * quality);
    double u = r.nextDouble() * (neg + neu + pos);
    return u < neg ? PostTexts.Tone.NEGATIVE : u < neg + neu ? PostTexts.Tone.NEUTRAL : PostTexts.Tone.POSITIVE;
  }

  private void writeChannel(YearMonth month, int c, List<Post> posts, SplittableRandom mess, CsvFile train) {
    boolean hotline = c == HOTLINE;
    String name = "posts/" + month + "/posts-" + month + "-" + CHANNELS[c] + ".csv";
    CsvFile.Encoding enc = hotline ? CsvFile.Encoding.GB18030 : CsvFile.Encoding.UTF8;
    try (CsvFile file = CsvFile.create(landing, name, enc, hotline, ledger, Ledger.POSTS)) {
      file.header(hotline ? new String[] {"编号", "渠道", "发布时间", "地区", "主题", "内容", "标注"}
          : new String[] {"post_id", "channel", "posted_at", "region", "topic", "text", "label"});
      List<String[]> atEnd = new ArrayList<>();
      int seq = 0;
      for (Post p : posts) {
        seq++;
        String id = ID_PREFIX[c] + month.toString().replace("-", "") + String.format(Locale.ROOT, "%05d", seq);
        String[] f = {id, CHANNELS[c], Spellings.time(p.at(), TIME_STYLE[c]), regionField(mess, p.region(), hotline),
            hotline ? p.area().nameZh() : p.area().code(), p.text(), ""};
        if (p.labelled()) {
          f[6] = hotline ? p.label().labelZh() : p.label().label();
        }
        double u = mess.nextDouble();
        String reason = null;
        if (u < EMPTY_TEXT_SHARE) {
          f[5] = "";
          reason = "text_empty";
        } else if (u < EMPTY_TEXT_SHARE + BAD_TIME_SHARE) {
          f[2] = mess.nextBoolean() ? Spellings.invalidTime(p.at(), TIME_STYLE[c])
              : RandomStreams.pick(mess, TEXT_TIMES);
          reason = "timestamp_invalid";
        } else if (p.labelled() && mess.nextDouble() < UNKNOWN_LABEL_SHARE) {
          f[6] = RandomStreams.pick(mess, UNKNOWN_LABELS);
          reason = "label_unknown";
        }
        String line = CsvFile.line(f);
        long n = file.raw(line);
        if (reason != null) {
          ledger.bad(Ledger.POSTS, name, n, reason);
          continue;
        }
        if (p.labelled()) {
          train.record(p.text(), p.label().label());
        }
        if (mess.nextDouble() < DUPLICATE_SHARE) {
          if (mess.nextBoolean()) {
            ledger.duplicate(Ledger.POSTS, name, file.raw(line), name, n);
          } else {
            atEnd.add(new String[] {line, Long.toString(n)});
          }
        }
      }
      for (String[] dup : atEnd) {
        ledger.duplicate(Ledger.POSTS, name, file.raw(dup[0]), name, Long.parseLong(dup[1]));
      }
    }
  }

  /** Region as code, Chinese name, short name or English name; about 15 % unknown (empty). */
  private static String regionField(SplittableRandom r, Region region, boolean hotline) {
    double u = r.nextDouble();
    if (u < 0.15) {
      return "";
    }
    if (hotline) {
      return u < 0.6 ? region.nameZh() : region.shortZh();
    }
    return u < 0.4 ? region.code() : u < 0.6 ? region.nameZh() : u < 0.75 ? region.shortZh()
        : u < 0.9 ? region.nameEn() : region.shortEn();
  }
}
