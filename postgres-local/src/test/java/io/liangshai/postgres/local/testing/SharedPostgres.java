package io.liangshai.postgres.local.testing;

import io.liangshai.postgres.local.LocalPostgres;
import io.liangshai.postgres.local.LocalPostgresConfig;
import io.liangshai.postgres.local.PostgresEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One PostgreSQL per test JVM, started on first use: the server named by {@code
 * LIANGSHAI_POSTGRES_URL} if set, else a {@link LocalPostgres} in a temporary directory, stopped
 * and deleted when the JVM exits. A failed start is remembered and rethrown to every later caller,
 * so each test class fails with the original cause.
 */
public final class SharedPostgres {

  private static PostgresEndpoint endpoint;
  private static RuntimeException failure;

  private SharedPostgres() {}

  public static synchronized PostgresEndpoint endpoint() {
    if (failure != null) {
      throw new IllegalStateException("PostgreSQL for tests could not be started", failure);
    }
    if (endpoint == null) {
      try {
        endpoint = start();
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
    }
    return endpoint;
  }

  private static PostgresEndpoint start() {
    String external = System.getenv(PostgresEndpoint.URL_ENV);
    if (external != null && !external.isBlank()) {
      return PostgresEndpoint.parse(external);
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("liangshai-test-postgres-");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a directory for the test PostgreSQL", e);
    }
    LocalPostgres local = LocalPostgres.start(LocalPostgresConfig.of(dir));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  local.close();
                  deleteTree(dir);
                },
                "test-postgres-cleanup"));
    return local.endpoint();
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is not worth failing the build for
    }
  }
}
