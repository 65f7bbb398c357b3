package org.govpulse.api.service;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Per-key token buckets: a key holds at most {@code burst} tokens, earns {@code perMinute / 60} per second, and each
 * request spends one. A key's own limit (see {@link ApiKey#rateLimitPerMinute()}) replaces the default; 0 means no
 * limit.
 */
public final class RateLimiter {
  /**
   * The verdict on one request.
   *
   * @param allowed whether it may proceed
   * @param limit the key's requests per minute (0: unlimited)
   * @param remaining whole tokens left
   * @param retryAfterSeconds when refused, seconds until a token is there (at least 1)
   */
  public record Decision(boolean allowed, int limit, long remaining, long retryAfterSeconds) {}

  private final int defaultPerMinute;
  private final int burst;
  private final LongSupplier nanoTime;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(int defaultPerMinute, int burst, LongSupplier nanoTime) {
    if (defaultPerMinute < 0 || burst < 1) {
      throw org.govpulse.core.error.Errors.configValueInvalid("govpulse.api.rate-limit-per-minute / burst",
          defaultPerMinute + " / " + burst, "a rate of 0 or more and a burst of at least 1");
    }
    this.defaultPerMinute = defaultPerMinute;
    this.burst = burst;
    this.nanoTime = nanoTime;
  }

  /** Spends a token of the key, if it has one. */
  public Decision acquire(ApiKey key) {
    int perMinute = key.rateLimitPerMinute() != null ? key.rateLimitPerMinute() : defaultPerMinute;
    if (perMinute == 0) {
      return new Decision(true, 0, Long.MAX_VALUE, 0);
    }
    Bucket b = buckets.computeIfAbsent(key.id(), k -> new Bucket(burst, nanoTime.getAsLong()));
    return b.take(perMinute, burst, nanoTime.getAsLong());
  }

  private static final class Bucket {
    private double tokens;
    private long last;

    Bucket(int burst, long now) {
      this.tokens = burst;
      this.last = now;
    }

    synchronized Decision take(int perMinute, int burst, long now) {
      double perNano = perMinute / 60e9;
      tokens = Math.min(burst, tokens + (now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return new Decision(true, perMinute, (long) tokens, 0);
      }
      long wait = (long) Math.ceil((1 - tokens) / perNano / 1e9);
      return new Decision(false, perMinute, 0, Math.max(1, wait));
    }
  }
}
