package org.govpulse.ingestion.landing;

import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.govpulse.ingestion.validate.ReferenceData;
import org.govpulse.ingestion.validate.RecordValidator;
import org.govpulse.ingestion.validate.Validation;

/**
 * One pass over the landing files of a batch, yielding either their bronze rows or their validated rows (the
 * columns of {@link Validation#schema}). A batch is read by several passes (bronze, then the passes of
 * de-duplication and the writes); each asks only for the rows it needs, so a pass that writes bronze does not
 * validate, and one that classifies does not carry the bronze columns.
 */
public final class ParsedBatch implements FlatMapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final LandingFormat format;
  private final Validation validation;
  private final Broadcast<ReferenceData> reference;
  private final BronzeRecords.BatchContext ctx;

  private ParsedBatch(LandingFormat format, Validation validation, Broadcast<ReferenceData> reference,
      BronzeRecords.BatchContext ctx) {
    this.format = format;
    this.validation = validation;
    this.reference = reference;
    this.ctx = ctx;
  }

  /** The bronze rows of the files, in the schema of the format's bronze table. */
  public static ParsedBatch bronze(LandingFormat format, BronzeRecords.BatchContext ctx) {
    return new ParsedBatch(format, null, null, ctx);
  }

  /** The validated rows of the files, in the schema {@link Validation#schema} of the validator's silver table. */
  public static ParsedBatch validated(LandingFormat format, RecordValidator validator,
      Broadcast<ReferenceData> reference, BronzeRecords.BatchContext ctx) {
    return new ParsedBatch(format, new Validation(validator), reference, ctx);
  }

  /** Schema of the rows this pass yields. */
  public StructType schema() {
    return validation == null ? format.bronze().schema() : Validation.schema(validation.silver());
  }

  /** @param file a row of the binaryFile source: path, content */
  @Override
  public Iterator<Row> call(Row file) {
    Iterator<Row> bronze = BronzeRecords.read(format, file.getString(0), (byte[]) file.get(1), ctx);
    if (validation == null) {
      return bronze;
    }
    ReferenceData data = reference.value();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return bronze.hasNext();
      }

      @Override
      public Row next() {
        return RowFactory.create(validation.validate(bronze.next(), data));
      }
    };
  }
}
