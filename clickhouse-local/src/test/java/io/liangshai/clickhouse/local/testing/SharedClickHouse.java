package io.liangshai.clickhouse.local.testing;

import io.liangshai.clickhouse.local.ClickHouseEndpoint;
import io.liangshai.clickhouse.local.LocalClickHouseConfig;
import io.liangshai.local.process.testing.SharedServer;

/**
 * One ClickHouse per test JVM, started on first use: the server named by {@code
 * LIANGSHAI_CLICKHOUSE_URL} if set, else a {@code LocalClickHouse} in a temporary directory,
 * stopped and deleted when the JVM exits. A failed start is remembered and rethrown to every later
 * caller, so each test class fails with the original cause.
 */
public final class SharedClickHouse {

  private static final SharedServer<ClickHouseEndpoint> SERVER =
      SharedServer.externalOrLocal(
          "ClickHouse",
          ClickHouseEndpoint.URL_ENV,
          ClickHouseEndpoint::external,
          dir -> ClickHouseEndpoint.local(LocalClickHouseConfig.of(dir)),
          local -> local);

  private SharedClickHouse() {}

  public static ClickHouseEndpoint endpoint() {
    return SERVER.endpoint();
  }
}
