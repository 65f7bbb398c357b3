package org.govpulse.ingestion.samplecity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the regions of the city: 江州市 Jiangzhou (code {@code JZ}) and its districts and counties.
 *
 * <p>The first twelve are fixed (江城区 Jiangcheng District .. 桃源县 Taoyuan County, codes JZ01..JZ12); a city with
 * fewer takes a mix of urban, suburban and rural ones, and a scaled-up city adds generated ones (JZ13, ...) with
 * names built from syllable lists. Attributes are drawn per region from ranges that depend on its archetype, so
 * that there are clearly rich urban districts, middling ones and poorer, resource-rich rural counties. Every code,
 * name and alias is unique under the matching rule of the landing formats (see {@link #normalize(String)}).
 */
final class Regions {

  static final String CITY_CODE = "JZ";

  /** code, name_zh, name_en, short zh, short en, letter code, archetype. */
  private static final String[][] BASE = {
      {"JZ01", "江城区", "Jiangcheng District", "江城", "Jiangcheng", "JC", "CORE"},
      {"JZ02", "东湖区", "Donghu District", "东湖", "Donghu", "DH", "CORE"},
      {"JZ03", "西山区", "Xishan District", "西山", "Xishan", "XS", "SUBURBAN"},
      {"JZ04", "南港区", "Nangang District", "南港", "Nangang", "NG", "SUBURBAN"},
      {"JZ05", "北岭区", "Beiling District", "北岭", "Beiling", "BL", "SUBURBAN"},
      {"JZ06", "高新区", "Hi-tech Zone", "高新", "Gaoxin", "GX", "CORE"},
      {"JZ07", "临江县", "Linjiang County", "临江", "Linjiang", "LJ", "SUBURBAN"},
      {"JZ08", "青峰县", "Qingfeng County", "青峰", "Qingfeng", "QF", "RURAL"},
      {"JZ09", "白石县", "Baishi County", "白石", "Baishi", "BS", "RURAL"},
      {"JZ10", "云溪县", "Yunxi County", "云溪", "Yunxi", "YX", "RURAL"},
      {"JZ11", "石门县", "Shimen County", "石门", "Shimen", "SM", "RURAL"},
      {"JZ12", "桃源县", "Taoyuan County", "桃源", "Taoyuan", "TY", "RURAL"},
  };

  /** Order in which a smaller city picks from the base twelve, mixing archetypes. */
  private static final String[] SMALL_ORDER = {
      "JZ01", "JZ08", "JZ04", "JZ11", "JZ02", "JZ09", "JZ05", "JZ12", "JZ06", "JZ10", "JZ03", "JZ07"};

  private static final String[] FIRST_SYLLABLES = {
      "长Chang", "安An", "永Yong", "新Xin", "和He", "平Ping", "丰Feng", "宁Ning", "福Fu", "兴Xing", "华Hua", "金Jin",
      "龙Long", "清Qing", "泉Quan", "柳Liu", "松Song", "梅Mei", "兰Lan", "竹Zhu", "玉Yu", "宝Bao", "瑞Rui", "嘉Jia",
      "乐Le", "广Guang", "德De", "仁Ren", "义Yi", "文Wen", "武Wu", "明Ming", "春Chun", "秋Qiu", "泰Tai", "康Kang",
      "盛Sheng", "吉Ji", "荣Rong", "汉Han", "翠Cui", "碧Bi", "红Hong", "黄Huang", "银Yin", "柏Bai", "桂Gui", "蒲Pu",
      "茶Cha", "鹿Lu", "雁Yan", "牛Niu"};
  private static final String[] SECOND_SYLLABLES = {
      "河he", "山shan", "林lin", "川chuan", "原yuan", "岭ling", "溪xi", "湾wan", "塘tang", "田tian", "口kou", "坪ping",
      "沙sha", "洲zhou", "桥qiao", "阳yang", "台tai", "浦pu", "丘qiu", "湖hu", "峰feng", "谷gu", "水shui", "城cheng",
      "庄zhuang", "堡bao", "关guan", "坝ba", "江jiang", "冈gang", "屯tun", "渡du", "滩tan", "泽ze", "乡xiang",
      "亭ting", "集ji", "寨zhai"};
  private static final String[] THIRD_SYLLABLES = {
      "东dong", "西xi", "南nan", "北bei", "中zhong", "上shang", "下xia"};

  /** Region names that must match nothing; used for records with the defect {@code region_unknown}. */
  private static final String[] UNKNOWN_CANDIDATES = {
      "JZ00", "江北新区", "Binhai New Area", "滨海新区", "Jiangbei New District", "测试区", "Test District", "JZ-99"};

  private static final double CENTER_LAT = 28.20;
  private static final double CENTER_LON = 112.95;

  private final Region city;
  private final List<Region> districts;
  private final Map<String, Region> byCode = new LinkedHashMap<>();
  private final List<String> unknownNames;

  private Regions(Region city, List<Region> districts, List<String> unknownNames) {
    this.city = city;
    this.districts = List.copyOf(districts);
    this.unknownNames = List.copyOf(unknownNames);
    byCode.put(city.code(), city);
    districts.forEach(d -> byCode.put(d.code(), d));
  }

  /** Builds the city for a spec; attributes of a region depend only on the seed and its code. */
  static Regions build(SampleCitySpec spec, RandomStreams streams) {
    int n = spec.districtCount();
    Set<String> used = new HashSet<>();
    used.add(normalize(CITY_CODE));
    used.add(normalize("江州市"));
    used.add(normalize("Jiangzhou"));
    List<Region> raw = new ArrayList<>();
    List<String[]> base = new ArrayList<>();
    if (n >= BASE.length) {
      base.addAll(List.of(BASE));
    } else {
      for (int i = 0; i < n; i++) {
        String code = SMALL_ORDER[i];
        for (String[] row : BASE) {
          if (row[0].equals(code)) {
            base.add(row);
          }
        }
      }
      base.sort(Comparator.comparing(row -> row[0]));
    }
    for (String[] row : base) {
      Region.Archetype a = Region.Archetype.valueOf(row[6]);
      String level = row[1].endsWith("县") ? "county" : "district";
      raw.add(draw(streams, row[0], row[1], row[2], row[3], row[4], row[5], level, a));
      for (int k = 0; k < 6; k++) {
        used.add(normalize(row[k]));
      }
    }
    if (n > BASE.length) {
      raw.addAll(generated(streams, n - BASE.length, used));
    }
    List<Region> indexed = withDevelopmentIndex(raw);
    Region city = cityOf(indexed);
    List<String> unknown = new ArrayList<>();
    for (String candidate : UNKNOWN_CANDIDATES) {
      if (!used.contains(normalize(candidate))) {
        unknown.add(candidate);
      }
    }
    return new Regions(city, indexed, unknown);
  }

  /**
   * The matching key of the landing formats: lower case, no spaces, without a trailing 区/县/市 or
   * District/County/City.
   */
  static String normalize(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    for (String suffix : new String[] {"district", "county", "city", "区", "县", "市"}) {
      if (s.endsWith(suffix) && s.length() > suffix.length()) {
        return s.substring(0, s.length() - suffix.length());
      }
    }
    return s;
  }

  Region city() {
    return city;
  }

  /** Districts and counties (every region except the city), ordered by code. */
  List<Region> districts() {
    return districts;
  }

  /** The city first, then the districts and counties. */
  List<Region> all() {
    List<Region> out = new ArrayList<>();
    out.add(city);
    out.addAll(districts);
    return out;
  }

  Region byCode(String code) {
    Region r = byCode.get(code);
    if (r == null) {
      throw SampleCityException.internal("no region " + code);
    }
    return r;
  }

  /** Names that match no region (verified against every code, name and alias). */
  List<String> unknownNames() {
    return unknownNames;
  }

  private static Region draw(RandomStreams streams, String code, String zh, String en, String shortZh,
      String shortEn, String letters, String level, Region.Archetype a) {
    SplittableRandom r = streams.stream("regions/attributes", code);
    double pop;
    double gdppc;
    double urb;
    double area;
    double resource;
    double radius;
    switch (a) {
      case CORE -> {
        pop = RandomStreams.uniform(r, 700_000, 1_500_000);
        gdppc = RandomStreams.uniform(r, 150_000, 220_000);
        urb = RandomStreams.uniform(r, 88, 98);
        area = RandomStreams.uniform(r, 60, 300);
        resource = RandomStreams.uniform(r, 0.05, 0.30);
        radius = RandomStreams.uniform(r, 0.03, 0.12);
      }
      case SUBURBAN -> {
        pop = RandomStreams.uniform(r, 400_000, 900_000);
        gdppc = RandomStreams.uniform(r, 85_000, 140_000);
        urb = RandomStreams.uniform(r, 62, 82);
        area = RandomStreams.uniform(r, 300, 1100);
        resource = RandomStreams.uniform(r, 0.30, 0.60);
        radius = RandomStreams.uniform(r, 0.15, 0.35);
      }
      default -> {
        pop = RandomStreams.uniform(r, 150_000, 500_000);
        gdppc = RandomStreams.uniform(r, 45_000, 80_000);
        urb = RandomStreams.uniform(r, 35, 55);
        area = RandomStreams.uniform(r, 1200, 3200);
        resource = RandomStreams.uniform(r, 0.60, 0.95);
        radius = RandomStreams.uniform(r, 0.40, 0.90);
      }
    }
    double angle = RandomStreams.uniform(r, 0, 2 * Math.PI);
    return new Region(code, zh, en, shortZh, shortEn, letters, CITY_CODE, level,
        Math.round(pop / 100.0) * 100, Math.round(gdppc / 10.0) * 10.0, round(urb, 1), round(area, 1),
        round(resource, 2), a, round(CENTER_LAT + radius * StrictMath.sin(angle), 4),
        round(CENTER_LON + radius * StrictMath.cos(angle), 4), 0, "", 0);
  }

  private static List<Region> generated(RandomStreams streams, int count, Set<String> used) {
    SplittableRandom r = streams.stream("regions/names");
    List<String[]> candidates = new ArrayList<>();
    for (String f : FIRST_SYLLABLES) {
      for (String s : SECOND_SYLLABLES) {
        candidates.add(new String[] {f, s});
      }
    }
    shuffle(candidates, r);
    List<String[]> threes = new ArrayList<>();
    for (String[] pair : candidates) {
      for (String t : THIRD_SYLLABLES) {
        threes.add(new String[] {pair[0], pair[1], t});
      }
    }
    shuffle(threes, r);
    candidates.addAll(threes);
    List<Region> out = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < count; i++) {
      String code = String.format(Locale.ROOT, "JZ%02d", BASE.length + 1 + i);
      SplittableRandom ra = streams.stream("regions/archetype", code);
      double u = ra.nextDouble();
      Region.Archetype a = u < 0.2 ? Region.Archetype.CORE
          : u < 0.55 ? Region.Archetype.SUBURBAN : Region.Archetype.RURAL;
      boolean county = a == Region.Archetype.RURAL;
      while (true) {
        if (next >= candidates.size()) {
          throw SampleCityException.internal("ran out of region names after " + out.size());
        }
        String[] c = candidates.get(next++);
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (String syllable : c) {
          zh.append(syllable.charAt(0));
          en.append(syllable.substring(1));
        }
        String shortZh = zh.toString();
        String shortEn = Character.toUpperCase(en.charAt(0)) + en.substring(1).toLowerCase(Locale.ROOT);
        if (used.contains(normalize(shortZh)) || used.contains(normalize(shortEn))) {
          continue;
        }
        String letters = letterCode(c, used);
        String nameZh = shortZh + (county ? "县" : "区");
        String nameEn = shortEn + (county ? " County" : " District");
        used.add(normalize(code));
        used.add(normalize(shortZh));
        used.add(normalize(shortEn));
        if (!letters.isEmpty()) {
          used.add(normalize(letters));
        }
        out.add(draw(streams, code, nameZh, nameEn, shortZh, shortEn, letters, county ? "county" : "district", a));
        break;
      }
    }
    return out;
  }

  /** Two (or three) capital letters from the pinyin, unused so far; empty when every variant is taken. */
  private static String letterCode(String[] syllables, Set<String> used) {
    String a = syllables[0].substring(1).toUpperCase(Locale.ROOT);
    String b = syllables[1].substring(1).toUpperCase(Locale.ROOT);
    List<String> options = new ArrayList<>();
    options.add("" + a.charAt(0) + b.charAt(0));
    if (b.length() > 1) {
      options.add("" + a.charAt(0) + b.charAt(0) + b.charAt(1));
    }
    if (a.length() > 1) {
      options.add("" + a.charAt(0) + a.charAt(1) + b.charAt(0));
    }
    if (syllables.length > 2) {
      String c = syllables[2].substring(1).toUpperCase(Locale.ROOT);
      options.add(0, "" + a.charAt(0) + b.charAt(0) + c.charAt(0));
    }
    for (String o : options) {
      if (!used.contains(normalize(o))) {
        return o;
      }
    }
    return "";
  }

  private static <T> void shuffle(List<T> list, SplittableRandom r) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  /** Adds the development index, its tercile tier and the 0..1 prosperity to every district and county. */
  private static List<Region> withDevelopmentIndex(List<Region> raw) {
    int n = raw.size();
    double[] lg = new double[n];
    double[] ur = new double[n];
    double[] lp = new double[n];
    for (int i = 0; i < n; i++) {
      lg[i] = StrictMath.log(raw.get(i).gdpPerCapita());
      ur[i] = raw.get(i).urbanisation();
      lp[i] = StrictMath.log(raw.get(i).population());
    }
    double[] zg = zScores(lg);
    double[] zu = zScores(ur);
    double[] zp = zScores(lp);
    double[] dev = new double[n];
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      dev[i] = (zg[i] + zu[i] + zp[i]) / 3.0;
      min = Math.min(min, dev[i]);
      max = Math.max(max, dev[i]);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(dev[y], dev[x]));
    String[] tier = new String[n];
    for (int rank = 0; rank < n; rank++) {
      tier[order[rank]] = "T" + (1 + (3 * rank) / n);
    }
    List<Region> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double prosperity = max > min ? (dev[i] - min) / (max - min) : 0.5;
      out.add(raw.get(i).withIndex(dev[i], tier[i], prosperity));
    }
    return out;
  }

  /** z-scores with the population standard deviation. */
  static double[] zScores(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double var = 0;
    for (double v : x) {
      var += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(var / x.length);
    double[] z = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      z[i] = sd > 0 ? (x[i] - mean) / sd : 0;
    }
    return z;
  }

  private static Region cityOf(List<Region> districts) {
    long pop = 0;
    double gdp = 0;
    double urban = 0;
    double area = 0;
    double resourceArea = 0;
    for (Region d : districts) {
      pop += d.population();
      gdp += d.population() * d.gdpPerCapita();
      urban += d.population() * d.urbanisation();
      area += d.areaKm2();
      resourceArea += d.areaKm2() * d.resourceEndowment();
    }
    return new Region(CITY_CODE, "江州市", "Jiangzhou City", "江州", "Jiangzhou", "", "", "city", pop,
        Math.round(gdp / pop / 10.0) * 10.0, round(urban / pop, 1), round(area, 1), round(resourceArea / area, 2),
        Region.Archetype.CORE, CENTER_LAT, CENTER_LON, 0, "", 0);
  }

  static double round(double v, int decimals) {
    double f = StrictMath.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
