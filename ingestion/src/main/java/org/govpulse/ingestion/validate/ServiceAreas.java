package org.govpulse.ingestion.validate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The service areas of surveys and post topics, with their Chinese names. */
public final class ServiceAreas {
  private ServiceAreas() {}

  /** Codes in a stable order. */
  public static final List<String> CODES = List.of("education", "health", "transport", "environment", "employment",
      "government_services", "public_safety", "housing");

  private static final Map<String, String> ZH = Map.of(
      "教育", "education", "医疗卫生", "health", "交通出行", "transport", "生态环境", "environment",
      "就业", "employment", "政务服务", "government_services", "公共安全", "public_safety", "住房保障", "housing");

  /** The service area code of an English code or a Chinese name. */
  public static Optional<String> code(String spelling) {
    String s = spelling.trim();
    String lower = s.toLowerCase(Locale.ROOT);
    if (CODES.contains(lower)) {
      return Optional.of(lower);
    }
    return Optional.ofNullable(ZH.get(s));
  }
}
