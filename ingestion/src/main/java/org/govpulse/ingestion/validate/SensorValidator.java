package org.govpulse.ingestion.validate;

import static org.govpulse.core.table.Col.*;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.apache.spark.sql.Row;
import org.govpulse.core.table.IngestTables;
import org.govpulse.ingestion.landing.LandingFormats;

/**
 * Validates a sensor reading: known sensor and metric, a readable time (read at the device clock's offset when it
 * carries none) not after ingestion plus one hour, a number within the metric's physical range.
 */
public final class SensorValidator extends RecordValidator {
  private static final long serialVersionUID = 1L;
  private static final long FUTURE_TOLERANCE_SECONDS = 3600;

  private final int fSensor = field(SENSOR_ID);
  private final int fTs = field(TS);
  private final int fMetric = field(METRIC);
  private final int fValue = field(VALUE);
  private final int[] required = {fSensor, fTs, fMetric, fValue};
  private static final String[] REQUIRED_NAMES = {SENSOR_ID, TS, METRIC, VALUE};

  private final int sSensor = slot(SENSOR_ID);
  private final int sRegion = slot(REGION_CODE);
  private final int sMetric = slot(METRIC);
  private final int sTs = slot(TS_UTC);
  private final int sDate = slot(LOCAL_DATE);
  private final int sValue = slot(VALUE);
  private final int sUnit = slot(UNIT);

  public SensorValidator() {
    super(LandingFormats.SENSORS, IngestTables.SENSOR_READINGS);
  }

  // A file lists a sensor's readings together, so the sensor of the previous reading is usually that of the next:
  // remembering it saves a lookup per reading. Each task validates with its own copy of the validator.
  private transient ReferenceData lastReference;
  private transient String lastSensorId;
  private transient ReferenceData.Sensor lastSensor;

  private ReferenceData.Sensor sensor(String id, ReferenceData ref) {
    if (ref != lastReference || !id.equals(lastSensorId)) {
      lastReference = ref;
      lastSensorId = id;
      lastSensor = ref.sensor(id).orElse(null);
    }
    return lastSensor;
  }

  @Override
  public Rejection validate(Row row, ReferenceData ref, Instant now, Object[] out) {
    Rejection missing = requireAll(row, required, REQUIRED_NAMES);
    if (missing != null) {
      return missing;
    }
    String sensorId = row.getString(fSensor);
    ReferenceData.Sensor sensor = sensor(sensorId, ref);
    if (sensor == null) {
      return Reason.SENSOR_UNKNOWN.because("sensor '" + sensorId + "' is not in the registry");
    }
    String metric = row.getString(fMetric);
    Metrics.Metric m = Metrics.find(metric).orElse(null);
    if (m == null || !sensor.metrics().contains(metric)) {
      return Reason.METRIC_UNKNOWN.because("sensor " + sensorId + " does not measure '" + metric + "'");
    }
    String tsText = row.getString(fTs);
    Instant ts = Timestamps.parseInstant(tsText, sensor.utcOffset());
    if (ts == null) {
      return Reason.TIMESTAMP_INVALID.because("'" + tsText + "' is not a time");
    }
    if (ts.isAfter(now.plus(FUTURE_TOLERANCE_SECONDS, ChronoUnit.SECONDS))) {
      return Reason.TIMESTAMP_IN_FUTURE.because(ts + " is after the ingestion time " + now);
    }
    String valueText = row.getString(fValue);
    double value = Numbers.parseSimple(valueText);
    if (Double.isNaN(value)) {
      return Reason.VALUE_NOT_NUMERIC.because("'" + valueText + "' is not a number");
    }
    if (value < m.min() || value > m.max()) {
      return Reason.VALUE_OUT_OF_RANGE.because(metric + " = " + value + " " + m.unit() + " lies outside ["
          + m.min() + ", " + m.max() + "]");
    }
    LocalDate local = Timestamps.localDate(ts, sensor.utcOffset());
    out[sSensor] = sensorId;
    out[sRegion] = sensor.regionCode();
    out[sMetric] = metric;
    out[sTs] = Timestamp.from(ts);
    out[sDate] = Date.valueOf(local);
    out[sValue] = value;
    out[sUnit] = m.unit();
    return null;
  }
}
