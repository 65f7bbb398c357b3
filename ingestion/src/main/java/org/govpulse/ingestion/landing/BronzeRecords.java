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
    int[] formatPosition = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      formatPosition[i] = formatColumns.indexOf(names[i]);
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
          values[i] = formatPosition[i] >= 0 ? rec.values()[formatPosition[i]] : lineage(names[i], rec);
        }
        return RowFactory.create(values);
      }

      private Object lineage(String column, LandingRecords.LandingRecord rec) {
        return switch (column) {
          case Col.STREAM_ID -> ctx.streamId();
          case Col.BATCH_ID -> ctx.batchId();
          case Col.SOURCE_FILE -> path;
          case Col.LINE_NO -> rec.line();
          case Col.ENCODING -> records.encoding();
          case Col.RAW_RECORD -> rec.raw();
          case Col.PARSE_ERROR -> rec.parseError();
          case Col.INGESTED_AT -> ctx.ingestedAt();
          default -> throw new IllegalStateException("bronze column " + column + " has no source");
        };
      }
    };
  }

  /** All rows of a file as a list (tests and small files). */
  public static List<Row> readAll(LandingFormat format, String path, byte[] bytes, BatchContext ctx) {
    List<Row> out = new ArrayList<>();
    read(format, path, bytes, ctx).forEachRemaining(out::add);
    return out;
  }
}
