package io.liangshai.local.process;

/**
 * A server's stop, run by {@link #close()} or, if the owner never closes it, by a shutdown hook
 * when the JVM exits. The stop itself must be idempotent: the hook may run it after {@code close()}
 * has begun.
 */
public final class StopAtExit implements AutoCloseable {

  private final Runnable stop;
  private final Thread hook;

  /**
   * @param threadName the shutdown hook's thread name ({@code "local-clickhouse-stop"})
   */
  public StopAtExit(String threadName, Runnable stop) {
    this.stop = stop;
    this.hook = new Thread(stop, threadName);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Runs the stop now and forgets the hook. */
  @Override
  public void close() {
    stop.run();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running or has run
    }
  }
}
