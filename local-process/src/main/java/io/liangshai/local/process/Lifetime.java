package io.liangshai.local.process;

/**
 * The lifetime of a server a JVM owns: open until {@link #close()} or, if the owner never closes
 * it, until the JVM exits (a shutdown hook); the server's stop runs once, at whichever comes first.
 * A restart swaps the server's process in with {@link #ifOpen}, so that a close never misses the
 * process it must stop.
 */
public final class Lifetime implements AutoCloseable {

  private final Runnable stop;
  private final Thread hook;
  private boolean closed;

  /**
   * @param hookName the shutdown hook's thread name ({@code "local-clickhouse-stop"})
   * @param stop stops the server; runs once, after this lifetime is marked closed
   */
  public Lifetime(String hookName, Runnable stop) {
    this.stop = stop;
    this.hook = new Thread(this::end, hookName);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  /**
   * Runs {@code change} unless closed, atomically with the start of a close.
   *
   * @return false (and {@code change} did not run) when closed
   */
  public synchronized boolean ifOpen(Runnable change) {
    if (closed) {
      return false;
    }
    change.run();
    return true;
  }

  /** Stops the server unless it was stopped already, and forgets the shutdown hook. */
  @Override
  public void close() {
    end();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running or has run
    }
  }

  private void end() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    stop.run();
  }
}
