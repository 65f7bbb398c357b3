package org.govpulse.models.registry;

import static org.govpulse.core.table.Col.*;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.ModelTables;
import org.tribuo.Model;

/**
 * The model registry: meta.models plus the artifacts of each version under {@code <warehouse>/models/<name>/v<N>/}
 * ({@code model.tribuo}, {@code provenance.json}, {@code evaluation.json}, and companion models). Artifacts go
 * through Hadoop's FileSystem, so the warehouse may be local, HDFS or S3.
 *
 * <p>Registering writes the artifacts first and then inserts the row with a Delta MERGE that inserts only when
 * neither the version nor the fingerprint is taken, so a re-run of the same training returns the version already
 * registered and two concurrent registrations never share a version. Stage changes (promote, roll back) change
 * both rows involved in one MERGE, so readers never see two production versions of a name.
 */
public final class ModelRegistry {
  static final String MODEL_FILE = "model.tribuo";
  static final String PROVENANCE_FILE = "provenance.json";
  static final String EVALUATION_FILE = "evaluation.json";
  private static final int ATTEMPTS = 5;

  private final Warehouse warehouse;
  private final Configuration hadoop;

  public ModelRegistry(Warehouse warehouse) {
    this.warehouse = warehouse;
    this.hadoop = warehouse.spark().sparkContext().hadoopConfiguration();
  }

  /**
   * What {@link #register} did.
   *
   * @param model the registered version (new, or the one already registered for the same training)
   * @param created false when the same training was registered before
   */
  public record Registered(RegisteredModel model, boolean created) {}

  /** A stage change: the production version before and after. */
  public record Transition(RegisteredModel from, RegisteredModel to) {}

