package org.govpulse.ingestion.reference;

import static org.govpulse.core.table.Col.*;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govpulse.core.table.TableContract;
import org.govpulse.core.time.Frequency;
import org.govpulse.core.time.Period;
import org.govpulse.core.time.PeriodParser;
import org.govpulse.ingestion.validate.Metrics;
import org.govpulse.ingestion.validate.Numbers;
import org.govpulse.ingestion.validate.Reason;
import org.govpulse.ingestion.validate.ReferenceData;
import org.govpulse.ingestion.validate.Rejection;
import org.govpulse.ingestion.validate.Timestamps;
import org.govpulse.ingestion.validate.Units;

/**
 * Converts one reference record (its fields by canonical column) into a row of its silver table, checking types,
 * allowed values and references to the files loaded before it.
 */
final class ReferenceRecords {
  static final Set<String> LEVELS = Set.of("city", "district", "county");
  static final Set<String> POLARITIES = Set.of("higher_better", "lower_better");
  static final Set<String> CATEGORIES = Set.of("economic", "social", "environmental", "public_service",
      "digital_government", "satisfaction");
  static final Set<String> AGGREGATIONS = Set.of("sum", "mean", "last", "ratio");
  static final Set<String> SOURCES = Set.of("report", "sensors", "posts", "survey");
  static final Set<String> SENSOR_KINDS = Set.of("air_quality", "noise", "water", "traffic");
  static final Set<String> TIERS = Set.of("T1", "T2", "T3", "*");
  static final Set<String> HORIZONS = Set.of("annual", "long_term");
  static final Set<String> RULES = Set.of("absolute", "improvement", "peer_relative");

  private ReferenceRecords() {}

  /** Signals a rejected field; caught by {@link #convert}. */
  private static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Rejection rejection;

