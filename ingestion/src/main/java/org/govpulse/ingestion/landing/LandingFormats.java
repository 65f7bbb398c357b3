package org.govpulse.ingestion.landing;

import static org.govpulse.core.table.Col.*;

import java.util.ArrayList;
import java.util.List;
import org.govpulse.core.table.IngestTables;

/** The four streamed landing formats (docs/landing-formats.md). */
public final class LandingFormats {
  private LandingFormats() {}

  public static final String REPORTS_SOURCE = "reports";
  public static final String SENSORS_SOURCE = "sensors";
  public static final String POSTS_SOURCE = "posts";
  public static final String SURVEYS_SOURCE = "surveys";

  public static final LandingFormat REPORTS = new Builder(REPORTS_SOURCE, REPORTS_SOURCE)
      .optional(DEPARTMENT, "department", "dept", "部门", "填报单位")
      .required(REGION, "region", "region_code", "地区", "区县", "地区名称")
      .required(INDICATOR, "indicator", "indicator_code", "指标", "指标名称", "指标代码")
      .required(PERIOD, "period", "期间", "统计期", "时期")
      .required(VALUE, "value", "数值", "值")
      .optional(UNIT, "unit", "单位", "计量单位")
      .required(SUBMITTED_AT, "submitted_at", "submitted", "报送时间", "填报时间")
      .build(IngestTables.BRONZE_REPORTS);

  public static final LandingFormat SENSORS = new Builder(SENSORS_SOURCE, SENSORS_SOURCE)
      .required(SENSOR_ID, "sensor_id", "sensor", "设备编号")
      .required(TS, "ts", "timestamp", "time", "时间")
      .required(METRIC, "metric", "指标")
      .required(VALUE, "value", "数值")
      .build(IngestTables.BRONZE_SENSORS);

  public static final LandingFormat POSTS = new Builder(POSTS_SOURCE, POSTS_SOURCE)
      .required(POST_ID, "post_id", "id", "编号")
      .required(CHANNEL, "channel", "渠道")
      .required(POSTED_AT, "posted_at", "time", "发布时间")
      .optional(REGION, "region", "region_code", "地区")
      .optional(TOPIC, "topic", "主题")
      .required(TEXT, "text", "content", "内容", "正文")
      .optional(LABEL, "label", "标注")
      .build(IngestTables.BRONZE_POSTS);

  public static final LandingFormat SURVEYS = new Builder(SURVEYS_SOURCE, SURVEYS_SOURCE)
      .required(RESPONSE_ID, "response_id", "问卷编号")
      .required(REGION, "region", "region_code", "地区")
      .required(SERVICE_AREA, "service_area", "服务领域")
      .required(SCORE, "score", "评分")
      .required(SURVEYED_ON, "surveyed_on", "date", "调查日期")
      .optional(CHANNEL, "channel", "调查方式")
      .build(IngestTables.BRONZE_SURVEYS);

  /** All streamed formats, in ingestion order. */
  public static List<LandingFormat> all() {
    return List.of(REPORTS, SENSORS, POSTS, SURVEYS);
  }

  private static final class Builder {
    private final String source;
    private final String folder;
    private final List<LandingFormat.Column> columns = new ArrayList<>();

    Builder(String source, String folder) {
      this.source = source;
      this.folder = folder;
    }

    Builder required(String name, String... aliases) {
      columns.add(new LandingFormat.Column(name, true, List.of(aliases)));
      return this;
    }

    Builder optional(String name, String... aliases) {
      columns.add(new LandingFormat.Column(name, false, List.of(aliases)));
      return this;
    }

    LandingFormat build(org.govpulse.core.table.TableContract bronze) {
      for (LandingFormat.Column c : columns) {
        if (java.util.Arrays.stream(bronze.columnNames()).noneMatch(c.name()::equals)) {
          throw new IllegalStateException(bronze + " lacks landing column " + c.name());
        }
      }
      return new LandingFormat(source, folder, bronze, columns);
    }
  }
}
