package org.govpulse.models.warn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.analytics.catalogue.Indicator;

/**
 * Turns risks, findings, sentiment surges and sensor anomalies into graded {@link WarningCondition}s with their
 * explanations in Chinese and English. Pure logic over small records.
 */
public final class Conditions {
  public static final String TARGET_RISK = "target_risk";
  public static final String DATA_QUALITY = "data_quality";
  public static final String SENTIMENT_SURGE = "sentiment_surge";
  public static final String SENSOR_ANOMALY = "sensor_anomaly";

  /** How far importance moves a probability before grading: ±0.1 between the least and most important. */
  static final double IMPORTANCE_SHIFT = 0.2;

  /** Chinese names of finding kinds, for explanations (unknown kinds are shown as they are). */
  private static final Map<String, String> FINDING_ZH = Map.ofEntries(
      Map.entry("late_reporting", "迟报"), Map.entry("late_reports", "迟报"), Map.entry("missing_reports", "缺报"),
      Map.entry("missing_report", "缺报"), Map.entry("cross_source_contradiction", "与独立来源数据矛盾"),
      Map.entry("sensor_contradiction", "与监测站数据矛盾"), Map.entry("benford", "首位数字分布异常"),
      Map.entry("benford_deviation", "首位数字分布异常"), Map.entry("digit_preference", "尾数偏好"),
      Map.entry("last_digit_preference", "尾数偏好"), Map.entry("too_smooth", "数据过于平滑"),
      Map.entry("smooth_series", "数据过于平滑"), Map.entry("suspicious_revision", "可疑修订"),
      Map.entry("period_end_spike", "期末突增"));

  private final Catalogue catalogue;
  private final Map<String, Names> regions;
  private final double maxWeight;

  /** Chinese and English names of a region. */
  public record Names(String zh, String en) {}

  public Conditions(Catalogue catalogue, Map<String, Names> regions) {
    this.catalogue = catalogue;
    this.regions = regions;
    this.maxWeight = catalogue.all().stream().mapToDouble(Indicator::weight).max().orElse(1.0);
  }

  /** Importance of an indicator, 0-1: its scorecard weight relative to the heaviest (0.3 for unweighted ones). */
  public double importance(String indicatorCode) {
    return catalogue.find(indicatorCode).map(i -> i.weight() > 0 && maxWeight > 0 ? i.weight() / maxWeight : 0.3)
        .orElse(0.3);
  }

  /** A risk of missing a target. */
  public record Risk(String regionCode, String indicatorCode, int year, double target, double expected,
      double probability, List<String> driversEn, List<String> driversZh, List<String> caveatsEn,
      List<String> caveatsZh, List<String> modelVersions) {}

  /** The condition of a target risk, or empty when the probability is below the lowest level. */
  public Optional<WarningCondition> of(Risk r) {
    double importance = importance(r.indicatorCode());
    double score = r.probability() + IMPORTANCE_SHIFT * (importance - 0.5);
    Optional<Level> level = Level.ofScore(score);
    if (level.isEmpty()) {
      return Optional.empty();
    }
    Indicator i = catalogue.get(r.indicatorCode());
    Names place = regions.getOrDefault(r.regionCode(), new Names(r.regionCode(), r.regionCode()));
    int pct = (int) Math.round(100 * r.probability());
    String titleZh = String.format(Locale.ROOT, "%s%d年%s目标存在未完成风险", place.zh(), r.year(), i.nameZh());
    String titleEn = String.format(Locale.ROOT, "%s may miss its %d %s target", place.en(), r.year(), i.nameEn());
    String zh = String.format(Locale.ROOT, "%s预警：%s%d年%s目标为%s%s，预计全年约%s%s，未完成目标的概率约%d%%。主要原因：%s。%s",
        level.get().zh(), place.zh(), r.year(), i.nameZh(), num(r.target()), i.unit(), num(r.expected()), i.unit(), pct,
        String.join("；", r.driversZh()), caveats("数据质量提示：", r.caveatsZh(), "；"));
    String en = String.format(Locale.ROOT, "%s warning: %s's %d target for %s is %s %s; the year is heading for about "
            + "%s %s, a %d%% chance of missing it. Main drivers: %s.%s", level.get().code(), place.en(), r.year(),
        i.nameEn(), num(r.target()), i.unit(), num(r.expected()), i.unit(), pct, String.join("; ", r.driversEn()),
        caveats(" Data-quality caveats: ", r.caveatsEn(), "; "));
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("series", "/api/v1/series/" + r.regionCode() + "/" + r.indicatorCode());
    evidence.put("forecast", "/api/v1/forecasts/" + r.regionCode() + "/" + r.indicatorCode());
    evidence.put("risk", "/api/v1/risk?region=" + r.regionCode() + "&indicator=" + r.indicatorCode());
    evidence.put("findings", "/api/v1/findings?region=" + r.regionCode() + "&indicator=" + r.indicatorCode());
    return Optional.of(new WarningCondition(r.regionCode(), r.indicatorCode(), i.deptCode(), TARGET_RISK,
        Integer.toString(r.year()), "", level.get(), r.probability(), importance,
        new WarningCondition.Explanation(titleZh, titleEn, zh, en), r.driversEn(), r.caveatsEn(), evidence,
        r.modelVersions()));
  }

  /** A data-quality finding. */
  public record Finding(String findingId, String kind, String severity, String deptCode, String regionCode,
      String indicatorCode, String period, String evidence) {}

