package org.govpulse.ingestion.samplecity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A reference validator written from {@code docs/landing-formats.md} (and the check order documented in
 * {@code docs/sample-city.md}), independent of the generator's code. It reads every landing file and reports the
 * records a correct ingestion quarantines, with reasons, and the exact duplicates it drops. Tests compare its
 * findings with the generator's ground truth.
 */
final class LandingValidator {

  /** A quarantined record or a dropped duplicate. */
  record Finding(String source, String file, long line, String reason) {
  }

  /**
   * Everything found. {@code reported} is the accepted value per {@code region|indicator|period} in the indicator's
   * canonical unit (the latest submission wins); {@code submitted} the time of that submission.
   */
  record Result(Map<String, long[]> counts, List<Finding> bad, List<Finding> duplicates,
      Map<String, Double> reported, Map<String, Instant> submitted) {
  }

  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
  private static final Set<String> SOURCES = Set.of("reports", "sensors", "posts", "surveys", "reference");
  private static final List<String> REQUIRED_REPORT = List.of("region", "indicator", "period", "value",
      "submitted_at");

  private final Path landing;
  private final Instant now;
  private final Map<String, String> regionKeys = new HashMap<>();
  private final Map<String, String[]> indicatorKeys = new HashMap<>();
  private final Map<String, String[]> allIndicators = new HashMap<>();
  private final Set<String> departmentKeys = new HashSet<>();
  private final Map<String, String[]> sensors = new HashMap<>();
  private final Map<String, long[]> counts = new LinkedHashMap<>();
  private final List<Finding> bad = new ArrayList<>();
  private final List<Finding> duplicates = new ArrayList<>();
  private final Map<String, Double> reported = new HashMap<>();
  private final Map<String, Instant> submittedAt = new HashMap<>();

  private LandingValidator(Path landing, Instant now) {
    this.landing = landing;
    this.now = now;
    for (String s : List.of("reference", "reports", "sensors", "posts", "surveys")) {
      counts.put(s, new long[3]);
    }
  }

  static Result validate(Path landing, Instant now) {
    LandingValidator v = new LandingValidator(landing, now);
    v.loadReference();
    v.reports();
    v.sensors();
    v.posts();
    v.surveys();
    return new Result(v.counts, v.bad, v.duplicates, v.reported, v.submittedAt);
  }

  /** A validator with only the reference loaded, to resolve names in tests. */
  static LandingValidator reference(Path landing) {
    LandingValidator v = new LandingValidator(landing, Instant.now());
    v.loadReference();
    return v;
  }

  /** The region code a name, alias or code resolves to, or null. */
  String regionCode(String name) {
    return regionKeys.get(normalizeRegion(name));
  }

  /** The report indicator code a name, alias or code resolves to, or null. */
  String indicatorCode(String name) {
    String[] i = indicatorKeys.get(name.trim().toLowerCase(Locale.ROOT));
    return i == null ? null : i[0];
  }

  // ---------------------------------------------------------------- reference

  private void loadReference() {
    for (Path f : files("reference")) {
      counts.get("reference")[0] += LandingCsv.read(f).rows().size();
    }
    for (Map<String, String> r : table("reference/regions.csv")) {
      String code = r.get("region_code");
      List<String> names = new ArrayList<>(List.of(code, r.get("name_zh"), r.get("name_en")));
      names.addAll(List.of(r.get("aliases").split("\\|")));
      names.forEach(n -> regionKeys.put(normalizeRegion(n), code));
    }
    for (Map<String, String> r : table("reference/departments.csv")) {
      for (String k : List.of("dept_code", "name_zh", "name_en")) {
        departmentKeys.add(r.get(k).trim().toLowerCase(Locale.ROOT));
      }
    }
    for (Map<String, String> r : table("reference/indicators.csv")) {
      String[] info = {r.get("indicator_code"), r.get("unit"), r.get("frequency"), r.get("source")};
      allIndicators.put(info[0], info);
      if (!"report".equals(r.get("source"))) {
        continue;
      }
      List<String> names = new ArrayList<>(List.of(r.get("indicator_code"), r.get("name_zh"), r.get("name_en")));
      names.addAll(List.of(r.get("aliases").split("\\|")));
      names.forEach(n -> indicatorKeys.put(n.trim().toLowerCase(Locale.ROOT), info));
    }
    for (Map<String, String> r : table("reference/sensors.csv")) {
      sensors.put(r.get("sensor_id"), new String[] {r.get("metrics"), r.get("utc_offset")});
    }
  }

