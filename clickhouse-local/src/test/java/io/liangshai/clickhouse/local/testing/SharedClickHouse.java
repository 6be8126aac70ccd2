package io.liangshai.clickhouse.local.testing;

import io.liangshai.clickhouse.local.ClickHouseEndpoint;
import io.liangshai.clickhouse.local.LocalClickHouseConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One ClickHouse per test JVM, started on first use: the server named by {@code
 * LIANGSHAI_CLICKHOUSE_URL} if set, else a {@code LocalClickHouse} in a temporary directory,
 * stopped and deleted when the JVM exits. A failed start is remembered and rethrown to every later
 * caller, so each test class fails with the original cause.
 */
public final class SharedClickHouse {

  private static ClickHouseEndpoint endpoint;
  private static RuntimeException failure;

  private SharedClickHouse() {}

  public static synchronized ClickHouseEndpoint endpoint() {
    if (failure != null) {
      throw new IllegalStateException("ClickHouse for tests could not be started", failure);
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

  private static ClickHouseEndpoint start() {
    String external = System.getenv(ClickHouseEndpoint.URL_ENV);
    if (external != null && !external.isBlank()) {
      return ClickHouseEndpoint.external(external);
    }
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("liangshai-test-clickhouse-");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a data directory for the test ClickHouse", e);
    }
    ClickHouseEndpoint local = ClickHouseEndpoint.local(LocalClickHouseConfig.of(dataDir));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  local.close();
                  deleteTree(dataDir);
                },
                "test-clickhouse-cleanup"));
    return local;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is not worth failing the build for
    }
  }
}
