package org.govpulse.models.warn;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.govpulse.core.table.Col.*;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.govpulse.analytics.catalogue.Catalogue;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.ForecastTables;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.WarningTables;
import scala.collection.JavaConverters;

/**
 * The early-warning job: collects today's conditions (targets at risk in the current year, data-quality findings,
 * recent surges of negative posts, recent sensor faults), folds in the acknowledgements and resolutions made through
 * the API, runs the {@link WarningLifecycle}, and writes gold.warnings (the current state, one row per condition)
 * and gold.warning_events (the history, append-only).
 *
 * <p>Crash safety: the events of a run are appended with a Delta transaction token derived from the version of
 * gold.warnings the run started from, then the state is replaced. A run that dies between the two writes is
 * repeated from the same state version, so its events are not appended twice.
 */
public final class WarnJob {
  /** Days back from the latest reading within which sensor faults still raise warnings. */
  static final int SENSOR_DAYS = 30;
  /** Months back from the latest month within which a sentiment surge still raises a warning. */
  static final int SURGE_MONTHS = 2;

  private final Warehouse warehouse;

  public WarnJob(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** spark-submit: {@code --class org.govpulse.models.warn.WarnJob app.jar [--config FILE]}. */
  public static void main(String[] args) {
    org.govpulse.core.cli.JobMain.main("warn", "Raise, escalate and resolve early warnings.", args,
        (config, spark) -> new WarnJob(new Warehouse(spark, config.warehouse())).execute());
  }

  /** Warnings open per level after the run, events appended, and seconds. */
  public record Result(Map<String, Long> openByLevel, int events, int conditions, double seconds) {
    /** One line for operators: {@code warn: 125 conditions found, 3 new events; not resolved: red 56, orange 16, ... (5.7 s)}. */
    @Override
    public String toString() {
      StringBuilder open = new StringBuilder();
      for (int i = Level.values().length - 1; i >= 0; i--) {
        String level = Level.values()[i].code();
        open.append(open.length() == 0 ? "" : ", ").append(level).append(' ')
            .append(openByLevel.getOrDefault(level, 0L));
      }
      return String.format(java.util.Locale.ROOT, "warn: %d conditions found, %d new events; not resolved: %s "
          + "(%.1f s)", conditions, events, open, seconds);
    }
  }

  public Result execute() {
    Instant start = Instant.now();
    warehouse.spark().sparkContext().setJobDescription("govpulse warn: conditions");
    Catalogue catalogue = Catalogue.read(warehouse);
    Map<String, Conditions.Names> regions = new HashMap<>();
    String city = null;
    for (Row r : warehouse.read(IngestTables.REGIONS).collectAsList()) {
      regions.put(r.getAs(REGION_CODE), new Conditions.Names(r.getAs(NAME_ZH), r.getAs(NAME_EN)));
      if ("city".equals(r.getAs(LEVEL))) {
        city = r.getAs(REGION_CODE);
      }
    }
    Conditions conditions = new Conditions(catalogue, regions);
    List<Conditions.Finding> findings = findings();
    List<WarningCondition> found = new ArrayList<>();
    found.addAll(targetRisks(conditions, findings));
    for (Conditions.Finding f : findings) {
      found.add(conditions.of(f, city));
    }
    found.addAll(surges(conditions));
    found.addAll(sensorFaults(conditions));

    long stateVersion = warehouse.version(WarningTables.WARNINGS).orElse(-1L);
    Map<String, Row> previousRows = new LinkedHashMap<>();
    Map<String, WarningState> previous = new LinkedHashMap<>();
    if (warehouse.exists(WarningTables.WARNINGS)) {
      for (Row r : warehouse.read(WarningTables.WARNINGS).collectAsList()) {
        previousRows.put(r.getAs(WARNING_ID), r);
        previous.put(r.getAs(WARNING_ID), state(r));
      }
    }
    WarningLifecycle.Outcome outcome = WarningLifecycle.apply(previous, pendingActions(), found, start);

    warehouse.spark().sparkContext().setJobDescription("govpulse warn: write");
    long sequence = warehouse.exists(WarningTables.WARNING_EVENTS)
        ? warehouse.read(WarningTables.WARNING_EVENTS).agg(max(col(SEQUENCE))).first().isNullAt(0) ? 0
            : warehouse.read(WarningTables.WARNING_EVENTS).agg(max(col(SEQUENCE))).first().getLong(0)
        : 0;
    String runId = java.util.UUID.randomUUID().toString();
    List<Row> events = new ArrayList<>();
    for (WarningEvent e : outcome.events()) {
      events.add(RowFactory.create(e.eventId(), ++sequence, e.warningId(), e.type(), e.level().code(), e.status(),
          Timestamp.from(e.at()), e.actor(), e.comment(), WarningEvent.SYSTEM.equals(e.actor()) ? runId : null));
    }
    warehouse.appendOnce(warehouse.spark().createDataFrame(events, WarningTables.WARNING_EVENTS.schema()),
        WarningTables.WARNING_EVENTS, "govpulse/warn", stateVersion + 1);
    Map<String, WarningCondition> byId = new HashMap<>();
    found.forEach(c -> byId.merge(c.warningId(), c, (a, b) -> a.level().compareTo(b.level()) >= 0 ? a : b));
    List<Row> rows = new ArrayList<>();
    Map<String, Long> open = new TreeMap<>();
    for (WarningState s : outcome.states().values()) {
      WarningCondition c = byId.get(s.warningId());
      rows.add(c != null ? row(c, s) : withState(previousRows.get(s.warningId()), s));
      if (!s.isResolved()) {
        open.merge(s.level().code(), 1L, Long::sum);
      }
    }
    warehouse.overwrite(warehouse.spark().createDataFrame(rows, WarningTables.WARNINGS.schema()),
        WarningTables.WARNINGS);
    return new Result(open, events.size(), found.size(), Duration.between(start, Instant.now()).toMillis() / 1000.0);
  }

  /** Values of resolved_by. */
  public static final String BY_SYSTEM = "system";
  public static final String BY_PERSON = "person";

  private static WarningState state(Row r) {
    Timestamp resolved = r.getAs(RESOLVED_AT);
    return new WarningState(r.getAs(WARNING_ID), Level.parse(r.getAs(WARNING_LEVEL)), r.getAs(STATUS),
        BY_SYSTEM.equals(r.getAs(RESOLVED_BY)), r.<Timestamp>getAs(FIRST_RAISED_AT).toInstant(),
        r.<Timestamp>getAs(UPDATED_AT).toInstant(), resolved == null ? null : resolved.toInstant());
  }

  private static String resolvedBy(WarningState s) {
    return s.resolvedAt() == null ? null : s.resolvedBySystem() ? BY_SYSTEM : BY_PERSON;
  }

  private static Row row(WarningCondition c, WarningState s) {
    return RowFactory.create(s.warningId(), c.regionCode(), c.indicatorCode(), c.deptCode(), c.kind(), c.period(),
        s.level().code(), s.status(), c.probability(), c.importance(), c.text().titleZh(), c.text().titleEn(),
        c.text().zh(), c.text().en(), c.drivers(), c.caveats(), c.evidence(), c.modelVersions(),
        Timestamp.from(s.firstRaisedAt()), Timestamp.from(s.updatedAt()),
        s.resolvedAt() == null ? null : Timestamp.from(s.resolvedAt()), resolvedBy(s));
  }

  private static Row withState(Row previous, WarningState s) {
    Object[] v = new Object[previous.length()];
    for (int i = 0; i < v.length; i++) {
      Object x = previous.get(i);
      v[i] = x instanceof scala.collection.Seq<?> seq ? JavaConverters.seqAsJavaList(seq)
          : x instanceof scala.collection.Map<?, ?> m ? JavaConverters.mapAsJavaMap(m) : x;
    }
    List<String> names = List.of(WarningTables.WARNINGS.columnNames());
    v[names.indexOf(RESOLVED_BY)] = resolvedBy(s);
    v[names.indexOf(WARNING_LEVEL)] = s.level().code();
    v[names.indexOf(STATUS)] = s.status();
    v[names.indexOf(UPDATED_AT)] = Timestamp.from(s.updatedAt());
    v[names.indexOf(RESOLVED_AT)] = s.resolvedAt() == null ? null : Timestamp.from(s.resolvedAt());
    return RowFactory.create(v);
  }

  /** Actions taken through the API that no warn run has folded in yet. */
  private List<WarningLifecycle.Action> pendingActions() {
    if (!warehouse.exists(WarningTables.WARNING_ACTIONS)) {
      return List.of();
    }
    Dataset<Row> actions = warehouse.read(WarningTables.WARNING_ACTIONS);
    if (warehouse.exists(WarningTables.WARNING_EVENTS)) {
      actions = actions.join(warehouse.read(WarningTables.WARNING_EVENTS).select(EVENT_ID), org.govpulse.core.spark.Columns.seq(EVENT_ID), "left_anti");
    }
    List<WarningLifecycle.Action> out = new ArrayList<>();
    for (Row r : actions.collectAsList()) {
      out.add(new WarningLifecycle.Action(r.getAs(EVENT_ID), r.getAs(WARNING_ID), r.getAs(EVENT_TYPE),
          r.<Timestamp>getAs(AT).toInstant(), r.getAs(ACTOR), r.getAs(COMMENT)));
    }
    return out;
  }

  private List<Conditions.Finding> findings() {
    if (!warehouse.exists(GoldTables.QUALITY_FINDINGS)) {
      return List.of();
    }
    List<Conditions.Finding> out = new ArrayList<>();
    for (Row r : warehouse.read(GoldTables.QUALITY_FINDINGS).collectAsList()) {
      String to = r.getAs(PERIOD_TO);
      out.add(new Conditions.Finding(r.getAs(FINDING_ID), r.getAs(KIND), r.getAs(SEVERITY), r.getAs(DEPT_CODE),
          r.getAs(REGION_CODE), r.getAs(INDICATOR_CODE), to != null ? to : r.getAs(PERIOD_FROM), r.getAs(EVIDENCE)));
    }
    return out;
  }

  /** Risks of the current year (the year of the latest risk assessment with a forecast part). */
  private List<WarningCondition> targetRisks(Conditions conditions, List<Conditions.Finding> findings) {
    if (!warehouse.exists(ForecastTables.TARGET_RISK)) {
      return List.of();
    }
    Dataset<Row> risks = warehouse.read(ForecastTables.TARGET_RISK);
    Row latest = risks.agg(max(col(PERIOD))).first();
    if (latest.isNullAt(0)) {
      return List.of();
    }
    String year = latest.getString(0);
    List<WarningCondition> out = new ArrayList<>();
    for (Row r : risks.filter(col(PERIOD).equalTo(year)).collectAsList()) {
      String region = r.getAs(REGION_CODE);
      String indicator = r.getAs(INDICATOR_CODE);
      List<String> caveatsEn = new ArrayList<>();
      List<String> caveatsZh = new ArrayList<>();
      for (Conditions.Finding f : findings) {
        if (region.equals(f.regionCode()) && indicator.equals(f.indicatorCode())) {
          caveatsEn.add("the audit flags this series (" + f.kind().replace('_', ' ') + ")");
          caveatsZh.add("审计发现该序列存在疑点（" + f.kind() + "）");
        }
      }
      conditions.of(new Conditions.Risk(region, indicator, Integer.parseInt(year), r.getAs(TARGET_VALUE),
          r.getAs(EXPECTED_VALUE), r.getAs(PROBABILITY_MISS), r.getList(r.fieldIndex(DRIVERS)),
          r.getList(r.fieldIndex(DRIVERS_ZH)), caveatsEn, caveatsZh, r.getList(r.fieldIndex(MODEL_VERSIONS))))
          .ifPresent(out::add);
    }
    return out;
  }

  private List<WarningCondition> surges(Conditions conditions) {
    if (!warehouse.exists(GoldTables.SENTIMENT_MONTHLY)) {
      return List.of();
    }
    Dataset<Row> monthly = warehouse.read(GoldTables.SENTIMENT_MONTHLY);
    Row latest = monthly.agg(max(col(PERIOD))).first();
    if (latest.isNullAt(0)) {
      return List.of();
    }
    String from = org.govpulse.core.time.Period.parseCanonical(latest.getString(0)).plus(1 - SURGE_MONTHS).toString();
    List<WarningCondition> out = new ArrayList<>();
    for (Row r : monthly.filter(col(NEGATIVE_SURGE).and(col(PERIOD).geq(from)).and(col(REGION_CODE).notEqual("*"))
        .and(col(TOPIC).notEqual("*"))).collectAsList()) {
      out.add(conditions.of(new Conditions.Surge(r.getAs(REGION_CODE), r.getAs(TOPIC), r.getAs(PERIOD),
          r.getAs(NEGATIVE_POSTS), r.isNullAt(r.fieldIndex(SURGE_Z)) ? 0 : r.getAs(SURGE_Z))));
    }
    return out;
  }

  private List<WarningCondition> sensorFaults(Conditions conditions) {
    if (!warehouse.exists(GoldTables.SENSOR_ANOMALIES)) {
      return List.of();
    }
    Dataset<Row> anomalies = warehouse.read(GoldTables.SENSOR_ANOMALIES);
    Row latest = anomalies.agg(max(col(END_TS))).first();
    if (latest.isNullAt(0)) {
      return List.of();
    }
    Timestamp since = Timestamp.from(latest.getTimestamp(0).toInstant().minus(Duration.ofDays(SENSOR_DAYS)));
    List<WarningCondition> out = new ArrayList<>();
    for (Row r : anomalies.filter(col(END_TS).geq(since)).collectAsList()) {
      conditions.of(new Conditions.SensorFault(r.getAs(SENSOR_ID), r.getAs(REGION_CODE), r.getAs(KIND),
          r.getAs(SEVERITY), r.<Timestamp>getAs(START_TS).toLocalDateTime().toLocalDate().toString(),
          r.getAs(DETAIL))).ifPresent(out::add);
    }
    return out;
  }
}
