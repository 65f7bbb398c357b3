package org.govpulse.ingestion.samplecity;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams derived from the spec's seed, one per concern.
 *
 * <p>A stream is named ({@code "posts"}, {@code "air/station-hour"} plus parts such as a sensor id and a day) and
 * seeded from a 64-bit hash of the seed and the name, so drawing more numbers in one concern (say, more posts) never
 * shifts the numbers of another (the sensor readings).
 */
final class RandomStreams {

  private final long seed;

  RandomStreams(long seed) {
    this.seed = seed;
  }

  /** A fresh stream for a concern; the same name always gives the same sequence. */
  SplittableRandom stream(String concern, Object... parts) {
    long h = fnv1a(concern);
    for (Object part : parts) {
      h = fnv1a(h * 31 + 17, String.valueOf(part));
    }
    return new SplittableRandom(mix(seed ^ mix(h)));
  }

  private static long fnv1a(String s) {
    return fnv1a(0xcbf29ce484222325L, s);
  }

  private static long fnv1a(long start, String s) {
    long h = start;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** The SplitMix64 finaliser: spreads nearby inputs over the whole 64-bit range. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * Standard normal draw (Box-Muller with {@link StrictMath}), so that the numbers are the same on every JVM and
   * platform; {@code SplittableRandom.nextGaussian()} uses platform maths in its tails.
   */
  static double gaussian(SplittableRandom r) {
    double u1 = 1.0 - r.nextDouble();
    double u2 = r.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }

  /** Uniform draw in [lo, hi). */
  static double uniform(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  /** Index drawn with probability proportional to the weights. */
  static int weighted(SplittableRandom r, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = r.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** One element picked uniformly. */
  static <T> T pick(SplittableRandom r, T[] items) {
    return items[r.nextInt(items.length)];
  }

  /** One element picked uniformly. */
  static <T> T pick(SplittableRandom r, java.util.List<T> items) {
    return items.get(r.nextInt(items.size()));
  }
}
