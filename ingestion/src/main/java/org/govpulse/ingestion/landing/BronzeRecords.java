package org.govpulse.ingestion.landing;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.govpulse.core.table.Col;
import org.govpulse.core.table.TableContract;

/**
 * Turns the bytes of one landing file into bronze rows with their lineage. Nothing is dropped here: a record that
 * cannot be split into the format's columns carries a {@code parse_error} and is quarantined by validation.
 */
public final class BronzeRecords {
  private BronzeRecords() {}

  /** Batch-level lineage stamped on every row. */
  public record BatchContext(String streamId, long batchId, Timestamp ingestedAt) implements java.io.Serializable {}

  /** Lazily yields the bronze rows of a file, in file order. */
  public static Iterator<Row> read(LandingFormat format, String path, byte[] bytes, BatchContext ctx) {
    LandingRecords records = new LandingRecords(format, bytes);
    TableContract bronze = format.bronze();
    String[] names = bronze.columnNames();
    List<String> formatColumns = format.columnNames();
    // Where each bronze column comes from, worked out once per file: a field of the record (its position among the
    // format's columns) or a lineage value.
    int[] formatPosition = new int[names.length];
    Lineage[] lineage = new Lineage[names.length];
    for (int i = 0; i < names.length; i++) {
      formatPosition[i] = formatColumns.indexOf(names[i]);
      lineage[i] = formatPosition[i] >= 0 ? null : Lineage.of(names[i]);
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public Row next() {
        LandingRecords.LandingRecord rec = records.next();
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
          values[i] = lineage[i] == null ? rec.values()[formatPosition[i]] : switch (lineage[i]) {
            case STREAM_ID -> ctx.streamId();
            case BATCH_ID -> ctx.batchId();
            case SOURCE_FILE -> path;
            case LINE_NO -> rec.line();
            case ENCODING -> records.encoding();
            case RAW_RECORD -> rec.raw();
            case PARSE_ERROR -> rec.parseError();
            case INGESTED_AT -> ctx.ingestedAt();
          };
        }
        return RowFactory.create(values);
      }
    };
  }

  /** The bronze columns that are not fields of the landing record. */
  private enum Lineage {
    STREAM_ID(Col.STREAM_ID), BATCH_ID(Col.BATCH_ID), SOURCE_FILE(Col.SOURCE_FILE), LINE_NO(Col.LINE_NO),
    ENCODING(Col.ENCODING), RAW_RECORD(Col.RAW_RECORD), PARSE_ERROR(Col.PARSE_ERROR), INGESTED_AT(Col.INGESTED_AT);

    private final String column;

    Lineage(String column) {
      this.column = column;
    }

    static Lineage of(String column) {
      for (Lineage l : values()) {
        if (l.column.equals(column)) {
          return l;
        }
      }
      throw new IllegalStateException("bronze column " + column + " has no source");
    }
  }

  /** All rows of a file as a list (tests and small files). */
  public static List<Row> readAll(LandingFormat format, String path, byte[] bytes, BatchContext ctx) {
    List<Row> out = new ArrayList<>();
    read(format, path, bytes, ctx).forEachRemaining(out::add);
    return out;
  }
}
