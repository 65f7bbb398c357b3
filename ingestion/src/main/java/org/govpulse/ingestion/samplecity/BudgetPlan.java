package org.govpulse.ingestion.samplecity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Budget programmes of {@code budgets.csv}: two or three per department and year, each meant to move some
 * indicators. Most amounts are in 万元, the big infrastructure ones in 亿元, a few small ones in 元. Some
 * programmes are split per district or county (employment aid per district, transfers and preschool places per
 * county, air-pollution money for the most industrial third).
 */
final class BudgetPlan {

  /** One row of budgets.csv. */
  record Row(int year, String dept, String programme, String nameZh, String nameEn, String region, double amount,
      String unit, String outcomes) {
  }

  /** Where a programme's money goes: city-wide, or one row per district, county or industrial region. */
  private enum Scope { CITY, DISTRICTS, COUNTIES, INDUSTRIAL }

  /** A programme: base amount in its unit in the first year, growing about 5 % a year. */

  private record Programme(String dept, String code, String zh, String en, String unit, double base, Scope scope,
      String outcomes) {
  }

  private static final List<Programme> PROGRAMMES = List.of(
      new Programme("DRC", "DRC-P01", "重点项目前期工作经费", "Key project preparatory work", Units.WAN_YUAN, 3200,
          Scope.CITY, "FAI_GROWTH"),
      new Programme("DRC", "DRC-P02", "节能降耗专项资金", "Energy saving fund", Units.WAN_YUAN, 1800, Scope.CITY,
          "ENERGY_INTENSITY_REDUCTION"),
      new Programme("DRC", "DRC-P03", "产业园区基础设施建设", "Industrial park infrastructure", Units.YI_YUAN, 4.5,
          Scope.CITY, "INDUSTRIAL_VA_GROWTH|FAI_GROWTH"),
      new Programme("STATS", "STATS-P01", "统计调查经费", "Statistical surveys", Units.WAN_YUAN, 650, Scope.CITY,
          "GDP|PER_CAPITA_INCOME"),
      new Programme("STATS", "STATS-P02", "统计数据质量提升", "Statistical data quality", Units.YUAN, 2_800_000,
          Scope.CITY, "GDP_GROWTH"),
      new Programme("FIN", "FIN-P01", "财源建设专项", "Revenue base building", Units.WAN_YUAN, 5000, Scope.CITY,
          "FISCAL_REVENUE"),
      new Programme("FIN", "FIN-P02", "县域经济转移支付", "County economy transfer payments", Units.YI_YUAN, 1.2,
          Scope.COUNTIES, "PER_CAPITA_INCOME|FISCAL_REVENUE"),
      new Programme("HRSS", "HRSS-P01", "就业援助", "Employment aid", Units.WAN_YUAN, 300, Scope.DISTRICTS,
          "NEW_URBAN_JOBS|URBAN_UNEMPLOYMENT"),
      new Programme("HRSS", "HRSS-P02", "职业技能培训补贴", "Vocational skills training", Units.YUAN, 9_500_000,
          Scope.CITY, "NEW_URBAN_JOBS"),
      new Programme("HRSS", "HRSS-P03", "城乡居民养老保险扩面", "Pension coverage extension", Units.WAN_YUAN, 2400,
          Scope.CITY, "PENSION_COVERAGE"),
      new Programme("EEB", "EEB-P01", "大气污染防治", "Air pollution control", Units.WAN_YUAN, 800, Scope.INDUSTRIAL,
          "PM25_MEAN|AQ_GOOD_DAYS_RATIO"),
      new Programme("EEB", "EEB-P02", "水污染防治", "Water pollution control", Units.WAN_YUAN, 2600, Scope.CITY,
          "SURFACE_WATER_GOOD"),
      new Programme("EEB", "EEB-P03", "国土绿化", "Afforestation", Units.WAN_YUAN, 1500, Scope.CITY,
          "FOREST_COVERAGE"),
      new Programme("HC", "HC-P01", "基层医疗卫生服务能力提升", "Primary healthcare capacity", Units.WAN_YUAN, 4200,
          Scope.CITY, "GP_SIGNUP_RATE|HOSPITAL_BEDS_PER_1000"),
      new Programme("HC", "HC-P02", "妇幼健康", "Maternal and child health", Units.WAN_YUAN, 1300, Scope.CITY,
          "INFANT_MORTALITY|LIFE_EXPECTANCY"),
      new Programme("EDU", "EDU-P01", "学前教育扩容", "Preschool expansion", Units.WAN_YUAN, 600, Scope.COUNTIES,
          "PRESCHOOL_ENROLMENT"),
      new Programme("EDU", "EDU-P02", "普通高中攻坚", "High-school expansion", Units.WAN_YUAN, 3500, Scope.CITY,
          "HIGH_SCHOOL_ENROLMENT|STUDENT_TEACHER_RATIO"),
      new Programme("EDU", "EDU-P03", "教师队伍建设", "Teacher workforce", Units.YUAN, 12_000_000, Scope.CITY,
          "STUDENT_TEACHER_RATIO"),
      new Programme("GSA", "GSA-P01", "一网通办平台建设", "One-network service platform", Units.WAN_YUAN, 2200,
          Scope.CITY, "ONLINE_SERVICE_RATE|ONE_STOP_RATE"),
      new Programme("GSA", "GSA-P02", "12345热线运维", "12345 hotline operations", Units.WAN_YUAN, 900, Scope.CITY,
          "HOTLINE_RESOLUTION_RATE"),
      new Programme("GSA", "GSA-P03", "审批流程再造", "Approval process re-engineering", Units.WAN_YUAN, 450,
          Scope.CITY, "AVG_APPROVAL_DAYS"),
      new Programme("TRA", "TRA-P01", "公交优先发展", "Public transport priority", Units.YI_YUAN, 2.8, Scope.CITY,
          "BUS_PUNCTUALITY"),
      new Programme("TRA", "TRA-P02", "智慧交通信号系统", "Smart traffic signals", Units.WAN_YUAN, 1600, Scope.CITY,
          "ROAD_CONGESTION_INDEX"));

