package org.govpulse.api.service;

import static org.govpulse.core.table.Col.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.govpulse.api.delta.Record;
import org.govpulse.api.snapshot.Derived;
import org.govpulse.api.snapshot.SnapshotStore;
import org.govpulse.api.snapshot.WarehouseSnapshot;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.table.ModelTables;
import org.govpulse.models.forecast.global.GlobalModel;
import org.govpulse.models.pipeline.RegisteredForecasters;
import org.govpulse.models.pipeline.TrainModelsJob;
import org.govpulse.models.sentiment.SentimentClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model registry (meta.models) with provenance and metrics, and the production global forecasters loaded from
 * their Tribuo artifacts for on-demand forecasts.
 */
public final class ModelService {
  private static final Logger LOG = LoggerFactory.getLogger(ModelService.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** model_kind of the global forecasting models. */
  public static final String GLOBAL_FORECASTER = RegisteredForecasters.KIND;
  /** Every model_kind the registry holds. */
  public static final List<String> KINDS = List.of(GLOBAL_FORECASTER, TrainModelsJob.RISK_KIND,
      SentimentClassifier.KIND);
  static final String PRODUCTION = "production";

  /**
   * A production global forecaster read from the registry.
   *
   * @param version registry version name:vN
   * @param model the Tribuo model wrapped for forecasting
   */
  public record Registered(String version, GlobalModel model) {}

  /** Every registered model version as JSON-ready maps, by name then version. */
  public static final Derived<List<Map<String, Object>>> ENTRIES = Derived.of("model registry",
      ModelService::entries, ModelTables.MODELS);
  /** The production global forecasters that could be loaded, and the reasons of those that could not. */
  public static final Derived<Loaded> GLOBALS = Derived.of("global forecasters", ModelService::load,
      ModelTables.MODELS);

  /**
   * Loaded forecasters and load failures.
   *
   * @param models loaded ones
   * @param failures registry version to the reason it could not be loaded
   */
  public record Loaded(List<Registered> models, Map<String, String> failures) {}

  private final SnapshotStore store;

  public ModelService(SnapshotStore store) {
    this.store = store;
  }

  /** The latest version of each model name, with its production version. */
  public Map<String, Object> models(String kind) {
    Map<String, Map<String, Object>> latest = new LinkedHashMap<>();
    for (Map<String, Object> e : store.current().get(ENTRIES)) {
      if (kind == null || kind.equals(e.get(MODEL_KIND))) {
        latest.put((String) e.get(MODEL_NAME), e);
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    latest.forEach((name, e) -> {
      Map<String, Object> m = new LinkedHashMap<>(e);
      m.put("production_version", production(name).map(p -> p.get(VERSION)).orElse(null));
      out.add(m);
    });
    return Envelope.of(out, "version", store.current().version(ModelTables.MODELS));
  }

  /** Every version of one model, newest first. */
  public Map<String, Object> versions(String name) {
    List<Map<String, Object>> out = store.current().get(ENTRIES).stream()
        .filter(e -> name.equals(e.get(MODEL_NAME)))
        .sorted(Comparator.comparing((Map<String, Object> e) -> (Integer) e.get(VERSION)).reversed()).toList();
    if (out.isEmpty()) {
      throw Lookup.notFound("Model " + name, "meta.models", "GET /api/v1/models");
    }
    return Envelope.of(out, MODEL_NAME, name);
  }

  public Map<String, Object> version(String name, int version) {
    return Lookup.found(store.current().get(ENTRIES).stream()
        .filter(e -> name.equals(e.get(MODEL_NAME)) && Integer.valueOf(version).equals(e.get(VERSION))).findFirst(),
        "Model version " + name + ":v" + version, "meta.models", "GET /api/v1/models/" + name);
  }

  /** Production global forecasters of a snapshot. */
  public static List<Registered> globals(WarehouseSnapshot s) {
    return s.get(GLOBALS).models();
  }

  private Optional<Map<String, Object>> production(String name) {
    return store.current().get(ENTRIES).stream()
        .filter(e -> name.equals(e.get(MODEL_NAME)) && PRODUCTION.equals(e.get(STAGE))).findFirst();
  }

  private static List<Map<String, Object>> entries(WarehouseSnapshot s) {
    Map<String, String> failures = s.get(GLOBALS).failures();
    List<Map<String, Object>> out = new ArrayList<>();
    s.rows(ModelTables.MODELS).stream()
        .sorted(Comparator.comparing((Record r) -> r.str(MODEL_NAME)).thenComparing(r -> r.integer(VERSION)))
        .forEach(r -> {
          Map<String, Object> m = r.toMap();
          m.put("registry_version", registryVersion(r));
          m.put(PROVENANCE, parsed(r.str(PROVENANCE)));
          m.put(EVALUATION, parsed(r.str(EVALUATION)));
          String failure = failures.get(registryVersion(r));
          if (failure != null) {
            m.put("load_error", failure);
          }
          out.add(java.util.Collections.unmodifiableMap(m));
        });
    return List.copyOf(out);
  }

  private static String registryVersion(Record r) {
    return r.str(MODEL_NAME) + ":v" + r.integer(VERSION);
  }

  private static Object parsed(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return json;
    }
  }

  private static Loaded load(WarehouseSnapshot s) {
    List<Registered> models = new ArrayList<>();
    Map<String, String> failures = new LinkedHashMap<>();
    for (Record r : s.rows(ModelTables.MODELS)) {
      if (!GLOBAL_FORECASTER.equals(r.str(MODEL_KIND)) || !PRODUCTION.equals(r.str(STAGE))) {
        continue;
      }
      String version = registryVersion(r);
      try {
        models.add(new Registered(version, GlobalModel.load(local(r.str(ARTIFACT_PATH)))));
      } catch (RuntimeException | IOException e) {
        LOG.warn("cannot load {} from {}", version, r.str(ARTIFACT_PATH), e);
        failures.put(version, e.getMessage());
      }
    }
    return new Loaded(List.copyOf(models), Map.copyOf(failures));
  }

  /** A local file for an artifact path: local paths as they are, other Hadoop URIs copied to a temporary file. */
  private static Path local(String artifact) throws IOException {
    if (!GovPulseConfig.isRemote(artifact)) {
      return Path.of(artifact.startsWith("file:") ? URI.create(artifact).getPath() : artifact);
    }
    URI uri = URI.create(artifact);
    Path tmp = Files.createTempFile("govpulse-model-", ".tribuo");
    tmp.toFile().deleteOnExit();
    try (InputStream in = FileSystem.get(uri, new Configuration()).open(new org.apache.hadoop.fs.Path(uri))) {
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
    }
    return tmp;
  }
}
