package org.govpulse.ingestion.samplecity;

import java.nio.file.Path;

/**
 * Writes the reference snapshots of {@code landing/reference/}: regions, departments, indicators, indicator
 * definitions, sensors, target rules, target overrides and budgets, all UTF-8 with the English headers of the
 * landing formats.
 */
final class ReferenceWriter {

  private final Catalogue catalogue;
  private final Regions regions;
  private final SensorNetwork network;
  private final TargetBook targets;
  private final Timeline timeline;
  private final RandomStreams streams;
  private final Path landing;
  private final Ledger ledger;

  ReferenceWriter(Catalogue catalogue, Regions regions, SensorNetwork network, TargetBook targets,
      Timeline timeline, RandomStreams streams, Path landing, Ledger ledger) {
    this.catalogue = catalogue;
    this.regions = regions;
    this.network = network;
    this.targets = targets;
    this.timeline = timeline;
    this.streams = streams;
    this.landing = landing;
    this.ledger = ledger;
  }

  void write() {
    regions();
    departments();
    indicators();
    definitions();
    sensors();
    targetRules();
    targetOverrides();
    budgets();
  }

  private CsvFile open(String name) {
    return CsvFile.create(landing, "reference/" + name, CsvFile.Encoding.UTF8, false, ledger, Ledger.REFERENCE);
  }

  private void regions() {
    try (CsvFile f = open("regions.csv")) {
      f.header("region_code", "name_zh", "name_en", "parent_code", "level", "population", "gdp_per_capita",
          "urbanisation_rate", "area_km2", "resource_endowment", "aliases");
      for (Region r : regions.all()) {
        f.record(r.code(), r.nameZh(), r.nameEn(), r.parentCode(), r.level(), Long.toString(r.population()),
            Spellings.decimal(r.gdpPerCapita(), 0), Spellings.decimal(r.urbanisation(), 1),
            Spellings.decimal(r.areaKm2(), 1), Spellings.decimal(r.resourceEndowment(), 2),
            String.join("|", r.aliases()));
      }
    }
  }

  private void departments() {
    try (CsvFile f = open("departments.csv")) {
      f.header("dept_code", "name_zh", "name_en");
      for (Department d : catalogue.departments()) {
        f.record(d.code(), d.nameZh(), d.nameEn());
      }
    }
  }

  private void indicators() {
    try (CsvFile f = open("indicators.csv")) {
      f.header("indicator_code", "name_zh", "name_en", "dept_code", "unit", "polarity", "frequency", "category",
          "aggregation", "weight", "source", "aliases", "evidence_indicator", "valid_min", "valid_max");
      for (Indicator i : catalogue.indicators()) {
        f.record(i.code(), i.nameZh(), i.nameEn(), i.deptCode(), i.unit(), i.polarity(), i.frequency().code(),
            i.category(), i.aggregation(), Spellings.decimal(i.weight(), 2), i.source(), String.join("|",
                i.aliases()), i.evidenceIndicator(), i.mayBeNegative() ? "" : "0", i.share() ? "100" : "");
      }
    }
  }

  private void definitions() {
    try (CsvFile f = open("indicator_definitions.csv")) {
      f.header("indicator_code", "definition_version", "effective_from", "description_zh", "description_en");
      for (Indicator i : catalogue.reportIndicators()) {
        String first = timeline.firstReported(i.frequency()).canonical();
        switch (i.code()) {
          case "URBAN_UNEMPLOYMENT" -> {
            f.record(i.code(), "1", first, "城镇登记失业率", "Registered urban unemployment rate");
            f.record(i.code(), "2", "2024-01", "城镇调查失业率（口径调整，水平约高0.8个百分点）",
                "Surveyed urban unemployment rate (new definition; level about 0.8 points higher)");
          }
          case "GP_SIGNUP_RATE" -> {
            f.record(i.code(), "1", first, "家庭医生签约服务覆盖率（重点人群）",
                "Family doctor sign-up rate (priority groups)");
            f.record(i.code(), "2", "2025-Q1", "家庭医生签约服务覆盖率（扩大至全体常住居民，水平约高6个百分点）",
                "Family doctor sign-up rate (scope broadened to all residents; level about 6 points higher)");
          }
          default -> f.record(i.code(), "1", first, i.nameZh() + "（按年度统计制度口径）",
              i.nameEn() + " as defined in the annual statistical system");
        }
      }
    }
  }

  private void sensors() {
    try (CsvFile f = open("sensors.csv")) {
      f.header("sensor_id", "name_zh", "name_en", "region_code", "kind", "metrics", "utc_offset", "lat", "lon",
          "installed_on");
      for (Sensor s : network.all()) {
        f.record(s.id(), s.nameZh(), s.nameEn(), s.regionCode(), s.kind(), String.join("|", s.metrics()),
            s.utcOffset(), Spellings.decimal(s.lat(), 5), Spellings.decimal(s.lon(), 5),
            s.installedOn().toString());
      }
    }
  }

  private void targetRules() {
    try (CsvFile f = open("target_rules.csv")) {
      f.header("tier", "indicator_code", "horizon", "period", "rule", "parameter");
      for (TargetBook.Rule r : targets.rules()) {
        int decimals = r.rule().equals(TargetBook.PEER_RELATIVE) ? 0 : catalogue.indicator(r.indicator()).decimals();
        f.record(r.tier(), r.indicator(), r.horizon(), r.period(), r.rule(), Spellings.decimal(r.parameter(),
            decimals));
      }
    }
  }

  private void targetOverrides() {
    try (CsvFile f = open("target_overrides.csv")) {
      f.header("region_code", "indicator_code", "horizon", "period", "target_value", "note");
      for (TargetBook.Override o : targets.overrides()) {
        f.record(o.region(), o.indicator(), o.horizon(), o.period(), Spellings.decimal(o.targetValue(),
            catalogue.indicator(o.indicator()).decimals()), o.note());
      }
    }
  }

  private void budgets() {
    try (CsvFile f = open("budgets.csv")) {
      f.header("year", "dept_code", "programme_code", "programme_name_zh", "programme_name_en", "region_code",
          "amount", "unit", "outcome_indicators");
      for (BudgetPlan.Row r : BudgetPlan.rows(regions, timeline, streams)) {
        f.record(Integer.toString(r.year()), r.dept(), r.programme(), r.nameZh(), r.nameEn(), r.region(),
            Spellings.decimal(r.amount(), BudgetPlan.decimals(r.unit())), r.unit(), r.outcomes());
      }
    }
  }
}
