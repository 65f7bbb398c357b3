package org.govpulse.ingestion.samplecity;

import static org.govpulse.ingestion.samplecity.Frequency.ANNUAL;
import static org.govpulse.ingestion.samplecity.Frequency.MONTHLY;
import static org.govpulse.ingestion.samplecity.Frequency.QUARTERLY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed catalogue of the city: its nine departments and 32 indicators (28 reported by departments, four
 * derived from sensors, posts and surveys). Weights of the scorecard indicators sum to 1.
 */
final class Catalogue {

  private static final Catalogue STANDARD = new Catalogue();

  private final Map<String, Department> departments = new LinkedHashMap<>();
  private final Map<String, Indicator> indicators = new LinkedHashMap<>();

  private Catalogue() {
    dept("DRC", "发展和改革委员会", "Development and Reform Commission");
    dept("STATS", "统计局", "Statistics Bureau");
    dept("FIN", "财政局", "Finance Bureau");
    dept("HRSS", "人力资源和社会保障局", "Human Resources and Social Security Bureau");
    dept("EEB", "生态环境局", "Ecology and Environment Bureau");
    dept("HC", "卫生健康委员会", "Health Commission");
    dept("EDU", "教育局", "Education Bureau");
    dept("GSA", "政务服务和数据管理局", "Government Services and Data Administration");
    dept("TRA", "交通运输局", "Transport Bureau");

    String up = "higher";
    String down = "lower";
    // code, zh, en, dept, unit, polarity, frequency, category, aggregation, weight, decimals, share, aliases
    ind("GDP", "地区生产总值", "Gross domestic product", "STATS", Units.YI_YUAN, up, QUARTERLY, "economic", "sum",
        0.00, 2, false, "GDP总量|Regional GDP");
    ind("GDP_GROWTH", "地区生产总值增速", "GDP growth", "STATS", Units.PERCENT, up, QUARTERLY, "economic", "mean",
        0.06, 1, false, "GDP增速|GDP growth rate");
    ind("FAI_GROWTH", "固定资产投资增速", "Fixed-asset investment growth", "DRC", Units.PERCENT, up, MONTHLY,
        "economic", "mean", 0.03, 1, false, "固投增速|FAI growth");
    ind("RETAIL_SALES", "社会消费品零售总额", "Retail sales of consumer goods", "STATS", Units.YI_YUAN, up, MONTHLY,
        "economic", "sum", 0.02, 2, false, "社零总额|Retail sales");
    ind("FISCAL_REVENUE", "一般公共预算收入", "General public budget revenue", "FIN", Units.YI_YUAN, up, MONTHLY,
        "economic", "sum", 0.04, 2, false, "财政收入|Fiscal revenue");
    ind("INDUSTRIAL_VA_GROWTH", "规上工业增加值增速", "Industrial value-added growth", "STATS", Units.PERCENT, up,
        MONTHLY, "economic", "mean", 0.03, 1, false, "工业增加值增速|IVA growth");
    ind("URBAN_UNEMPLOYMENT", "城镇失业率", "Urban unemployment rate", "HRSS", Units.PERCENT, down, MONTHLY,
        "social", "mean", 0.05, 1, true, "城镇登记失业率|城镇调查失业率|Unemployment rate");
    ind("NEW_URBAN_JOBS", "城镇新增就业人数", "New urban jobs", "HRSS", Units.PERSONS, up, MONTHLY, "social", "sum",
        0.04, 0, false, "新增就业|New jobs");
    ind("PENSION_COVERAGE", "基本养老保险参保率", "Basic pension coverage", "HRSS", Units.PERCENT, up, ANNUAL,
        "social", "last", 0.03, 1, true, "养老保险参保率|Pension coverage rate");
    ind("PER_CAPITA_INCOME", "居民人均可支配收入", "Per-capita disposable income", "STATS", Units.YUAN, up, QUARTERLY,
        "economic", "sum", 0.05, 0, false, "人均可支配收入|Disposable income per capita");
    ind("AQ_GOOD_DAYS_RATIO", "空气质量优良天数比例", "Share of good air-quality days", "EEB", Units.PERCENT, up,
        MONTHLY, "environmental", "ratio", 0.05, 1, true, "优良天数比例|Good air days ratio");
    ind("PM25_MEAN", "PM2.5平均浓度", "PM2.5 mean concentration", "EEB", Units.UG_M3, down, MONTHLY,
        "environmental", "mean", 0.05, 1, false, "PM2.5浓度|PM2.5|细颗粒物平均浓度");
    ind("SURFACE_WATER_GOOD", "地表水优良水体比例", "Share of good surface water", "EEB", Units.PERCENT, up,
        QUARTERLY, "environmental", "mean", 0.04, 1, true, "地表水达标率|Good surface water ratio");
    ind("ENERGY_INTENSITY_REDUCTION", "单位GDP能耗降低率", "Energy intensity reduction", "DRC", Units.PERCENT, up,
        ANNUAL, "environmental", "mean", 0.03, 2, false, "能耗强度降低|Energy intensity decline");
    ind("FOREST_COVERAGE", "森林覆盖率", "Forest coverage", "EEB", Units.PERCENT, up, ANNUAL, "environmental",
        "last", 0.02, 2, true, "森林覆盖|Forest cover");
    ind("LIFE_EXPECTANCY", "人均预期寿命", "Life expectancy", "HC", Units.YEARS, up, ANNUAL, "social", "mean", 0.03,
        2, false, "预期寿命|Life expectancy at birth");
    ind("INFANT_MORTALITY", "婴儿死亡率", "Infant mortality rate", "HC", Units.PER_MILLE, down, ANNUAL, "social",
        "mean", 0.03, 2, false, "婴儿死亡|IMR");
    ind("HOSPITAL_BEDS_PER_1000", "每千人口医疗卫生机构床位数", "Hospital beds per 1,000 people", "HC",
        Units.BEDS_PER_1000, up, ANNUAL, "social", "last", 0.02, 2, false, "千人床位数|Beds per 1000");
    ind("GP_SIGNUP_RATE", "家庭医生签约服务覆盖率", "Family doctor sign-up rate", "HC", Units.PERCENT, up, QUARTERLY,
        "social", "last", 0.03, 1, true, "家庭医生签约率|GP sign-up rate");
    ind("PRESCHOOL_ENROLMENT", "学前教育毛入园率", "Preschool gross enrolment", "EDU", Units.PERCENT, up, ANNUAL,
        "social", "last", 0.03, 1, true, "毛入园率|Preschool enrolment rate");
    ind("HIGH_SCHOOL_ENROLMENT", "高中阶段毛入学率", "High-school gross enrolment", "EDU", Units.PERCENT, up, ANNUAL,
        "social", "last", 0.03, 1, true, "高中毛入学率|High school enrolment rate");
    ind("STUDENT_TEACHER_RATIO", "义务教育生师比", "Student-teacher ratio", "EDU", Units.STUDENTS_PER_TEACHER, down,
        ANNUAL, "social", "mean", 0.02, 2, false, "生师比|Pupil-teacher ratio");
    ind("ONLINE_SERVICE_RATE", "政务服务网上可办率", "Online government service rate", "GSA", Units.PERCENT, up,
        QUARTERLY, "digital_government", "mean", 0.03, 1, true, "网上可办率|Online service availability");
    ind("ONE_STOP_RATE", "一窗综合受理率", "One-stop service rate", "GSA", Units.PERCENT, up, MONTHLY,
        "digital_government", "mean", 0.03, 1, true, "一站式办理率|One-window rate");
    ind("HOTLINE_RESOLUTION_RATE", "12345热线办结率", "12345 hotline resolution rate", "GSA", Units.PERCENT, up,
        MONTHLY, "public_service", "mean", 0.04, 1, true, "热线办结率|Hotline resolution");
    ind("AVG_APPROVAL_DAYS", "平均审批时限", "Average approval time", "GSA", Units.DAYS, down, QUARTERLY,
        "public_service", "mean", 0.03, 1, false, "审批天数|Approval days");
    ind("BUS_PUNCTUALITY", "公交准点率", "Bus punctuality", "TRA", Units.PERCENT, up, MONTHLY, "public_service",
        "mean", 0.02, 1, true, "公交正点率|Bus on-time rate");
    ind("ROAD_CONGESTION_INDEX", "道路拥堵指数", "Road congestion index", "TRA", Units.INDEX, down, MONTHLY,
        "public_service", "mean", 0.02, 2, false, "交通拥堵指数|Congestion index");

    derived("AQ_GOOD_DAYS_RATIO_MONITORED", "监测站优良天数比例", "Good air days (stations)", "EEB", Units.PERCENT, up,
        MONTHLY, "environmental", "ratio", 0.00, "sensors", 1, true, "站点优良天数比例|Monitored good days ratio");
    derived("PM25_MONITORED", "监测站PM2.5平均浓度", "PM2.5 mean (stations)", "EEB", Units.UG_M3, down, MONTHLY,
        "environmental", "mean", 0.00, "sensors", 1, false, "站点PM2.5浓度|Monitored PM2.5");
    derived("PUBLIC_SENTIMENT_INDEX", "网络舆情指数", "Public sentiment index", "GSA", Units.INDEX, up, MONTHLY,
        "satisfaction", "mean", 0.04, "posts", 1, false, "舆情指数|Sentiment index");
    derived("CITIZEN_SATISFACTION", "群众满意度", "Citizen satisfaction", "GSA", Units.SCORE, up, QUARTERLY,
        "satisfaction", "mean", 0.06, "survey", 2, false, "满意度|Satisfaction score");

    evidence("AQ_GOOD_DAYS_RATIO", "AQ_GOOD_DAYS_RATIO_MONITORED");
    evidence("PM25_MEAN", "PM25_MONITORED");
  }

