package org.govpulse.api.service;

import static org.govpulse.core.table.Col.*;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govpulse.api.delta.Record;
import org.govpulse.api.snapshot.SnapshotStore;
import org.govpulse.api.snapshot.WarehouseSnapshot;
import org.govpulse.core.table.GoldTables;

/** Data-quality findings of the audit, public sentiment, and sensor faults: the evidence behind many warnings. */
public final class QualityService {
  /** Severities of findings and faults, least severe first. */
  public static final List<String> SEVERITIES = List.of("low", "medium", "high");

  private final SnapshotStore store;

  public QualityService(SnapshotStore store) {
    this.store = store;
  }

  /** Findings, most severe first. */
  public Map<String, Object> findings(String severity, String kind, String region, String department,
      String indicator) {
    WarehouseSnapshot s = store.current();
    List<Record> out = s.rows(GoldTables.QUALITY_FINDINGS).stream()
        .filter(r -> severity == null || severity.equals(r.str(SEVERITY)))
        .filter(r -> kind == null || kind.equals(r.str(KIND)))
        .filter(r -> region == null || region.equals(r.str(REGION_CODE)))
        .filter(r -> department == null || department.equals(r.str(DEPT_CODE)))
        .filter(r -> indicator == null || indicator.equals(r.str(INDICATOR_CODE)))
        .sorted(Comparator.comparing((Record r) -> -SEVERITIES.indexOf(r.str(SEVERITY)))
            .thenComparing(r -> r.str(FINDING_ID)))
        .toList();
    return Envelope.of(out, "version", s.version(GoldTables.QUALITY_FINDINGS));
  }

  public Record finding(String id) {
    Optional<Record> f = store.current().rows(GoldTables.QUALITY_FINDINGS).stream()
        .filter(r -> id.equals(r.str(FINDING_ID))).findFirst();
    return Lookup.found(f, "Finding " + id, "gold.quality_findings", "GET /api/v1/findings");
  }

  /** Monthly sentiment, in period order. */
  public Map<String, Object> sentiment(String region, String topic, String from, String to) {
    WarehouseSnapshot s = store.current();
    List<Record> out = s.rows(GoldTables.SENTIMENT_MONTHLY).stream()
        .filter(r -> region == null || region.equals(r.str(REGION_CODE)))
        .filter(r -> topic == null || topic.equals(r.str(TOPIC)))
        .filter(r -> from == null || r.str(PERIOD).compareTo(from) >= 0)
        .filter(r -> to == null || r.str(PERIOD).compareTo(to) <= 0)
        .sorted(Comparator.comparing((Record r) -> r.str(REGION_CODE)).thenComparing(r -> r.str(TOPIC))
            .thenComparing(r -> r.str(PERIOD)))
        .toList();
    return Envelope.of(out, "version", s.version(GoldTables.SENTIMENT_MONTHLY));
  }

  /** The faults found on one sensor, latest first; 404 when the sensor has none. */
  public Map<String, Object> sensorAnomalies(String sensor) {
    List<Record> out = store.current().rows(GoldTables.SENSOR_ANOMALIES).stream()
        .filter(r -> sensor.equals(r.str(SENSOR_ID)))
        .sorted(Comparator.comparing((Record r) -> r.instant(START_TS)).reversed()).toList();
    if (out.isEmpty()) {
      throw Lookup.notFound("Sensor faults of " + sensor, "gold.sensor_anomalies", "GET /api/v1/findings or the "
          + "evidence links of sensor warnings");
    }
    return Envelope.of(out, SENSOR_ID, sensor);
  }
}
