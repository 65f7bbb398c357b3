package org.govpulse.ingestion.validate;

import static org.govpulse.core.table.Col.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.govpulse.core.table.TableContract;

/**
 * Applies a {@link RecordValidator} to bronze rows. The result has the silver table's columns (null for rejected
 * records) plus {@code reason}, {@code detail} and {@code raw_record}; a valid record has a null reason.
 */
public final class Validation {
  private Validation() {}

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

  /** Validates every bronze row; pure transform, nothing is written. */
  public static Dataset<Row> apply(Dataset<Row> bronze, RecordValidator validator, Broadcast<ReferenceData> ref) {
    StructType schema = schema(validator.silver());
    return bronze.mapPartitions(new Fn(validator, ref), Encoders.row(schema));
  }

  private static final class Fn implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final RecordValidator validator;
    private final Broadcast<ReferenceData> ref;

    Fn(RecordValidator validator, Broadcast<ReferenceData> ref) {
      this.validator = validator;
      this.ref = ref;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      ReferenceData data = ref.value();
      TableContract silver = validator.silver();
      TableContract bronze = validator.format().bronze();
      String[] silverNames = silver.columnNames();
      int width = silverNames.length;
      int sFile = Arrays.asList(silverNames).indexOf(SOURCE_FILE);
      int sLine = Arrays.asList(silverNames).indexOf(LINE_NO);
      int sBatch = Arrays.asList(silverNames).indexOf(BATCH_ID);
      int sIngested = Arrays.asList(silverNames).indexOf(INGESTED_AT);
      java.util.List<String> bronzeNames = Arrays.asList(bronze.columnNames());
      int bFile = bronzeNames.indexOf(SOURCE_FILE);
      int bLine = bronzeNames.indexOf(LINE_NO);
      int bBatch = bronzeNames.indexOf(BATCH_ID);
      int bIngested = bronzeNames.indexOf(INGESTED_AT);
      int bRaw = bronzeNames.indexOf(RAW_RECORD);
      int bError = bronzeNames.indexOf(PARSE_ERROR);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return input.hasNext();
        }

        @Override
        public Row next() {
          Row in = input.next();
          Object[] out = new Object[width + 3];
          Timestamp ingestedAt = in.getTimestamp(bIngested);
          Instant now = ingestedAt.toInstant();
          Rejection rejection;
          if (!in.isNullAt(bError)) {
            String error = in.getString(bError);
            rejection = Reason.ofParseError(error).because(error);
          } else {
            rejection = validator.validate(in, data, now, out);
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
          return RowFactory.create(out);
        }
      };
    }
  }
}