  static Catalogue standard() {
    return STANDARD;
  }

  List<Department> departments() {
    return List.copyOf(departments.values());
  }

  Department department(String code) {
    Department d = departments.get(code);
    if (d == null) {
      throw SampleCityException.internal("no department " + code);
    }
    return d;
  }

  List<Indicator> indicators() {
    return List.copyOf(indicators.values());
  }

  /** The 28 indicators departments report, in catalogue order. */
  List<Indicator> reportIndicators() {
    return indicators.values().stream().filter(Indicator::reported).toList();
  }

  /** Report indicators of one department. */
  List<Indicator> indicatorsOf(String deptCode) {
    return reportIndicators().stream().filter(i -> i.deptCode().equals(deptCode)).toList();
  }

  Indicator indicator(String code) {
    Indicator i = indicators.get(code);
    if (i == null) {
      throw SampleCityException.internal("no indicator " + code);
    }
    return i;
  }

  private void dept(String code, String zh, String en) {
    departments.put(code, new Department(code, zh, en));
  }

  private void ind(String code, String zh, String en, String dept, String unit, String polarity, Frequency f,
      String category, String aggregation, double weight, int decimals, boolean share, String aliases) {
    indicators.put(code, new Indicator(code, zh, en, dept, unit, polarity.equals("higher"), f, category, aggregation,
        weight, Indicator.SOURCE_REPORT, List.of(aliases.split("\\|")), "", decimals, share));
  }

  private void derived(String code, String zh, String en, String dept, String unit, String polarity, Frequency f,
      String category, String aggregation, double weight, String source, int decimals, boolean share,
      String aliases) {
    indicators.put(code, new Indicator(code, zh, en, dept, unit, polarity.equals("higher"), f, category,
        aggregation, weight, source, List.of(aliases.split("\\|")), "", decimals, share));
  }

  private void evidence(String code, String evidenceCode) {
    Indicator i = indicators.get(code);
    indicators.put(code, new Indicator(i.code(), i.nameZh(), i.nameEn(), i.deptCode(), i.unit(), i.higherBetter(),
        i.frequency(), i.category(), i.aggregation(), i.weight(), i.source(), i.aliases(), evidenceCode,
        i.decimals(), i.share()));
  }
}
