package org.govpulse.ingestion.reference;

import static org.govpulse.core.table.Col.*;

import java.util.ArrayList;
import java.util.List;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.TableContract;
import org.govpulse.ingestion.landing.LandingFormat;

/**
 * The reference files of the landing area, in load order (a file may refer to the ones before it), each with its
 * columns and the silver table it replaces.
 */
public final class ReferenceFiles {
  private ReferenceFiles() {}

  /** One reference file and its table. */
  public record ReferenceFile(String fileName, LandingFormat format, TableContract table) {}

  public static final ReferenceFile REGIONS = file("regions.csv", IngestTables.REGIONS, new Cols()
      .req(REGION_CODE, "地区代码").req(NAME_ZH, "中文名称").req(NAME_EN, "英文名称").opt(PARENT_CODE, "上级代码")
      .req(LEVEL, "层级").opt(POPULATION, "常住人口").opt(GDP_PER_CAPITA, "人均GDP").opt(URBANISATION_RATE, "城镇化率")
      .opt(AREA_KM2, "面积").opt(RESOURCE_ENDOWMENT, "资源禀赋").opt(ALIASES, "别名"));

  public static final ReferenceFile DEPARTMENTS = file("departments.csv", IngestTables.DEPARTMENTS, new Cols()
      .req(DEPT_CODE, "部门代码").req(NAME_ZH, "中文名称").req(NAME_EN, "英文名称"));

  public static final ReferenceFile INDICATORS = file("indicators.csv", IngestTables.INDICATORS, new Cols()
      .req(INDICATOR_CODE, "指标代码").req(NAME_ZH, "中文名称").req(NAME_EN, "英文名称").req(DEPT_CODE, "部门代码")
      .req(UNIT, "单位").req(POLARITY, "极性").req(FREQUENCY, "频率").req(CATEGORY, "类别").req(AGGREGATION, "汇总方式")
      .opt(WEIGHT, "权重").opt(SOURCE, "来源").opt(ALIASES, "别名").opt(EVIDENCE_INDICATOR, "佐证指标")
      .opt(VALID_MIN, "最小值").opt(VALID_MAX, "最大值"));

  public static final ReferenceFile DEFINITIONS = file("indicator_definitions.csv", IngestTables.INDICATOR_DEFINITIONS,
      new Cols().req(INDICATOR_CODE, "指标代码").req(DEFINITION_VERSION, "口径版本").req(EFFECTIVE_FROM, "生效期间")
          .opt(DESCRIPTION_ZH, "中文说明").opt(DESCRIPTION_EN, "英文说明"));

  public static final ReferenceFile SENSORS = file("sensors.csv", IngestTables.SENSORS, new Cols()
      .req(SENSOR_ID, "设备编号").req(NAME_ZH, "中文名称").req(NAME_EN, "英文名称").req(REGION_CODE, "地区代码")
      .req(KIND, "类型").req(METRICS, "监测项目").opt(UTC_OFFSET, "时区").opt(LAT, "纬度").opt(LON, "经度")
      .opt(INSTALLED_ON, "安装日期"));

  public static final ReferenceFile TARGET_RULES = file("target_rules.csv", IngestTables.TARGET_RULES, new Cols()
      .req(TIER, "梯队").req(INDICATOR_CODE, "指标代码").req(HORIZON, "期限").req(PERIOD, "期间").req(RULE, "规则")
      .req(PARAMETER, "参数"));

  public static final ReferenceFile TARGET_OVERRIDES = file("target_overrides.csv", IngestTables.TARGET_OVERRIDES,
      new Cols().req(REGION_CODE, "地区代码").req(INDICATOR_CODE, "指标代码").req(HORIZON, "期限").req(PERIOD, "期间")
          .req(TARGET_VALUE, "目标值").opt(NOTE, "备注"));

  public static final ReferenceFile BUDGETS = file("budgets.csv", IngestTables.BUDGETS, new Cols()
      .req(YEAR, "年度").req(DEPT_CODE, "部门代码").req(PROGRAMME_CODE, "项目代码").req(PROGRAMME_NAME_ZH, "项目名称")
      .req(PROGRAMME_NAME_EN, "项目英文名称").opt(REGION_CODE, "地区代码").req(AMOUNT, "金额").opt(UNIT, "单位")
      .opt(OUTCOME_INDICATORS, "目标指标"));

  /** All reference files in load order. */
  public static List<ReferenceFile> all() {
    return List.of(REGIONS, DEPARTMENTS, INDICATORS, DEFINITIONS, SENSORS, TARGET_RULES, TARGET_OVERRIDES, BUDGETS);
  }

  private static ReferenceFile file(String name, TableContract table, Cols cols) {
    return new ReferenceFile(name, new LandingFormat("reference/" + name, "reference/" + name, null, cols.list),
        table);
  }

  private static final class Cols {
    private final List<LandingFormat.Column> list = new ArrayList<>();

    Cols req(String name, String zh) {
      list.add(new LandingFormat.Column(name, true, List.of(name, zh)));
      return this;
    }

    Cols opt(String name, String zh) {
      list.add(new LandingFormat.Column(name, false, List.of(name, zh)));
      return this;
    }
  }
}
