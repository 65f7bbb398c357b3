package org.govpulse.ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny hand-written landing area for ingestion tests: two districts of a city, three departments, four indicators
 * (one with a definition change), one air-quality station. Tests add report, sensor, post and survey files.
 */
public final class TestLanding {
  public static final Charset GB18030 = Charset.forName("GB18030");
  private final Path root;

  public TestLanding(Path root) {
    this.root = root;
    write("reference/regions.csv", """
        region_code,name_zh,name_en,parent_code,level,population,gdp_per_capita,urbanisation_rate,area_km2,resource_endowment,aliases
        JZ,江州市,Jiangzhou City,,city,2000000,90000,70,5000,0.5,江州
        JZ01,江城区,Jiangcheng District,JZ,district,800000,150000,95,300,0.2,江城|JC
        JZ02,临江县,Linjiang County,JZ,county,400000,50000,40,1500,0.8,临江|LJ
        """, StandardCharsets.UTF_8);
    write("reference/departments.csv", """
        dept_code,name_zh,name_en
        HRSS,人力资源和社会保障局,Human Resources and Social Security Bureau
        HC,卫生健康委员会,Health Commission
        STATS,统计局,Statistics Bureau
        """, StandardCharsets.UTF_8);
    write("reference/indicators.csv", """
        indicator_code,name_zh,name_en,dept_code,unit,polarity,frequency,category,aggregation,weight,source,aliases,evidence_indicator,valid_min,valid_max
        URBAN_UNEMPLOYMENT,城镇调查失业率,Urban unemployment rate,HRSS,%,lower_better,monthly,economic,mean,0.3,report,失业率,,0,100
        INFANT_MORTALITY,婴儿死亡率,Infant mortality,HC,‰,lower_better,annual,social,last,0.2,report,,,0,1000
        GDP,地区生产总值,GDP,STATS,亿元,higher_better,quarterly,economic,sum,0.5,report,,,,
        PM25_MONITORED,监测PM2.5平均浓度,Monitored PM2.5,HC,µg/m³,lower_better,monthly,environmental,mean,0,sensors,,,0,
        """, StandardCharsets.UTF_8);
    write("reference/indicator_definitions.csv", """
        indicator_code,definition_version,effective_from,description_zh,description_en
        URBAN_UNEMPLOYMENT,1,2021-01,登记失业率,registered rate
        URBAN_UNEMPLOYMENT,2,2024年1月,调查失业率,surveyed rate
        """, StandardCharsets.UTF_8);
    write("reference/sensors.csv", """
        sensor_id,name_zh,name_en,region_code,kind,metrics,utc_offset,lat,lon,installed_on
        AQ01,江城监测站,Jiangcheng station,JZ01,air_quality,pm25|pm10|o3|co,+08:00,30.1,114.2,2020-01-01
        """, StandardCharsets.UTF_8);
  }

  /** Writes a landing file (path relative to the landing root) in the given encoding. */
  public Path write(String relative, String text, Charset charset) {
    try {
      Path p = root.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.write(p, text.getBytes(charset));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path root() {
    return root;
  }
}
