package org.govpulse.models.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Model;

/**
 * Tribuo provenance as JSON (OLCUT's marshalled form, which {@code ProvenanceUtil.unmarshalProvenance} reads back),
 * and the fingerprint of a training: the provenance with its timestamps removed, so that the same data, trainer
 * configuration and seed give the same fingerprint whenever they are trained.
 */
public final class Provenances {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Provenances() {}

  /** The model's provenance as indented JSON. */
  public static String json(Model<?> model) {
    return new JsonProvenanceSerialization(true).serializeToString(
        ProvenanceUtil.marshalProvenance(model.getProvenance()));
  }

  /**
   * SHA-256 (hex) of the provenance of a model and its companions without timestamps, the training table versions
   * and the model name.
   */
  public static String fingerprint(String name, Model<?> model, Map<String, Model<?>> companions,
      Map<String, Long> trainingTables) {
    StringBuilder sb = new StringBuilder(name).append('\n').append(timeless(json(model)));
    new TreeMap<>(companions).forEach((k, m) -> sb.append('\n').append(k).append('\n').append(timeless(json(m))));
    new TreeMap<>(trainingTables).forEach((t, v) -> sb.append('\n').append(t).append('=').append(v));
    return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Hex SHA-256 of bytes. */
  public static String sha256(byte[] bytes) {
    try {
      StringBuilder hex = new StringBuilder(64);
      for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON with every timestamp entry removed. */
  static String timeless(String provenanceJson) {
    try {
      JsonNode root = JSON.readTree(provenanceJson);
      strip(root);
      return JSON.writeValueAsString(root);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("provenance JSON written by OLCUT is unreadable", e);
    }
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = ((ObjectNode) node).fields();
      while (it.hasNext()) {
        JsonNode child = it.next().getValue();
        if (child.isObject() && DateTimeProvenance.class.getName().equals(child.path("provenance-class").asText())) {
          it.remove();
        } else {
          strip(child);
        }
      }
    } else if (node.isArray()) {
      node.forEach(Provenances::strip);
    }
  }
}
