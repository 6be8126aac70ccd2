package io.liangshai.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * So many requests per minute per key (a key's hash, a client address), as token buckets in memory:
 * each key may burst up to its minute's allowance, refilled evenly; past that the caller answers
 * 429 with {@code Retry-After}. Per API instance: N instances allow N times the rate.
 */
final class RateLimit {

  private static final long NANOS_PER_MINUTE = 60_000_000_000L;

  private final int perMinute;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimit(int perMinute) {
    this(perMinute, System::nanoTime);
  }

  RateLimit(int perMinute, LongSupplier nanoTime) {
    if (perMinute < 1) {
      throw new IllegalArgumentException(
          "requests per minute must be at least 1, got " + perMinute);
    }
    this.perMinute = perMinute;
    this.nanoTime = nanoTime;
  }

  int perMinute() {
    return perMinute;
  }

  /** Takes a token for {@code key}: 0 when granted, else nanoseconds until one is available. */
  long take(String key) {
    if (buckets.size() > 100_000) {
      buckets.clear();
    }
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, nanoTime.getAsLong()));
    synchronized (bucket) {
      refill(bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - bucket.tokens) * NANOS_PER_MINUTE / perMinute);
    }
  }

  /** Gives back a token taken for {@code key} (the request turned out not to count). */
  void giveBack(String key) {
    Bucket bucket = buckets.get(key);
    if (bucket != null) {
      synchronized (bucket) {
        refill(bucket);
        bucket.tokens = Math.min(perMinute, bucket.tokens + 1);
      }
    }
  }

  /** Whole seconds to wait for {@code waitNanos}, at least 1: the {@code Retry-After} value. */
  static long seconds(long waitNanos) {
    return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
  }

  private void refill(Bucket bucket) {
    long now = nanoTime.getAsLong();
    double refill = (now - bucket.at) * (double) perMinute / NANOS_PER_MINUTE;
    bucket.tokens = Math.min(perMinute, bucket.tokens + refill);
    bucket.at = now;
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }
}