  static String normalizeRegion(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    for (String suffix : new String[] {"district", "county", "city", "区", "县", "市"}) {
      if (s.endsWith(suffix) && s.length() > suffix.length()) {
        return s.substring(0, s.length() - suffix.length());
      }
    }
    return s;
  }

  List<Map<String, String>> table(String relative) {
    LandingCsv.Parsed p = LandingCsv.read(landing.resolve(relative));
    List<Map<String, String>> out = new ArrayList<>();
    for (LandingCsv.Row row : p.rows()) {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < p.header().size(); i++) {
        m.put(p.header().get(i).trim(), i < row.fields().size() ? row.fields().get(i) : "");
      }
      out.add(m);
    }
    return out;
  }

  // ---------------------------------------------------------------- reports

  private void reports() {
    Map<String, String> aliases = aliases("department|部门|填报单位", "region|地区|区县",
        "indicator|指标|指标名称|指标代码", "period|期间|统计期|时期", "value|数值|值", "unit|单位|计量单位",
        "submitted_at|报送时间|填报时间");
    Set<String> seen = new HashSet<>();
    for (Path f : files("reports")) {
      String rel = relative(f);
      LandingCsv.Parsed p = LandingCsv.read(f);
      Map<String, Integer> col = columns(p.header(), aliases);
      for (LandingCsv.Row row : p.rows()) {
        counts.get("reports")[0]++;
        String reason = reportReason(row, p.header().size(), col);
        if (reason != null) {
          quarantine("reports", rel, row.line(), reason);
          continue;
        }
        String key = reportKey(row, col);
        if (!seen.add(key)) {
          duplicate("reports", rel, row.line());
          continue;
        }
        String[] parts = key.split("\\|");
        String series = parts[0] + "|" + parts[1] + "|" + parts[2];
        Instant at = Instant.parse(parts[4]);
        Instant previous = submittedAt.get(series);
        if (previous == null || at.isAfter(previous)) {
          submittedAt.put(series, at);
          reported.put(series, Double.parseDouble(parts[3]));
        }
      }
    }
  }

  private String reportReason(LandingCsv.Row row, int width, Map<String, Integer> col) {
    if (row.unterminated() || row.fields().size() != width) {
      return "malformed_record";
    }
    for (String required : REQUIRED_REPORT) {
      if (get(row, col, required).isEmpty()) {
        return "missing_value";
      }
    }
    if (!regionKeys.containsKey(normalizeRegion(get(row, col, "region")))) {
      return "region_unknown";
    }
    String[] ind = indicatorKeys.get(get(row, col, "indicator").toLowerCase(Locale.ROOT));
    if (ind == null) {
      return "indicator_unknown";
    }
    String dept = get(row, col, "department");
    if (!dept.isEmpty() && !departmentKeys.contains(dept.toLowerCase(Locale.ROOT))) {
      return "department_unknown";
    }
    ParsedPeriod period = parsePeriod(get(row, col, "period"));
    if (period == null) {
      return "period_invalid";
    }
    if (!period.frequency().equals(ind[2])) {
      return "period_frequency_mismatch";
    }
    Instant submitted = parseTime(get(row, col, "submitted_at"));
    if (submitted != null && period.start().atStartOfDay().toInstant(CHINA).isAfter(submitted)) {
      return "period_in_future";
    }
    ParsedValue value = parseValue(get(row, col, "value"));
    if (value == null) {
      return "value_not_numeric";
    }
    String unitText = get(row, col, "unit");
    if (unitText.isEmpty()) {
      unitText = value.impliedUnit() != null ? value.impliedUnit() : ind[1];
    }
    String unit = canonicalUnit(unitText);
    if (unit == null) {
      return "unit_unknown";
    }
    if (!family(unit).equals(family(ind[1]))) {
      return "unit_incompatible";
    }
    BigDecimal canonical = value.number().multiply(factor(unit)).divide(factor(ind[1]),
        java.math.MathContext.DECIMAL64);
    if (outOfRange(ind, canonical)) {
      return "value_out_of_range";
    }
    if (submitted == null) {
      return "timestamp_invalid";
    }
    return null;
  }

  private String reportKey(LandingCsv.Row row, Map<String, Integer> col) {
    String[] ind = indicatorKeys.get(get(row, col, "indicator").toLowerCase(Locale.ROOT));
    ParsedValue value = parseValue(get(row, col, "value"));
    String unitText = get(row, col, "unit");
    if (unitText.isEmpty()) {
      unitText = value.impliedUnit() != null ? value.impliedUnit() : ind[1];
    }
    BigDecimal canonical = value.number().multiply(factor(canonicalUnit(unitText))).divide(factor(ind[1]),
        java.math.MathContext.DECIMAL64).stripTrailingZeros();
    return regionKeys.get(normalizeRegion(get(row, col, "region"))) + "|" + ind[0] + "|"
        + parsePeriod(get(row, col, "period")).canonical() + "|" + canonical.toPlainString() + "|"
        + parseTime(get(row, col, "submitted_at"));
  }

  static boolean isShare(String code, String unit) {
    return unit.equals("%") && !code.endsWith("_GROWTH") && !code.equals("ENERGY_INTENSITY_REDUCTION");
  }

  private static boolean outOfRange(String[] ind, BigDecimal v) {
    boolean growth = ind[0].endsWith("_GROWTH") || ind[0].equals("ENERGY_INTENSITY_REDUCTION");
    if (!growth && v.signum() < 0) {
      return true;
    }
    if (isShare(ind[0], ind[1]) && v.compareTo(BigDecimal.valueOf(100)) > 0) {
      return true;
    }
    return ind[0].equals("PM25_MEAN") && v.compareTo(BigDecimal.valueOf(2000)) > 0;
  }

  /** A parsed period: frequency code, canonical spelling, first day. */
  record ParsedPeriod(String frequency, String canonical, LocalDate start) {
  }

  private static final Pattern[] MONTHLY = {
      Pattern.compile("(\\d{4})-(\\d{1,2})"), Pattern.compile("(\\d{4})/(\\d{2})"),
      Pattern.compile("(\\d{4})\\.(\\d{2})"), Pattern.compile("(\\d{4})(\\d{2})"),
      Pattern.compile("(\\d{4})年(\\d{1,2})月"), Pattern.compile("(\\d{4})M(\\d{2})")};
  private static final Pattern MONTH_NAME = Pattern.compile("([A-Za-z]{3}) (\\d{4})");
  private static final Pattern[] QUARTERLY = {
      Pattern.compile("(\\d{4})[- ]?[Qq](\\d)"), Pattern.compile("(\\d{4})年第(.)季度"),
      Pattern.compile("(\\d{4})年(.)季度")};
  private static final Pattern QUARTER_FIRST = Pattern.compile("Q(\\d) (\\d{4})");
  private static final Pattern ANNUAL = Pattern.compile("(?:FY)?(\\d{4})(?:年|年度)?");
  private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
  private static final String ZH_DIGITS = "〇一二三四五六七八九";

  static ParsedPeriod parsePeriod(String text) {
    String s = Normalizer.normalize(text.trim(), Normalizer.Form.NFKC);
    Matcher m = MONTH_NAME.matcher(s);
    if (m.matches()) {
      int idx = MONTHS.indexOf(m.group(1).toLowerCase(Locale.ROOT));
      return idx < 0 || idx % 3 != 0 ? null : month(Integer.parseInt(m.group(2)), idx / 3 + 1);
    }
    m = QUARTER_FIRST.matcher(s);
    if (m.matches()) {
      return quarter(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
    }
    for (Pattern p : QUARTERLY) {
      m = p.matcher(s);
      if (m.matches()) {
        String q = m.group(2);
        int n = Character.isDigit(q.charAt(0)) ? Integer.parseInt(q) : ZH_DIGITS.indexOf(q);
        return quarter(Integer.parseInt(m.group(1)), n);
      }
    }
    m = ANNUAL.matcher(s);
    if (m.matches()) {
      int y = Integer.parseInt(m.group(1));
      return y < 1990 || y > 2100 ? null : new ParsedPeriod("annual", Integer.toString(y), LocalDate.of(y, 1, 1));
    }
    for (Pattern p : MONTHLY) {
      m = p.matcher(s);
      if (m.matches()) {
        return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
    }
    return null;
  }

  private static ParsedPeriod month(int y, int mo) {
    if (y < 1990 || y > 2100 || mo < 1 || mo > 12) {
      return null;
    }
    return new ParsedPeriod("monthly", String.format(Locale.ROOT, "%d-%02d", y, mo), LocalDate.of(y, mo, 1));
  }

  private static ParsedPeriod quarter(int y, int q) {
    if (y < 1990 || y > 2100 || q < 1 || q > 4) {
      return null;
    }
    return new ParsedPeriod("quarterly", y + "-Q" + q, LocalDate.of(y, q * 3 - 2, 1));
  }

  private static final DateTimeFormatter DATE = strict("uuuu-MM-dd");
  private static final DateTimeFormatter DATE_MINUTES = strict("uuuu-MM-dd HH:mm");
  private static final DateTimeFormatter DATE_SECONDS = strict("uuuu-MM-dd HH:mm:ss");
  private static final DateTimeFormatter DATE_T_SECONDS = strict("uuuu-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter SLASH_DATE = strict("uuuu/M/d");
  private static final DateTimeFormatter SLASH_MINUTES = strict("uuuu/M/d H:mm");

  private static DateTimeFormatter strict(String pattern) {
    return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  }

  /** submitted_at / posted_at: the spellings of the landing formats; China time when there is no offset. */
  static Instant parseTime(String text) {
    String s = text.trim();
    try {
      if (s.contains("T")) {
        return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      }
      if (s.contains("/")) {
        return (s.contains(" ") ? LocalDateTime.parse(s, SLASH_MINUTES)
            : LocalDate.parse(s, SLASH_DATE).atStartOfDay()).toInstant(CHINA);
      }
      if (s.length() == 10) {
        return LocalDate.parse(s, DATE).atStartOfDay().toInstant(CHINA);
      }
      return LocalDateTime.parse(s, s.length() == 16 ? DATE_MINUTES : DATE_SECONDS).toInstant(CHINA);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A number, and the unit a trailing % or ‰ implies. */
  record ParsedValue(BigDecimal number, String impliedUnit) {
  }

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

  static ParsedValue parseValue(String text) {
    String s = Normalizer.normalize(text.trim(), Normalizer.Form.NFKC).replace(",", "");
    String unit = null;
    if (s.endsWith("%") || s.endsWith("‰")) {
      unit = s.substring(s.length() - 1);
      s = s.substring(0, s.length() - 1).trim();
    }
    return NUMBER.matcher(s).matches() ? new ParsedValue(new BigDecimal(s), unit) : null;
  }

  private static final Map<String, String> UNIT_ALIASES = new HashMap<>();
  private static final Map<String, String[]> UNIT_FAMILY = new HashMap<>();

  static {
    unit("%", "ratio", "1", "percent", "百分比");
    unit("‰", "ratio", "0.1", "per mille", "permille", "千分比");
    unit("fraction", "ratio", "100", "比例");
    unit("元", "money", "1", "yuan", "cny");
    unit("万元", "money", "10000", "10k yuan");
    unit("亿元", "money", "100000000", "100m yuan");
    unit("人", "count", "1", "persons", "个", "件", "户");
    unit("万人", "count", "10000");
    unit("µg/m³", "concentration", "1", "ug/m3", "微克/立方米");
    unit("mg/m³", "concentration", "1000", "mg/m3", "毫克/立方米");
    unit("岁", "years", "1", "年");
    unit("天", "days", "1");
    unit("张/千人", "beds", "1");
    unit("人/师", "pupils", "1");
    unit("指数", "index", "1");
    unit("分", "score", "1");
  }

  private static void unit(String canonical, String family, String factor, String... aliases) {
    UNIT_FAMILY.put(canonical, new String[] {family, factor});
    UNIT_ALIASES.put(canonical.toLowerCase(Locale.ROOT), canonical);
    for (String a : aliases) {
      UNIT_ALIASES.put(a.toLowerCase(Locale.ROOT), canonical);
    }
  }

  static String canonicalUnit(String text) {
    return UNIT_ALIASES.get(text.trim().toLowerCase(Locale.ROOT));
  }

  private static String family(String canonical) {
    return UNIT_FAMILY.get(canonical)[0];
  }

  private static BigDecimal factor(String canonical) {
    return new BigDecimal(UNIT_FAMILY.get(canonical)[1]);
  }

  // ---------------------------------------------------------------- sensors

  private void sensors() {
    Map<String, String> aliases = aliases("sensor_id", "ts", "metric", "value");
    for (Path f : files("sensors")) {
      String rel = relative(f);
      LandingCsv.Parsed p = LandingCsv.read(f);
      Map<String, Integer> col = columns(p.header(), aliases);
      Map<String, String> seen = new HashMap<>();
      for (LandingCsv.Row row : p.rows()) {
        counts.get("sensors")[0]++;
        String reason = null;
        String id = get(row, col, "sensor_id");
        String metric = get(row, col, "metric");
        String[] sensor = sensors.get(id);
        Instant ts = null;
        if (row.unterminated() || row.fields().size() != p.header().size()) {
          reason = "malformed_record";
        } else if (id.isEmpty() || metric.isEmpty() || get(row, col, "ts").isEmpty()
            || get(row, col, "value").isEmpty()) {
          reason = "missing_value";
        } else if (sensor == null) {
          reason = "sensor_unknown";
        } else if (!List.of(sensor[0].split("\\|")).contains(metric)) {
          reason = "metric_unknown";
        } else if ((ts = sensorTime(get(row, col, "ts"), sensor[1])) == null) {
          reason = "timestamp_invalid";
        } else if (ts.isAfter(now.plusSeconds(3600))) {
          reason = "timestamp_in_future";
        } else {
          ParsedValue v = parseValue(get(row, col, "value"));
          if (v == null || v.impliedUnit() != null) {
            reason = "value_not_numeric";
          } else if (v.number().signum() < 0
              || (metric.startsWith("pm") && v.number().compareTo(BigDecimal.valueOf(2000)) > 0)
              || (metric.equals("water_ph") && v.number().compareTo(BigDecimal.valueOf(14)) > 0)) {
            reason = "value_out_of_range";
          } else {
            String key = id + "|" + metric + "|" + ts;
            String value = v.number().stripTrailingZeros().toPlainString();
            String previous = seen.putIfAbsent(key, value);
            if (previous != null) {
              if (previous.equals(value)) {
                duplicate("sensors", rel, row.line());
                continue;
              }
              reason = "conflicting_duplicate";
            }
          }
        }
        if (reason != null) {
          quarantine("sensors", rel, row.line(), reason);
        }
      }
    }
  }

  static Instant sensorTime(String text, String offset) {
    String s = text.trim();
    try {
      if (s.endsWith("Z") || s.matches(".*[+-]\\d{2}:\\d{2}$")) {
        return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      }
      LocalDateTime local = LocalDateTime.parse(s, s.contains("T") ? DATE_T_SECONDS : DATE_SECONDS);
      return local.toInstant(ZoneOffset.of(offset));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- posts

  private void posts() {
    Map<String, String> aliases = aliases("post_id|编号", "channel|渠道", "posted_at|发布时间", "region|地区",
        "topic|主题", "text|内容|正文", "label|标注");
    Set<String> labels = Set.of("", "negative", "neutral", "positive", "负面", "中性", "正面");
    Set<String> seen = new HashSet<>();
    for (Path f : files("posts")) {
      String rel = relative(f);
      LandingCsv.Parsed p = LandingCsv.read(f);
      Map<String, Integer> col = columns(p.header(), aliases);
      for (LandingCsv.Row row : p.rows()) {
        counts.get("posts")[0]++;
        String reason = null;
        String region = get(row, col, "region");
        if (row.unterminated() || row.fields().size() != p.header().size()) {
          reason = "malformed_record";
        } else if (get(row, col, "post_id").isEmpty() || get(row, col, "channel").isEmpty()
            || get(row, col, "posted_at").isEmpty()) {
          reason = "missing_value";
        } else if (get(row, col, "text").isEmpty()) {
          reason = "text_empty";
        } else if (parseTime(get(row, col, "posted_at")) == null) {
          reason = "timestamp_invalid";
        } else if (!region.isEmpty() && !regionKeys.containsKey(normalizeRegion(region))) {
          reason = "region_unknown";
        } else if (!labels.contains(get(row, col, "label").toLowerCase(Locale.ROOT))) {
          reason = "label_unknown";
        }
        if (reason != null) {
          quarantine("posts", rel, row.line(), reason);
        } else if (!seen.add(get(row, col, "channel") + "|" + get(row, col, "post_id"))) {
          duplicate("posts", rel, row.line());
        }
      }
    }
  }

  // ---------------------------------------------------------------- surveys

  private void surveys() {
    Map<String, String> aliases = aliases("response_id|问卷编号", "region|地区", "service_area|服务领域",
        "score|评分", "surveyed_on|调查日期", "channel|调查方式");
    Set<String> areas = Set.of("education", "health", "transport", "environment", "employment",
        "government_services", "public_safety", "housing", "教育", "医疗卫生", "交通出行", "生态环境", "就业", "政务服务",
        "公共安全", "住房保障");
    Set<String> seen = new HashSet<>();
    for (Path f : files("surveys")) {
      String rel = relative(f);
      LandingCsv.Parsed p = LandingCsv.read(f);
      Map<String, Integer> col = columns(p.header(), aliases);
      for (LandingCsv.Row row : p.rows()) {
        counts.get("surveys")[0]++;
        String reason = null;
        if (row.unterminated() || row.fields().size() != p.header().size()) {
          reason = "malformed_record";
        } else if (List.of("response_id", "region", "service_area", "score", "surveyed_on").stream()
            .anyMatch(c -> get(row, col, c).isEmpty())) {
          reason = "missing_value";
        } else if (!regionKeys.containsKey(normalizeRegion(get(row, col, "region")))) {
          reason = "region_unknown";
        } else if (!areas.contains(get(row, col, "service_area").toLowerCase(Locale.ROOT))) {
          reason = "service_area_unknown";
        } else if (!get(row, col, "score").matches("[1-5]")) {
          reason = "score_out_of_range";
        } else if (parseTime(get(row, col, "surveyed_on")) == null) {
          reason = "timestamp_invalid";
        }
        if (reason != null) {
          quarantine("surveys", rel, row.line(), reason);
        } else if (!seen.add(get(row, col, "response_id"))) {
          duplicate("surveys", rel, row.line());
        }
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private void quarantine(String source, String file, long line, String reason) {
    bad.add(new Finding(source, file, line, reason));
    counts.get(source)[1]++;
  }

  private void duplicate(String source, String file, long line) {
    duplicates.add(new Finding(source, file, line, "exact_duplicate"));
    counts.get(source)[2]++;
  }

  /** Maps every alias (lower case) to its canonical column name, the first of each group. */
  private static Map<String, String> aliases(String... groups) {
    Map<String, String> out = new HashMap<>();
    for (String g : groups) {
      String[] names = g.split("\\|");
      for (String n : names) {
        out.put(n.toLowerCase(Locale.ROOT), names[0]);
      }
    }
    return out;
  }

  private static Map<String, Integer> columns(List<String> header, Map<String, String> aliases) {
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = aliases.get(header.get(i).trim().toLowerCase(Locale.ROOT));
      if (name != null) {
        col.put(name, i);
      }
    }
    return col;
  }

  private static String get(LandingCsv.Row row, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || i >= row.fields().size() ? "" : row.fields().get(i).trim();
  }

  private List<Path> files(String source) {
    if (!SOURCES.contains(source)) {
      throw new IllegalArgumentException(source);
    }
    try (Stream<Path> s = Files.walk(landing.resolve(source))) {
      return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String relative(Path f) {
    return landing.relativize(f).toString().replace('\\', '/');
  }
}
