package org.govpulse.ingestion.validate;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.govpulse.core.table.TableContract;
import org.govpulse.ingestion.landing.LandingFormat;

/**
 * Validates and harmonises one bronze record of a source into the values of its silver table. Implementations are
 * pure functions of the record, the reference data and the ingestion time, so they are tested without Spark.
 */
public abstract class RecordValidator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LandingFormat format;
  private final TableContract silver;

  protected RecordValidator(LandingFormat format, TableContract silver) {
    this.format = format;
    this.silver = silver;
  }

  public LandingFormat format() {
    return format;
  }

  /** The silver table whose columns {@link #validate} fills. */
  public TableContract silver() {
    return silver;
  }

  /**
   * Validates one record.
   *
   * @param bronze a bronze row of {@link LandingFormat#bronze()}
   * @param ref reference data
   * @param now ingestion time, for "in the future" checks
   * @param out values in {@link #silver()} column order; lineage columns are filled by the caller
   * @return null when the record is valid, else why not
   */
  public abstract Rejection validate(Row bronze, ReferenceData ref, Instant now, Object[] out);

  /** Index of a column in the silver schema. */
  protected final int slot(String column) {
    int i = Arrays.asList(silver.columnNames()).indexOf(column);
    if (i < 0) {
      throw new IllegalStateException(silver + " has no column " + column);
    }
    return i;
  }

  /** Index of a column in the bronze schema. */
  protected final int field(String column) {
    int i = Arrays.asList(format.bronze().columnNames()).indexOf(column);
    if (i < 0) {
      throw new IllegalStateException(format.bronze() + " has no column " + column);
    }
    return i;
  }

  /** A missing_value rejection when a required field is null. */
  protected static Rejection requireAll(Row row, int[] fields, String[] names) {
    for (int i = 0; i < fields.length; i++) {
      if (row.isNullAt(fields[i])) {
        return Reason.MISSING_VALUE.because("the " + names[i] + " field is empty");
      }
    }
    return null;
  }
}
