package org.govpulse.ingestion.reference;

import static org.govpulse.core.table.Col.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.IngestTables;
import org.govpulse.core.table.TableContract;
import org.govpulse.ingestion.landing.LandingRecords;
import org.govpulse.ingestion.landing.LandingFormat;
import org.govpulse.ingestion.validate.Reason;
import org.govpulse.ingestion.validate.ReferenceData;
import org.govpulse.ingestion.validate.Rejection;

/**
 * Loads the reference files of the landing area. A file whose content changed since it was last loaded replaces its
 * table in one commit; an unchanged file is skipped; rejected records go to quarantine. Files load in dependency
 * order so that, for example, sensors are checked against the regions just loaded.
 */
public final class ReferenceLoader {
  private final Warehouse warehouse;
  private final String landing;

  public ReferenceLoader(Warehouse warehouse, String landing) {
    this.warehouse = warehouse;
    this.landing = landing;
  }

  /** What happened to one reference file. */
  public record FileResult(String file, String status, long rows, long rejected, Map<String, Long> reasons) {}

  /** The outcome of a reference load and the reference data now in force. */
  public record Result(List<FileResult> files, ReferenceData reference) {}

  public Result execute() {
    warehouse.spark().sparkContext().setJobDescription("govpulse ingest: reference files");
    Map<String, String> loaded = loadedHashes();
    List<FileResult> results = new ArrayList<>();
    Map<TableContract, List<Row>> current = new HashMap<>();
    List<Row> snapshots = new ArrayList<>();
    for (ReferenceFiles.ReferenceFile file : ReferenceFiles.all()) {
      TableContract table = file.table();
      Path path = new Path(landing + "/reference/" + file.fileName());
      byte[] bytes = readIfExists(path);
      String hash = bytes == null ? null : sha256(bytes);
      if (bytes == null || hash.equals(loaded.get(table.qualifiedName()))) {
        current.put(table, warehouse.exists(table) ? warehouse.read(table).collectAsList() : List.of());
        results.add(new FileResult(file.fileName(), bytes == null ? "missing" : "unchanged",
            current.get(table).size(), 0, Map.of()));
        continue;
      }
      ReferenceData soFar = ReferenceReader.build(t -> current.getOrDefault(t, List.of()));
      Loaded l = load(file, path.toString(), bytes, hash, soFar);
      current.put(table, l.accepted());
      results.add(l.result());
      snapshots.add(RowFactory.create(table.qualifiedName(), path.toString(), hash, Timestamp.from(Instant.now())));
    }
    if (!snapshots.isEmpty()) {
      recordSnapshots(snapshots);
    }
    return new Result(results, ReferenceReader.build(t -> current.getOrDefault(t, List.of())));
  }

  private record Loaded(FileResult result, List<Row> accepted) {}

  private Loaded load(ReferenceFiles.ReferenceFile file, String path, byte[] bytes, String hash,
      ReferenceData ref) {
    Timestamp now = Timestamp.from(Instant.now());
    LandingFormat format = file.format();
    List<Row> accepted = new ArrayList<>();
    List<Row> rejected = new ArrayList<>();
    Map<String, Long> reasons = new HashMap<>();
    Set<List<Object>> keys = new HashSet<>();
    List<String> names = List.of(file.table().columnNames());
    List<Object[]> pendingRegions = new ArrayList<>();
    for (LandingRecords.LandingRecord rec : LandingRecords.readAll(format, bytes)) {
      String error = rec.parseError();
      Rejection rejection = error == null ? null : Reason.ofParseError(error).because(error);
      ReferenceRecords.Result r = rejection == null
          ? ReferenceRecords.convert(file, rec.asMap(format), ref) : null;
      if (r != null) {
        rejection = r.rejection();
      }
      if (rejection == null) {
        List<Object> key = file.table().key().stream().map(k -> r.values()[names.indexOf(k)]).toList();
        if (!keys.add(key)) {
          rejection = Reason.REFERENCE_INVALID.because("duplicate key " + key);
        }
      }
      if (rejection != null) {
        reasons.merge(rejection.reason().code(), 1L, Long::sum);
        rejected.add(RowFactory.create(format.source(), path, rec.line(), rec.raw(), rejection.reason().code(),
            rejection.detail(), -1L, now));
      } else if (file == ReferenceFiles.REGIONS) {
        pendingRegions.add(r.values());
      } else {
        accepted.add(new GenericRowWithSchema(r.values(), file.table().schema()));
      }
    }
    if (file == ReferenceFiles.REGIONS) {
      checkParents(pendingRegions, file.table().schema(), accepted, rejected, reasons, format.source(), path, now);
    }
    warehouse.overwrite(warehouse.spark().createDataFrame(accepted, file.table().schema()), file.table());
    if (!rejected.isEmpty()) {
      warehouse.appendOnce(warehouse.spark().createDataFrame(rejected, IngestTables.QUARANTINE.schema()),
          IngestTables.QUARANTINE, "govpulse/reference/" + file.fileName() + "/" + hash, 0);
    }
    return new Loaded(new FileResult(file.fileName(), "loaded", accepted.size(), rejected.size(), reasons),
        accepted);
  }

  /** Records which file content each reference table now holds, in one commit. */
  private void recordSnapshots(List<Row> changed) {
    warehouse.ensure(IngestTables.REFERENCE_SNAPSHOTS);
    warehouse.delta(IngestTables.REFERENCE_SNAPSHOTS).as("t")
        .merge(warehouse.spark().createDataFrame(changed, IngestTables.REFERENCE_SNAPSHOTS.schema()).as("s"),
            "t." + TABLE_NAME + " = s." + TABLE_NAME)
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .execute();
  }

  /** Regions name their parent; a parent that is not in the file is an inconsistent record. */
  private static void checkParents(List<Object[]> regions, StructType schema, List<Row> accepted,
      List<Row> rejected, Map<String, Long> reasons, String source, String path, Timestamp now) {
    List<String> names = List.of(schema.fieldNames());
    Set<String> codes = new HashSet<>();
    regions.forEach(v -> codes.add((String) v[names.indexOf(REGION_CODE)]));
    for (Object[] v : regions) {
      String parent = (String) v[names.indexOf(PARENT_CODE)];
      if (parent != null && !codes.contains(parent)) {
        reasons.merge(Reason.REFERENCE_INVALID.code(), 1L, Long::sum);
        rejected.add(RowFactory.create(source, path, -1L, String.valueOf(v[names.indexOf(REGION_CODE)]),
            Reason.REFERENCE_INVALID.code(), "parent region " + parent + " is not in regions.csv", -1L, now));
      } else {
        accepted.add(new GenericRowWithSchema(v, schema));
      }
    }
  }


  private Map<String, String> loadedHashes() {
    Map<String, String> out = new HashMap<>();
    if (warehouse.exists(IngestTables.REFERENCE_SNAPSHOTS)) {
      for (Row r : warehouse.read(IngestTables.REFERENCE_SNAPSHOTS).collectAsList()) {
        out.put(r.getAs(TABLE_NAME), r.getAs(CONTENT_HASH));
      }
    }
    return out;
  }

  private byte[] readIfExists(Path path) {
    try {
      FileSystem fs = path.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        return null;
      }
      try (InputStream in = fs.open(path)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + path, e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