    Rejected(Rejection rejection) {
      super(rejection.detail(), null, false, false);
      this.rejection = rejection;
    }
  }

  /** The values of a record in table column order, or the rejection. */
  record Result(Object[] values, Rejection rejection) {}

  static Result convert(ReferenceFiles.ReferenceFile file, Map<String, String> f, ReferenceData ref) {
    TableContract t = file.table();
    Object[] out = new Object[t.columns().size()];
    List<String> names = Arrays.asList(t.columnNames());
    try {
      Fields in = new Fields(f);
      switch (t.name()) {
        case "regions" -> {
          put(out, names, REGION_CODE, in.required(REGION_CODE));
          put(out, names, NAME_ZH, in.required(NAME_ZH));
          put(out, names, NAME_EN, in.required(NAME_EN));
          put(out, names, PARENT_CODE, in.optional(PARENT_CODE));
          put(out, names, LEVEL, in.oneOf(LEVEL, LEVELS));
          put(out, names, POPULATION, in.number(POPULATION));
          put(out, names, GDP_PER_CAPITA, in.number(GDP_PER_CAPITA));
          put(out, names, URBANISATION_RATE, in.number(URBANISATION_RATE));
          put(out, names, AREA_KM2, in.number(AREA_KM2));
          put(out, names, RESOURCE_ENDOWMENT, in.number(RESOURCE_ENDOWMENT));
          put(out, names, ALIASES, in.list(ALIASES));
        }
        case "departments" -> {
          put(out, names, DEPT_CODE, in.required(DEPT_CODE));
          put(out, names, NAME_ZH, in.required(NAME_ZH));
          put(out, names, NAME_EN, in.required(NAME_EN));
        }
        case "indicators" -> {
          put(out, names, INDICATOR_CODE, in.required(INDICATOR_CODE));
          put(out, names, NAME_ZH, in.required(NAME_ZH));
          put(out, names, NAME_EN, in.required(NAME_EN));
          put(out, names, DEPT_CODE, in.department(DEPT_CODE, ref));
          String unit = in.required(UNIT);
          if (Units.find(unit).isEmpty()) {
            throw new Rejected(Reason.UNIT_UNKNOWN.because("unit '" + unit + "' is not in the unit table"));
          }
          put(out, names, UNIT, Units.find(unit).get().code());
          put(out, names, POLARITY, in.oneOf(POLARITY, POLARITIES));
          put(out, names, FREQUENCY, in.frequency(FREQUENCY).code());
          put(out, names, CATEGORY, in.oneOf(CATEGORY, CATEGORIES));
          put(out, names, AGGREGATION, in.oneOf(AGGREGATION, AGGREGATIONS));
          Double weight = in.number(WEIGHT);
          put(out, names, WEIGHT, weight == null ? 0.0 : weight);
          String source = in.optional(SOURCE);
          put(out, names, SOURCE, source == null ? "report" : in.oneOf(SOURCE, SOURCES));
          put(out, names, ALIASES, in.list(ALIASES));
          put(out, names, EVIDENCE_INDICATOR, in.optional(EVIDENCE_INDICATOR));
          put(out, names, VALID_MIN, in.number(VALID_MIN));
          put(out, names, VALID_MAX, in.number(VALID_MAX));
        }
        case "indicator_definitions" -> {
          put(out, names, INDICATOR_CODE, in.indicator(INDICATOR_CODE, ref));
          Double version = in.number(DEFINITION_VERSION);
          if (version == null || version < 1 || version != Math.rint(version)) {
            throw new Rejected(Reason.REFERENCE_INVALID.because("definition_version must be an integer >= 1"));
          }
          put(out, names, DEFINITION_VERSION, version.intValue());
          Period from = in.period(EFFECTIVE_FROM);
          put(out, names, EFFECTIVE_FROM, from.toString());
          put(out, names, PERIOD_START, Date.valueOf(from.start()));
          put(out, names, DESCRIPTION_ZH, in.optional(DESCRIPTION_ZH));
          put(out, names, DESCRIPTION_EN, in.optional(DESCRIPTION_EN));
        }
        case "sensors" -> {
          put(out, names, SENSOR_ID, in.required(SENSOR_ID));
          put(out, names, NAME_ZH, in.required(NAME_ZH));
          put(out, names, NAME_EN, in.required(NAME_EN));
          put(out, names, REGION_CODE, in.region(REGION_CODE, ref));
          put(out, names, KIND, in.oneOf(KIND, SENSOR_KINDS));
          List<String> metrics = in.list(METRICS);
          for (String m : metrics) {
            if (!Metrics.known(m)) {
              throw new Rejected(Reason.METRIC_UNKNOWN.because("metric '" + m + "' is not known"));
            }
          }
          put(out, names, METRICS, metrics);
          String offset = in.optional(UTC_OFFSET);
          try {
            put(out, names, UTC_OFFSET, (offset == null ? Timestamps.CHINA : Timestamps.offset(offset)).getId());
          } catch (RuntimeException e) {
            throw new Rejected(Reason.REFERENCE_INVALID.because("utc_offset '" + offset + "' is not like +08:00"));
          }
          put(out, names, LAT, in.number(LAT));
          put(out, names, LON, in.number(LON));
          put(out, names, INSTALLED_ON, in.date(INSTALLED_ON));
        }
        case "target_rules" -> {
          put(out, names, TIER, in.oneOf(TIER, TIERS));
          put(out, names, INDICATOR_CODE, in.indicator(INDICATOR_CODE, ref));
          put(out, names, HORIZON, in.oneOf(HORIZON, HORIZONS));
          put(out, names, PERIOD, in.targetPeriod(PERIOD));
          put(out, names, RULE, in.oneOf(RULE, RULES));
          put(out, names, PARAMETER, in.requiredNumber(PARAMETER));
        }
        case "target_overrides" -> {
          put(out, names, REGION_CODE, in.region(REGION_CODE, ref));
          put(out, names, INDICATOR_CODE, in.indicator(INDICATOR_CODE, ref));
          put(out, names, HORIZON, in.oneOf(HORIZON, HORIZONS));
          put(out, names, PERIOD, in.targetPeriod(PERIOD));
          put(out, names, TARGET_VALUE, in.requiredNumber(TARGET_VALUE));
          put(out, names, NOTE, in.optional(NOTE));
        }
        case "budgets" -> {
          Double year = in.requiredNumber(YEAR);
          put(out, names, YEAR, year.intValue());
          put(out, names, DEPT_CODE, in.department(DEPT_CODE, ref));
          put(out, names, PROGRAMME_CODE, in.required(PROGRAMME_CODE));
          put(out, names, PROGRAMME_NAME_ZH, in.required(PROGRAMME_NAME_ZH));
          put(out, names, PROGRAMME_NAME_EN, in.required(PROGRAMME_NAME_EN));
          put(out, names, REGION_CODE, in.optional(REGION_CODE) == null ? null : in.region(REGION_CODE, ref));
          double amount = in.requiredNumber(AMOUNT);
          String unitText = in.optional(UNIT);
          Units.Unit unit = Units.find(unitText == null ? "万元" : unitText)
              .orElseThrow(() -> new Rejected(Reason.UNIT_UNKNOWN.because("unit '" + unitText + "' is unknown")));
          Units.Unit yuan = Units.find("元").orElseThrow();
          if (!Units.compatible(unit, yuan)) {
            throw new Rejected(Reason.UNIT_INCOMPATIBLE.because("'" + unitText + "' is not a money unit"));
          }
          put(out, names, AMOUNT_YUAN, Units.convert(amount, unit, yuan));
          List<String> outcomes = in.list(OUTCOME_INDICATORS);
          for (String code : outcomes) {
            if (ref.indicators().get(code) == null) {
              throw new Rejected(Reason.INDICATOR_UNKNOWN.because("outcome indicator '" + code + "' is unknown"));
            }
          }
          put(out, names, OUTCOME_INDICATORS, outcomes);
        }
        default -> throw new IllegalStateException("no converter for " + t);
      }
      return new Result(out, null);
    } catch (Rejected r) {
      return new Result(null, r.rejection);
    }
  }

  private static void put(Object[] out, List<String> names, String column, Object value) {
    out[names.indexOf(column)] = value;
  }

  /** Typed access to a record's fields, throwing {@link Rejected} with the right reason. */
  private record Fields(Map<String, String> f) {
    String optional(String c) {
      String v = f.get(c);
      return v == null || v.isBlank() ? null : v.trim();
    }

    String required(String c) {
      String v = optional(c);
      if (v == null) {
        throw new Rejected(Reason.MISSING_VALUE.because("the " + c + " field is empty"));
      }
      return v;
    }

    String oneOf(String c, Set<String> allowed) {
      String v = required(c);
      if (!allowed.contains(v)) {
        throw new Rejected(Reason.REFERENCE_INVALID.because(c + " '" + v + "' is not one of " + allowed));
      }
      return v;
    }

    Double number(String c) {
      String v = optional(c);
      if (v == null) {
        return null;
      }
      Numbers.Parsed p = Numbers.parse(v);
      if (p == null) {
        throw new Rejected(Reason.VALUE_NOT_NUMERIC.because(c + " '" + v + "' is not a number"));
      }
      return p.value();
    }

    Double requiredNumber(String c) {
      required(c);
      return number(c);
    }

    List<String> list(String c) {
      String v = optional(c);
      if (v == null) {
        return List.of();
      }
      return Arrays.stream(v.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    Frequency frequency(String c) {
      String v = required(c);
      return Frequency.parse(v).orElseThrow(() ->
          new Rejected(Reason.REFERENCE_INVALID.because(c + " '" + v + "' is not monthly, quarterly or annual")));
    }

    Period period(String c) {
      String v = required(c);
      return PeriodParser.parse(v).orElseThrow(() ->
          new Rejected(Reason.PERIOD_INVALID.because(c + " '" + v + "' is not a period")));
    }

    /** A year (2026) or a span of years (2021-2025). */
    String targetPeriod(String c) {
      String v = required(c);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})\\s*[-~至]\\s*(\\d{4})").matcher(v);
      if (m.matches()) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        if (a < Period.MIN_YEAR || b > Period.MAX_YEAR || b < a) {
          throw new Rejected(Reason.PERIOD_INVALID.because(c + " '" + v + "' is not a span of years"));
        }
        return a + "-" + b;
      }
      Optional<Period> p = PeriodParser.parse(v);
      if (p.isEmpty() || p.get().frequency() != Frequency.ANNUAL) {
        throw new Rejected(Reason.PERIOD_INVALID.because(c + " '" + v + "' is not a year or a span of years"));
      }
      return p.get().toString();
    }

    Date date(String c) {
      String v = optional(c);
      if (v == null) {
        return null;
      }
      LocalDate d = Timestamps.parseDate(v);
      if (d == null) {
        throw new Rejected(Reason.TIMESTAMP_INVALID.because(c + " '" + v + "' is not a date"));
      }
      return Date.valueOf(d);
    }

    String region(String c, ReferenceData ref) {
      String v = required(c);
      return ref.regionCode(v).orElseThrow(() ->
          new Rejected(Reason.REGION_UNKNOWN.because("no region is called '" + v + "'")));
    }

    String department(String c, ReferenceData ref) {
      String v = required(c);
      return ref.departmentCode(v).orElseThrow(() ->
          new Rejected(Reason.DEPARTMENT_UNKNOWN.because("no department is called '" + v + "'")));
    }

    String indicator(String c, ReferenceData ref) {
      String v = required(c);
      return ref.indicator(v).map(ReferenceData.Indicator::code).orElseThrow(() ->
          new Rejected(Reason.INDICATOR_UNKNOWN.because("no indicator is called '" + v + "'")));
    }
  }
}