  /** Registers a trained model; see the class comment for why a re-run adds nothing. */
  public Registered register(Registration r) {
    warehouse.ensure(ModelTables.MODELS);
    String fingerprint = Provenances.fingerprint(r.name(), r.model(), r.companions(), r.trainingTables());
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      List<RegisteredModel> versions = versionsOrEmpty(r.name());
      Optional<RegisteredModel> same = versions.stream().filter(v -> v.fingerprint().equals(fingerprint)).findFirst();
      if (same.isPresent()) {
        RegisteredModel existing = same.get();
        return new Registered(r.promote() && !existing.isProduction()
            ? promote(r.name(), existing.version(), "promoted at registration") : existing, false);
      }
      int version = versions.stream().mapToInt(RegisteredModel::version).max().orElse(0) + 1;
      String folder = folder(r.name(), version);
      writeArtifacts(folder, r);
      RegisteredModel row = new RegisteredModel(r.name(), version, r.kind(), RegisteredModel.CANDIDATE,
          folder + "/" + MODEL_FILE, fingerprint, Provenances.json(r.model()), r.metrics(), r.evaluationJson(),
          r.trainingTables(), Instant.now(), null, null, r.note());
      warehouse.spark().sparkContext().setJobDescription("govpulse models: register " + row.id());
      warehouse.delta(ModelTables.MODELS).as("t")
          .merge(frame(List.of(row)).as("s"), "t." + MODEL_NAME + " = s." + MODEL_NAME + " AND (t." + VERSION
              + " = s." + VERSION + " OR t." + FINGERPRINT + " = s." + FINGERPRINT + ")")
          .whenNotMatched().insertAll()
          .execute();
      List<RegisteredModel> after = versionsOrEmpty(r.name());
      Optional<RegisteredModel> mine = after.stream().filter(v -> v.fingerprint().equals(fingerprint)).findFirst();
      if (mine.isPresent() && mine.get().version() == version) {
        boolean first = after.stream().noneMatch(RegisteredModel::isProduction);
        RegisteredModel out = r.promote() || first
            ? promote(r.name(), version, first ? "first version of " + r.name() : "promoted at registration")
            : mine.get();
        return new Registered(out, true);
      }
      // another registration took this version (or registered the same training) at the same time: look again
    }
    throw org.govpulse.core.error.Errors.conflict("Could not register " + r.name() + " after " + ATTEMPTS
        + " attempts", "other registrations of the same name kept taking the next version",
        "Re-run the training; registering is safe to repeat");
  }

  /** Every registered version, by name and version. */
  public List<RegisteredModel> list() {
    if (!warehouse.exists(ModelTables.MODELS)) {
      return List.of();
    }
    List<RegisteredModel> out = new ArrayList<>();
    for (Row r : warehouse.read(ModelTables.MODELS).collectAsList()) {
      out.add(fromRow(r));
    }
    out.sort(Comparator.comparing(RegisteredModel::name).thenComparingInt(RegisteredModel::version));
    return out;
  }

  /** The versions of a name, oldest first; fails when the name is unknown. */
  public List<RegisteredModel> versions(String name) {
    List<RegisteredModel> all = list();
    List<RegisteredModel> mine = all.stream().filter(m -> m.name().equals(name)).toList();
    if (mine.isEmpty()) {
      throw RegistryErrors.unknownName(name, new TreeSet<>(all.stream().map(RegisteredModel::name).toList()));
    }
    return mine;
  }

  private List<RegisteredModel> versionsOrEmpty(String name) {
    return list().stream().filter(m -> m.name().equals(name)).toList();
  }

  /** The model a reference names: {@code NAME:vN}, or for {@code NAME} its production version, else its latest. */
  public RegisteredModel get(ModelRef ref) {
    List<RegisteredModel> versions = versions(ref.name());
    if (ref.version() == null) {
      return versions.stream().filter(RegisteredModel::isProduction).findFirst()
          .orElse(versions.get(versions.size() - 1));
    }
    return versions.stream().filter(v -> v.version() == ref.version()).findFirst().orElseThrow(() ->
        RegistryErrors.unknownVersion(ref.name(), ref.version(),
            versions.stream().map(RegisteredModel::version).toList()));
  }

  /** The production version of a name, if it has one (and is registered at all). */
  public Optional<RegisteredModel> production(String name) {
    return versionsOrEmpty(name).stream().filter(RegisteredModel::isProduction).findFirst();
  }

  /** The production version of a name; fails clearly when the name is unknown or has none. */
  public RegisteredModel requireProduction(String name) {
    return versions(name).stream().filter(RegisteredModel::isProduction).findFirst()
        .orElseThrow(() -> RegistryErrors.noProduction(name));
  }

  /**
   * Makes a version the production one; the previous production version becomes archived. Promoting the
   * production version again changes nothing.
   */
  public RegisteredModel promote(String name, int version, String reason) {
    List<RegisteredModel> versions = versions(name);
    RegisteredModel target = versions.stream().filter(v -> v.version() == version).findFirst().orElseThrow(() ->
        RegistryErrors.unknownVersion(name, version, versions.stream().map(RegisteredModel::version).toList()));
    if (target.isProduction()) {
      return target;
    }
    Instant now = Instant.now();
    List<RegisteredModel> changed = new ArrayList<>();
    versions.stream().filter(RegisteredModel::isProduction).findFirst().ifPresent(p ->
        changed.add(withStage(p, RegisteredModel.ARCHIVED, p.promotedAt(), p.rolledBackAt(),
            note(p.note(), "superseded by " + target.id() + " " + now))));
    RegisteredModel promoted = withStage(target, RegisteredModel.PRODUCTION, now, null,
        note(target.note(), "promoted " + now + (reason == null || reason.isBlank() ? "" : ": " + reason)));
    changed.add(promoted);
    updateStages(changed, "promote " + target.id());
    return promoted;
  }

  /**
   * Puts back the version that was in production before the current one (the latest promoted before it that was
   * not rolled back itself); the current one becomes archived and is skipped by later rollbacks.
   */
  public Transition rollback(String name, String reason) {
    List<RegisteredModel> versions = versions(name);
    RegisteredModel current = versions.stream().filter(RegisteredModel::isProduction).findFirst()
        .orElseThrow(() -> RegistryErrors.noProduction(name));
    RegisteredModel previous = versions.stream()
        .filter(v -> v.version() != current.version() && v.promotedAt() != null && v.rolledBackAt() == null
            && v.promotedAt().isBefore(current.promotedAt()))
        .max(Comparator.comparing(RegisteredModel::promotedAt))
        .orElseThrow(() -> RegistryErrors.nothingToRollBackTo(name, current.id()));
    Instant now = Instant.now();
    String why = reason == null || reason.isBlank() ? "" : ": " + reason;
    RegisteredModel archived = withStage(current, RegisteredModel.ARCHIVED, current.promotedAt(), now,
        note(current.note(), "rolled back to " + previous.id() + " " + now + why));
    RegisteredModel restored = withStage(previous, RegisteredModel.PRODUCTION, previous.promotedAt(), null,
        note(previous.note(), "back in production by rollback from " + current.id() + " " + now + why));
    updateStages(List.of(archived, restored), "rollback " + name);
    return new Transition(current, restored);
  }

  /** The Tribuo model of a version. */
  public Model<?> load(RegisteredModel m) {
    return deserialize(m.id(), m.artifactPath());
  }

  /** A companion model stored with a version (see {@link Registration#companions()}), if there is one. */
  public Optional<Model<?>> loadCompanion(RegisteredModel m, String key) {
    String path = m.folder() + "/" + key + ".tribuo";
    try {
      Path p = new Path(path);
      if (!p.getFileSystem(hadoop).exists(p)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw RegistryErrors.artifactUnreadable(path, e);
    }
    return Optional.of(deserialize(m.id(), path));
  }

  /** The serialised model as bytes (Tribuo's protobuf format), e.g. to broadcast it to executors. */
  public byte[] artifactBytes(RegisteredModel m) {
    Path p = new Path(m.artifactPath());
    try (InputStream in = p.getFileSystem(hadoop).open(p)) {
      return in.readAllBytes();
    } catch (FileNotFoundException e) {
      throw RegistryErrors.artifactMissing(m.id(), m.artifactPath());
    } catch (IOException e) {
      throw RegistryErrors.artifactUnreadable(m.artifactPath(), e);
    }
  }

  /** Reads a model from Tribuo's serialised bytes. */
  public static Model<?> fromBytes(byte[] bytes, String what) {
    try {
      return Model.deserializeFromStream(new java.io.ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw RegistryErrors.artifactUnreadable(what, e);
    }
  }

  /** Fails unless the version is of the given kind. */
  public static RegisteredModel requireKind(RegisteredModel m, String kind) {
    if (!m.kind().equals(kind)) {
      throw RegistryErrors.wrongKind(m.id(), m.kind(), kind);
    }
    return m;
  }

  private Model<?> deserialize(String id, String path) {
    Path p = new Path(path);
    try (InputStream in = p.getFileSystem(hadoop).open(p)) {
      return Model.deserializeFromStream(in);
    } catch (FileNotFoundException e) {
      throw RegistryErrors.artifactMissing(id, path);
    } catch (IOException | RuntimeException e) {
      throw RegistryErrors.artifactUnreadable(path, e);
    }
  }

  private String folder(String name, int version) {
    String root = warehouse.root().endsWith("/") ? warehouse.root().substring(0, warehouse.root().length() - 1)
        : warehouse.root();
    String base = root + "/models/" + name + "/v" + version;
    try {
      Path p = new Path(base);
      return p.getFileSystem(hadoop).makeQualified(p).toString();
    } catch (IOException e) {
      throw RegistryErrors.artifactUnwritable(base, e);
    }
  }

  private void writeArtifacts(String folder, Registration r) {
    write(folder + "/" + MODEL_FILE, serialize(r.model()));
    write(folder + "/" + PROVENANCE_FILE, Provenances.json(r.model()).getBytes(StandardCharsets.UTF_8));
    write(folder + "/" + EVALUATION_FILE, r.evaluationJson().getBytes(StandardCharsets.UTF_8));
    r.companions().forEach((k, m) -> write(folder + "/" + k + ".tribuo", serialize(m)));
  }

  private static byte[] serialize(Model<?> m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      m.serializeToStream(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void write(String path, byte[] bytes) {
    Path p = new Path(path);
    try (OutputStream out = p.getFileSystem(hadoop).create(p, true)) {
      out.write(bytes);
    } catch (IOException e) {
      throw RegistryErrors.artifactUnwritable(path, e);
    }
  }

  private void updateStages(List<RegisteredModel> changed, String what) {
    warehouse.spark().sparkContext().setJobDescription("govpulse models: " + what);
    Map<String, String> set = new HashMap<>();
    for (String c : List.of(STAGE, PROMOTED_AT, ROLLED_BACK_AT, NOTE)) {
      set.put(c, "s." + c);
    }
    warehouse.delta(ModelTables.MODELS).as("t")
        .merge(frame(changed).as("s"), "t." + MODEL_NAME + " = s." + MODEL_NAME + " AND t." + VERSION + " = s."
            + VERSION)
        .whenMatched().updateExpr(set)
        .execute();
  }

  private static String note(String old, String added) {
    return old == null || old.isBlank() ? added : old + "; " + added;
  }

  private static RegisteredModel withStage(RegisteredModel m, String stage, Instant promoted, Instant rolledBack,
      String note) {
    return new RegisteredModel(m.name(), m.version(), m.kind(), stage, m.artifactPath(), m.fingerprint(),
        m.provenance(), m.metrics(), m.evaluation(), m.trainingTables(), m.createdAt(), promoted, rolledBack, note);
  }

  private org.apache.spark.sql.Dataset<Row> frame(List<RegisteredModel> models) {
    List<Row> rows = new ArrayList<>();
    for (RegisteredModel m : models) {
      rows.add(RowFactory.create(m.name(), m.version(), m.kind(), m.stage(), m.artifactPath(), m.fingerprint(),
          m.provenance(), m.metrics(), m.evaluation(), m.trainingTables(), Timestamp.from(m.createdAt()),
          ts(m.promotedAt()), ts(m.rolledBackAt()), m.note()));
    }
    return warehouse.spark().createDataFrame(rows, ModelTables.MODELS.schema());
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(Row r, String column) {
    Timestamp t = r.getAs(column);
    return t == null ? null : t.toInstant();
  }

  private static RegisteredModel fromRow(Row r) {
    return new RegisteredModel(r.getAs(MODEL_NAME), r.<Integer>getAs(VERSION), r.getAs(MODEL_KIND), r.getAs(STAGE),
        r.getAs(ARTIFACT_PATH), r.getAs(FINGERPRINT), r.getAs(PROVENANCE),
        r.<String, Double>getJavaMap(r.fieldIndex(METRICS)), r.getAs(EVALUATION),
        r.<String, Long>getJavaMap(r.fieldIndex(TRAINING_TABLES)), instant(r, CREATED_AT), instant(r, PROMOTED_AT),
        instant(r, ROLLED_BACK_AT), r.getAs(NOTE));
  }
}
