package io.liangshai.clickhouse.local.front;

import com.sun.net.httpserver.HttpServer;
import io.liangshai.clickhouse.local.engine.ChdbConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ClickHouse-HTTP front on 127.0.0.1 over one engine connection: enough of the interface for
 * {@code com.clickhouse:clickhouse-jdbc}, {@code @clickhouse/client} and curl. Every request but
 * {@code /ping} needs the per-start password ({@link FrontCredentials}). Request bodies are read
 * concurrently; statements run one at a time.
 */
public final class ChdbHttpServer implements AutoCloseable {

  static final String DISPLAY_NAME = "liangshai-clickhouse-local";
  private static final int HANDLER_THREADS = 8;

  private final HttpServer server;
  private final ExecutorService executor;
  private final SessionlessEngine engine;

  private ChdbHttpServer(HttpServer server, ExecutorService executor, SessionlessEngine engine) {
    this.server = server;
    this.executor = executor;
    this.engine = engine;
  }

  /**
   * Binds to 127.0.0.1:{@code port} ({@code 0} picks a free port) and starts serving.
   *
   * @param spoolDir where insert data waits for the engine to read it
   * @param password what every request but {@code /ping} must carry for the user {@code default}
   */
  public static ChdbHttpServer start(
      ChdbConnection connection, int port, Path spoolDir, String password, boolean trace)
      throws IOException {
    FrontCredentials credentials = new FrontCredentials(password);
    SessionlessEngine engine = new SessionlessEngine(connection);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    ExecutorService executor = Executors.newFixedThreadPool(HANDLER_THREADS, new Named());
    server.setExecutor(executor);
    server.createContext("/ping", new PingHandler());
    server.createContext("/", new QueryHandler(engine, credentials, spoolDir, DISPLAY_NAME, trace));
    server.start();
    return new ChdbHttpServer(server, executor, engine);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops accepting requests, lets the running statement finish, then closes the engine. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    engine.close();
  }

  private static final class Named implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "chdb-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
