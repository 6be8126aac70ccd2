package io.liangshai.launcher;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A server starting on a thread of its own while {@link Platform} starts the next one: awaited
 * where it is needed, and closed once it has started (a failed start left nothing open).
 *
 * @param <S> the server started
 */
final class Starting<S extends AutoCloseable> implements AutoCloseable {

  private final CompletableFuture<S> future;

  private Starting(CompletableFuture<S> future) {
    this.future = future;
  }

  /** Runs {@code start} on a thread of its own. */
  static <S extends AutoCloseable> Starting<S> onItsOwnThread(Callable<S> start) {
    return new Starting<>(
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return start.call();
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            }));
  }

  /** The started server, or the failure that stopped it. */
  S await() throws Exception {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** Waits for the start to end and closes the server it started, if it did. */
  @Override
  public void close() throws Exception {
    S server;
    try {
      server = future.join();
    } catch (CompletionException | CancellationException e) {
      return;
    }
    server.close();
  }
}
