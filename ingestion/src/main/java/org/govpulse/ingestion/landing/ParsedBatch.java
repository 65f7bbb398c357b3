package org.govpulse.ingestion.landing;

import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.govpulse.core.table.TableContract;
import org.govpulse.ingestion.validate.ReferenceData;
import org.govpulse.ingestion.validate.RecordValidator;
import org.govpulse.ingestion.validate.Validation;

/**
 * One pass over the landing files of a batch: each record is read into its bronze row and validated at once, so the
 * files are parsed once and the bronze rows need not be read back. A row of the result holds the bronze columns
 * (prefixed {@value #BRONZE_PREFIX}) followed by the validated columns of {@link Validation#schema}.
 */
public final class ParsedBatch implements FlatMapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  /** Prefix of the bronze columns in a parsed row. */
  public static final String BRONZE_PREFIX = "_bronze_";

  private final LandingFormat format;
  private final Validation validation;
  private final Broadcast<ReferenceData> reference;
  private final BronzeRecords.BatchContext ctx;

  public ParsedBatch(LandingFormat format, RecordValidator validator, Broadcast<ReferenceData> reference,
      BronzeRecords.BatchContext ctx) {
    this.format = format;
    this.validation = new Validation(validator);
    this.reference = reference;
    this.ctx = ctx;
  }

  /** Schema of the parsed rows. */
  public static StructType schema(TableContract bronze, TableContract silver) {
    StructType s = new StructType();
    for (StructField f : bronze.schema().fields()) {
      s = s.add(BRONZE_PREFIX + f.name(), f.dataType(), f.nullable());
    }
    for (StructField f : Validation.schema(silver).fields()) {
      s = s.add(f);
    }
    return s;
  }

  /** @param file a row of the binaryFile source: path, content */
  @Override
  public Iterator<Row> call(Row file) {
    Iterator<Row> bronze = BronzeRecords.read(format, file.getString(0), (byte[]) file.get(1), ctx);
    ReferenceData data = reference.value();
    int bronzeWidth = format.bronze().columns().size();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return bronze.hasNext();
      }

      @Override
      public Row next() {
        Row b = bronze.next();
        Object[] validated = validation.validate(b, data);
        Object[] all = new Object[bronzeWidth + validated.length];
        for (int i = 0; i < bronzeWidth; i++) {
          all[i] = b.get(i);
        }
        System.arraycopy(validated, 0, all, bronzeWidth, validated.length);
        return RowFactory.create(all);
      }
    };
  }
}
