package io.liangshai.local.process.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One server per test JVM, started on first use. A failed start is remembered and rethrown to every
 * later caller, so each test class fails with the original cause.
 *
 * @param <E> how tests reach the server (its endpoint)
 */
public final class SharedServer<E> {

  private final String server;
  private final Supplier<E> start;
  private E endpoint;
  private RuntimeException failure;

  /**
   * @param server what is started, for the failure message ({@code "ClickHouse"})
   */
  public SharedServer(String server, Supplier<E> start) {
    this.server = server;
    this.start = start;
  }

  /**
   * The server the environment variable {@code env} names, reached through {@code external}; else
   * one {@code local} starts in a temporary directory ({@link #inTemporaryDirectory}), reached
   * through {@code endpoint}.
   *
   * @param server what is started, for the failure message and the directory's name
   */
  public static <E, S extends AutoCloseable> SharedServer<E> externalOrLocal(
      String server,
      String env,
      Function<String, E> external,
      Function<Path, S> local,
      Function<S, E> endpoint) {
    String prefix = "liangshai-test-" + server.toLowerCase(Locale.ROOT) + "-";
    return new SharedServer<>(
        server,
        () ->
            external(env)
                .map(external)
                .orElseGet(() -> endpoint.apply(inTemporaryDirectory(prefix, local))));
  }

  public synchronized E endpoint() {
    if (failure != null) {
      throw new IllegalStateException(server + " for tests could not be started", failure);
    }
    if (endpoint == null) {
      try {
        endpoint = start.get();
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
    }
    return endpoint;
  }

  /** The environment variable {@code name} when it is set and not blank. */
  public static Optional<String> external(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
  }

  /**
   * Starts a server in a new temporary directory; when the JVM exits the server is closed and the
   * directory deleted.
   */
  public static <S extends AutoCloseable> S inTemporaryDirectory(
      String prefix, Function<Path, S> start) {
    Path dir;
    try {
      dir = Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a directory " + prefix + "* for tests", e);
    }
    S server = start.apply(dir);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  close(server);
                  deleteTree(dir);
                },
                prefix + "cleanup"));
    return server;
  }

  private static void close(AutoCloseable server) {
    try {
      server.close();
    } catch (Exception e) {
      // the JVM is exiting; the server's own stop has logged what went wrong
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is not worth failing the build for
    }
  }
}
