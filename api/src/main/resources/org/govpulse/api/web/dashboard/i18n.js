"use strict";
/* Interface texts in Chinese and English; data (titles, names) come from the API in both languages. */
const I18N = {
  zh: {
    title: "政务绩效与预警", offline: "未连接", connecting: "连接中", live: "实时", enterKey: "请输入 API 密钥",
    connect: "连接", liveWarnings: "实时预警", indicatorChart: "指标走势与预测", region: "地区", indicator: "指标",
    actual: "实际值", forecast: "预测值", band80: "80% 区间", band95: "95% 区间", scorecard: "分层绩效评分",
    findings: "数据质量发现", switchTo: "English", noForecast: "暂无存储的预测（序列过短或预测尚未运行）。",
    noData: "暂无数据。", rank: "名次", score: "得分", rankBand: "名次区间", tier: "层级", badKey: "密钥无效或无权限：",
    open: "未处理", acknowledged: "已确认", resolved: "已解决", target: "目标", items: "条",
    raised: "新预警", escalated: "升级", deescalated: "降级", auto_resolved: "自动解除", reopened: "重新打开",
    blue: "蓝色", yellow: "黄色", orange: "橙色", red: "红色", high: "高", medium: "中", low: "低",
    level: "级别", allLevels: "全部级别"
  },
  en: {
    title: "Government performance and early warnings", offline: "offline", connecting: "connecting", live: "live",
    enterKey: "Enter an API key", connect: "Connect", liveWarnings: "Live warnings", indicatorChart: "Indicator and forecast",
    region: "Region", indicator: "Indicator", actual: "Actual", forecast: "Forecast", band80: "80% interval",
    band95: "95% interval", scorecard: "Scorecard by tier", findings: "Data-quality findings", switchTo: "中文",
    noForecast: "No stored forecast (the series is too short or forecasting has not run).", noData: "No data.",
    rank: "Rank", score: "Score", rankBand: "Rank range", tier: "Tier", badKey: "Key rejected: ", open: "open",
    acknowledged: "acknowledged", resolved: "resolved", target: "Target", items: "items", raised: "raised",
    escalated: "escalated", deescalated: "de-escalated", auto_resolved: "resolved by itself", reopened: "reopened",
    blue: "blue", yellow: "yellow", orange: "orange", red: "red", high: "high", medium: "medium", low: "low",
    level: "Level", allLevels: "all levels"
  }
};