  /** The condition of an audit finding: high severity is orange, medium yellow, low blue. */
  public WarningCondition of(Finding f, String cityCode) {
    Level level = switch (f.severity()) {
      case "high" -> Level.ORANGE;
      case "medium" -> Level.YELLOW;
      default -> Level.BLUE;
    };
    String region = f.regionCode() == null ? cityCode : f.regionCode();
    Names place = regions.getOrDefault(region, new Names(region, region));
    Optional<Indicator> i = f.indicatorCode() == null ? Optional.empty() : catalogue.find(f.indicatorCode());
    String kindZh = FINDING_ZH.getOrDefault(f.kind(), f.kind());
    String subjectZh = place.zh() + i.map(Indicator::nameZh).orElse("") + (f.deptCode() == null ? "" : "（" + f.deptCode() + "）");
    String subjectEn = place.en() + i.map(x -> " " + x.nameEn()).orElse("")
        + (f.deptCode() == null ? "" : " (" + f.deptCode() + ")");
    String titleZh = "数据质量疑点：" + subjectZh + kindZh;
    String titleEn = "Data-quality concern: " + subjectEn + ", " + f.kind().replace('_', ' ');
    String zh = level.zh() + "预警：" + subjectZh + "的报送数据存在疑点（" + kindZh + "）。审计依据：" + f.evidence()
        + "。请核实原始数据。";
    String en = level.code() + " warning: the data reported for " + subjectEn + " look suspicious ("
        + f.kind().replace('_', ' ') + "). Evidence: " + f.evidence() + ". Please check the source records.";
    Map<String, String> evidence = Map.of("finding", "/api/v1/findings/" + f.findingId());
    return new WarningCondition(region, f.indicatorCode(), f.deptCode(), DATA_QUALITY,
        f.period() == null ? "" : f.period(), f.kind() + (f.deptCode() == null ? "" : ":" + f.deptCode()), level, null,
        f.indicatorCode() == null ? 0.5 : importance(f.indicatorCode()),
        new WarningCondition.Explanation(titleZh, titleEn, zh, en), List.of(f.evidence()), List.of(), evidence,
        List.of("audit"));
  }

  /** A surge of negative posts. */
  public record Surge(String regionCode, String topic, String month, long negativePosts, double z) {}

  /** The condition of a negative-sentiment surge: z from 4 is orange, from 3 yellow, otherwise blue. */
  public WarningCondition of(Surge s) {
    Level level = s.z() >= 4 ? Level.ORANGE : s.z() >= 3 ? Level.YELLOW : Level.BLUE;
    Names place = regions.getOrDefault(s.regionCode(), new Names(s.regionCode(), s.regionCode()));
    String zh = String.format(Locale.ROOT, "%s预警：%s%s关于“%s”的负面帖文激增（%d条，较前6个月均值高%.1f个标准差）。",
        level.zh(), place.zh(), s.month(), s.topic(), s.negativePosts(), s.z());
    String en = String.format(Locale.ROOT, "%s warning: negative posts about %s in %s surged in %s (%d posts, %.1f "
        + "standard deviations above the previous six months).", level.code(), s.topic(), place.en(), s.month(),
        s.negativePosts(), s.z());
    return new WarningCondition(s.regionCode(), null, null, SENTIMENT_SURGE, s.month(), s.topic(), level, null, 0.5,
        new WarningCondition.Explanation(place.zh() + "“" + s.topic() + "”负面舆情激增",
            "Surge of negative posts about " + s.topic() + " in " + place.en(), zh, en),
        List.of(String.format(Locale.ROOT, "%d negative posts, z = %.1f", s.negativePosts(), s.z())), List.of(),
        Map.of("sentiment", "/api/v1/sentiment?region=" + s.regionCode() + "&topic=" + s.topic()),
        List.of("sentiment"));
  }

  /** A sensor fault. */
  public record SensorFault(String sensorId, String regionCode, String kind, String severity, String day,
      String detail) {}

  /** The condition of a sensor fault: high severity is yellow, medium blue, low none (operations handle it). */
  public Optional<WarningCondition> of(SensorFault f) {
    Level level = switch (f.severity()) {
      case "high" -> Level.YELLOW;
      case "medium" -> Level.BLUE;
      default -> null;
    };
    if (level == null) {
      return Optional.empty();
    }
    Names place = regions.getOrDefault(f.regionCode(), new Names(f.regionCode(), f.regionCode()));
    String zh = level.zh() + "预警：" + place.zh() + "监测设备" + f.sensorId() + "异常（" + f.kind() + "）：" + f.detail()
        + "。相关空气质量指标可能失真。";
    String en = level.code() + " warning: sensor " + f.sensorId() + " in " + place.en() + " shows a " + f.kind()
        + ": " + f.detail() + ". Air-quality figures that rely on it may be distorted.";
    return Optional.of(new WarningCondition(f.regionCode(), null, "EEB", SENSOR_ANOMALY, f.day(),
        f.sensorId() + ":" + f.kind(), level, null, 0.4, new WarningCondition.Explanation(
            place.zh() + "监测设备" + f.sensorId() + "异常", "Sensor " + f.sensorId() + " fault in " + place.en(), zh, en),
        List.of(f.detail()), List.of(), Map.of("anomalies", "/api/v1/sensors/" + f.sensorId() + "/anomalies"),
        List.of("sensor-anomalies")));
  }

  private static String caveats(String prefix, List<String> caveats, String sep) {
    return caveats.isEmpty() ? "" : prefix + String.join(sep, caveats) + (sep.equals("；") ? "。" : ".");
  }

  static String num(double v) {
    double a = Math.abs(v);
    return a >= 100 ? String.format(Locale.ROOT, "%.0f", v) : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
        : String.format(Locale.ROOT, "%.2f", v);
  }
}
