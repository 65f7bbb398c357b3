package org.govpulse.models.sentiment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.govpulse.models.registry.ModelRegistry;

/**
 * The sentiment models of this JVM, by registry version. A Spark executor deserialises a broadcast model the first
 * time one of its tasks needs that version and every later task of the JVM reuses it: the model is loaded once per
 * executor, not per row or partition.
 */
public final class SentimentModelCache {
  /** Versions kept at most; an older one is dropped when a new one arrives (rescoring after a promotion). */
  static final int CAPACITY = 2;

  private static final Map<String, SentimentClassifier> MODELS = new ConcurrentHashMap<>();
  private static final AtomicInteger LOADS = new AtomicInteger();

  private SentimentModelCache() {}

  /** The classifier of a version, deserialised from {@code bytes} only when this JVM does not hold it yet. */
  public static SentimentClassifier get(String version, Supplier<byte[]> bytes) {
    SentimentClassifier c = MODELS.get(version);
    if (c != null) {
      return c;
    }
    synchronized (MODELS) {
      return MODELS.computeIfAbsent(version, v -> {
        if (MODELS.size() >= CAPACITY) {
          MODELS.clear();
        }
        LOADS.incrementAndGet();
        return SentimentClassifier.wrap(ModelRegistry.fromBytes(bytes.get(), v), v);
      });
    }
  }

  /** How many times a model was deserialised in this JVM (for tests and the benchmark). */
  public static int loads() {
    return LOADS.get();
  }
}
