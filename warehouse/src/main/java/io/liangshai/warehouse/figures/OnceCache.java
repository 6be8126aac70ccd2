package io.liangshai.warehouse.figures;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers kept by key, where identical requests arriving together are computed once: the first
 * computes, the others wait for its answer. A failure is not kept: every request waiting for it
 * gets the failure itself (not wrapped), and the next one computes again. Past {@code limit}
 * entries every entry but the newest is dropped.
 *
 * @param <X> the checked failure of a computation ({@code RuntimeException} for none)
 */
final class OnceCache<K, V, X extends Exception> {

  /** Computes the answer of a key not kept. */
  interface Computation<V, X extends Exception> {
    V compute() throws X;
  }

  private final int limit;
  private final Class<X> failure;
  private final ConcurrentHashMap<K, CompletableFuture<V>> entries = new ConcurrentHashMap<>();

  OnceCache(int limit, Class<X> failure) {
    this.limit = limit;
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /** The answer kept for {@code key}, else the one {@code computation} makes (and keeps). */
  V get(K key, Computation<V, X> computation) throws X {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> shared = entries.putIfAbsent(key, mine);
    if (shared != null) {
      try {
        return shared.join();
      } catch (CompletionException e) {
        entries.remove(key, shared);
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (failure.isInstance(e.getCause())) {
          throw failure.cast(e.getCause());
        }
        throw e;
      }
    }
    try {
      V value = computation.compute();
      mine.complete(value);
      if (entries.size() > limit) {
        entries.keySet().removeIf(k -> !k.equals(key));
      }
      return value;
    } catch (Exception e) {
      mine.completeExceptionally(e);
      entries.remove(key, mine);
      throw e;
    }
  }
}
