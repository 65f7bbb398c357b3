package org.govpulse.ingestion.validate;

import static org.govpulse.core.table.Col.*;

import java.io.Serializable;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.govpulse.core.table.TableContract;

/**
 * Applies a {@link RecordValidator} to bronze rows. The result has the silver table's columns (null for rejected
 * records) plus {@code reason}, {@code detail} and {@code raw_record}; a valid record has a null reason.
 */
public final class Validation implements Serializable {
  private static final long serialVersionUID = 1L;

  private final RecordValidator validator;
  private final int width;
  private final int sFile;
  private final int sLine;
  private final int sBatch;
  private final int sIngested;
  private final int bFile;
  private final int bLine;
  private final int bBatch;
  private final int bIngested;
  private final int bRaw;
  private final int bError;

  public Validation(RecordValidator validator) {
    this.validator = validator;
    List<String> silver = Arrays.asList(validator.silver().columnNames());
    List<String> bronze = Arrays.asList(validator.format().bronze().columnNames());
    this.width = silver.size();
    this.sFile = silver.indexOf(SOURCE_FILE);
    this.sLine = silver.indexOf(LINE_NO);
    this.sBatch = silver.indexOf(BATCH_ID);
    this.sIngested = silver.indexOf(INGESTED_AT);
    this.bFile = bronze.indexOf(SOURCE_FILE);
    this.bLine = bronze.indexOf(LINE_NO);
    this.bBatch = bronze.indexOf(BATCH_ID);
    this.bIngested = bronze.indexOf(INGESTED_AT);
    this.bRaw = bronze.indexOf(RAW_RECORD);
    this.bError = bronze.indexOf(PARSE_ERROR);
  }

  /** The silver table the validated rows are for. */
  public TableContract silver() {
    return validator.silver();
  }

  /** Schema of the validated rows of a silver table. */
  public static StructType schema(TableContract silver) {
    StructType s = new StructType();
    for (StructField f : silver.schema().fields()) {
      s = s.add(f.name(), f.dataType(), true);
    }
    return s.add(REASON, DataTypes.StringType, true)
        .add(DETAIL, DataTypes.StringType, true)
        .add(RAW_RECORD, DataTypes.StringType, false);
  }

  /** Number of values {@link #validate} returns. */
  public int width() {
    return width + 3;
  }

  /** The validated values of one bronze row, in the order of {@link #schema}. */
  public Object[] validate(Row in, ReferenceData data) {
    Object[] out = new Object[width + 3];
    Timestamp ingestedAt = in.getTimestamp(bIngested);
    Rejection rejection;
    if (!in.isNullAt(bError)) {
      String error = in.getString(bError);
      rejection = Reason.ofParseError(error).because(error);
    } else {
      rejection = validator.validate(in, data, ingestedAt.toInstant(), out);
    }
    if (rejection != null) {
      Arrays.fill(out, 0, width, null);
      out[width] = rejection.reason().code();
      out[width + 1] = rejection.detail();
    }
    out[sFile] = in.getString(bFile);
    out[sLine] = in.getLong(bLine);
    out[sBatch] = in.getLong(bBatch);
    out[sIngested] = ingestedAt;
    out[width + 2] = in.getString(bRaw);
    return out;
  }
}
