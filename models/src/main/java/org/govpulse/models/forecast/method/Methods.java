package org.govpulse.models.forecast.method;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.govpulse.models.forecast.Forecaster;
import org.govpulse.models.forecast.ForecastErrors;

/**
 * The statistical methods by name. SES, HOLT, DAMPED and THETA run on seasonally adjusted data as in the M3
 * competition; SNAIVE uses the raw data.
 */
public final class Methods {
  public static final String SNAIVE = "SNAIVE";
  public static final String NAIVE2 = "NAIVE2";
  public static final String SES = "SES";
  public static final String HOLT = "HOLT";
  public static final String DAMPED = "DAMPED";
  public static final String THETA = "THETA";

  private static final Map<String, Supplier<Forecaster>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put(SNAIVE, SeasonalNaive::new);
    BY_NAME.put(NAIVE2, () -> new SeasonallyAdjusted(NAIVE2, new Naive()));
    BY_NAME.put(SES, () -> new SeasonallyAdjusted(SES, new Ses()));
    BY_NAME.put(HOLT, () -> new SeasonallyAdjusted(HOLT, Holt.linear()));
    BY_NAME.put(DAMPED, () -> new SeasonallyAdjusted(DAMPED, Holt.damped()));
    BY_NAME.put(THETA, () -> new SeasonallyAdjusted(THETA, new ThetaLines()));
  }

  private Methods() {}

  /** The method of that name. */
  public static Forecaster byName(String name) {
    Supplier<Forecaster> s = BY_NAME.get(name);
    if (s == null) {
      throw ForecastErrors.unknownMethod(name, BY_NAME.keySet());
    }
    return s.get();
  }

  /** All statistical methods, in a fixed order. */
  public static List<Forecaster> all() {
    return BY_NAME.values().stream().map(Supplier::get).toList();
  }

  /** The names of all statistical methods. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  public static Forecaster seasonalNaive() {
    return byName(SNAIVE);
  }

  public static Forecaster naive2() {
    return byName(NAIVE2);
  }

  public static Forecaster ses() {
    return byName(SES);
  }

  public static Forecaster holt() {
    return byName(HOLT);
  }

  public static Forecaster damped() {
    return byName(DAMPED);
  }

  public static Forecaster theta() {
    return byName(THETA);
  }
}