  private BudgetPlan() {
  }

  static List<Row> rows(Regions regions, Timeline timeline, RandomStreams streams) {
    List<Row> out = new ArrayList<>();
    int first = timeline.firstReported(Frequency.ANNUAL).year();
    List<Region> industrial = new ArrayList<>(regions.districts());
    industrial.sort(Comparator.comparingDouble(Region::resourceEndowment).reversed().thenComparing(Region::code));
    industrial = industrial.subList(0, Math.max(1, industrial.size() / 3));
    industrial.sort(Comparator.comparing(Region::code));
    for (int year = first; year <= timeline.currentYear(); year++) {
      for (Programme p : PROGRAMMES) {
        SplittableRandom r = streams.stream("budgets", p.code(), year);
        double growth = StrictMath.pow(1.05, year - first);
        List<Region> targets = switch (p.scope()) {
          case CITY -> List.of();
          case DISTRICTS -> regions.districts();
          case COUNTIES -> regions.districts().stream().filter(x -> x.level().equals("county")).toList();
          case INDUSTRIAL -> industrial;
        };
        if (p.scope() == Scope.CITY) {
          out.add(row(year, p, "", p.base() * growth * (1 + 0.08 * RandomStreams.gaussian(r))));
        }
        for (Region region : targets) {
          double size = p.scope() == Scope.DISTRICTS ? region.population() / 500_000.0 : 1.0;
          out.add(row(year, p, region.code(), p.base() * size * growth * (1 + 0.1 * RandomStreams.gaussian(r))));
        }
      }
    }
    return out;
  }

  private static Row row(int year, Programme p, String region, double amount) {
    double rounded = Double.parseDouble(Spellings.decimal(Math.max(0, amount), decimals(p.unit())));
    return new Row(year, p.dept(), p.code(), p.zh(), p.en(), region, rounded, p.unit(), p.outcomes());
  }

  static int decimals(String unit) {
    return switch (unit) {
      case Units.YUAN -> 0;
      case Units.YI_YUAN -> 2;
      default -> 1;
    };
  }
}
