package org.govpulse.ingestion.samplecity;

import java.util.List;

/**
 * The service areas of posts and surveys, with their Chinese names, the report indicators whose true values drive
 * citizens' experience of them, and their share of posts.
 */
enum ServiceArea {
  EDUCATION("education", "教育", List.of("PRESCHOOL_ENROLMENT", "HIGH_SCHOOL_ENROLMENT", "STUDENT_TEACHER_RATIO"),
      0.12),
  HEALTH("health", "医疗卫生", List.of("HOSPITAL_BEDS_PER_1000", "INFANT_MORTALITY", "LIFE_EXPECTANCY"), 0.14),
  TRANSPORT("transport", "交通出行", List.of("BUS_PUNCTUALITY", "ROAD_CONGESTION_INDEX"), 0.16),
  ENVIRONMENT("environment", "生态环境", List.of("PM25_MEAN", "AQ_GOOD_DAYS_RATIO"), 0.12),
  EMPLOYMENT("employment", "就业", List.of("URBAN_UNEMPLOYMENT"), 0.10),
  GOVERNMENT_SERVICES("government_services", "政务服务",
      List.of("HOTLINE_RESOLUTION_RATE", "ONE_STOP_RATE", "AVG_APPROVAL_DAYS"), 0.18),
  PUBLIC_SAFETY("public_safety", "公共安全", List.of(), 0.08),
  HOUSING("housing", "住房保障", List.of(), 0.10);

  private final String code;
  private final String nameZh;
  private final List<String> drivers;
  private final double postShare;

  ServiceArea(String code, String nameZh, List<String> drivers, double postShare) {
    this.code = code;
    this.nameZh = nameZh;
    this.drivers = drivers;
    this.postShare = postShare;
  }

  String code() {
    return code;
  }

  String nameZh() {
    return nameZh;
  }

  /** Report indicators whose true values make up the latent quality of the area. */
  List<String> drivers() {
    return drivers;
  }

  double postShare() {
    return postShare;
  }

  static double[] postShares() {
    ServiceArea[] all = values();
    double[] w = new double[all.length];
    for (int i = 0; i < all.length; i++) {
      w[i] = all[i].postShare;
    }
    return w;
  }
}
