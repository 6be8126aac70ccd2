package io.liangshai.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.clickhouse.local.LocalClickHouse;
import io.liangshai.clickhouse.local.LocalClickHouseConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ClickHouse that hangs (SIGSTOP) or dies: calls fail within seconds as "unavailable", never wait
 * for ever, and work again once it is back. Its own local ClickHouse, so freezing it stops nobody
 * else's tests.
 */
class WarehouseUnavailableITCase {

  /** A hung call must be given up well within this (the API promises an answer within 3 s). */
  private static final Duration GIVEN_UP_WITHIN = Duration.ofMillis(2800);

  @TempDir Path dataDir;
  private LocalClickHouse clickHouse;

  @BeforeEach
  void start() {
    clickHouse = LocalClickHouse.start(LocalClickHouseConfig.of(dataDir));
  }

  @AfterEach
  void stop() throws Exception {
    signal("CONT", clickHouse.pid());
    clickHouse.close();
  }

  @Test
  void theDriverHonoursTheSocketTimeoutOptionInTheUrl() throws Exception {
    String url = ClickHouseTimeouts.withOption(clickHouse.jdbcUrl(), "socket_timeout", 1000);
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(queryOne(c)).isEqualTo(1);
      signal("STOP", clickHouse.pid());
      long started = System.nanoTime();
      assertThatThrownBy(() -> queryOne(c))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(WarehouseUnavailableException.isUnavailable(e)).isTrue());
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aHungClickHouseFailsCallsInFlightAndRefusesNewOnesAtOnce() throws Exception {
    try (Warehouse warehouse = Warehouse.open(clickHouse.jdbcUrl());
        Connection borrowed = warehouse.connect()) {
      assertThat(queryOne(borrowed)).isEqualTo(1);
      whileHung(
          warehouse,
          () -> {
            // A statement on a connection already lent out: only aborting it can end its socket
            // read.
            assertGivenUp(() -> queryOne(borrowed));
            assertThat(warehouse.isHealthy()).isFalse();
            assertThat(warehouse.probe().state().problem()).contains("/ping");

            long refused = System.nanoTime();
            assertThatThrownBy(warehouse::connect)
                .isInstanceOf(WarehouseUnavailableException.class)
                .hasMessageContaining("unreachable since");
            assertThat(Duration.ofNanos(System.nanoTime() - refused))
                .isLessThan(Duration.ofMillis(200));
          });
    }
  }

  @Test
  void aCallThatBorrowsItsConnectionAsClickHouseHangsIsGivenUpToo() throws Exception {
    try (Warehouse warehouse = Warehouse.open(clickHouse.jdbcUrl())) {
      assertThat(select(warehouse)).isEqualTo(1);
      // Idle for longer than the pool lends a connection without validating it first.
      Thread.sleep(800);
      whileHung(warehouse, () -> assertGivenUp(() -> select(warehouse)));
    }
  }

  @Test
  void aKilledClickHouseIsUnavailableUntilItsSupervisorBringsItBack() throws Exception {
    try (Warehouse warehouse = Warehouse.open(clickHouse.jdbcUrl())) {
      assertThat(select(warehouse)).isEqualTo(1);
      ProcessHandle.of(clickHouse.pid()).orElseThrow().destroyForcibly();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      boolean sawUnavailable = false;
      while (System.nanoTime() < deadline && !sawUnavailable) {
        try {
          select(warehouse);
        } catch (SQLException e) {
          assertThat(WarehouseUnavailableException.isUnavailable(e)).as(e.toString()).isTrue();
          sawUnavailable = true;
        }
      }
      assertThat(sawUnavailable).isTrue();
      awaitAnswer(warehouse);
      assertThat(clickHouse.restarts()).isEqualTo(1);
    }
  }

  /**
   * Stops ClickHouse (SIGSTOP), runs {@code whileHung}, which must be done within {@link
   * #GIVEN_UP_WITHIN} of the stop, then lets ClickHouse go on (SIGCONT) and waits until {@code
   * warehouse} answers again.
   */
  private void whileHung(Warehouse warehouse, Hung whileHung) throws Exception {
    signal("STOP", clickHouse.pid());
    long started = System.nanoTime();
    whileHung.run();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GIVEN_UP_WITHIN);
    signal("CONT", clickHouse.pid());
    awaitAnswer(warehouse);
  }

  /** What a test does while ClickHouse hangs. */
  private interface Hung {
    void run() throws Exception;
  }

  /**
   * {@code call}, on a thread of its own, fails as "unavailable" within {@link #GIVEN_UP_WITHIN}.
   */
  private static void assertGivenUp(Callable<Integer> call) {
    CompletableFuture<Integer> running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return call.call();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(running)
        .failsWithin(GIVEN_UP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)
        .withThrowableThat()
        .satisfies(
            e ->
                assertThat(WarehouseUnavailableException.isUnavailable(e))
                    .as("%s", e.getCause())
                    .isTrue());
  }

  private static void awaitAnswer(Warehouse warehouse) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      try {
        assertThat(select(warehouse)).isEqualTo(1);
        assertThat(warehouse.isHealthy()).isTrue();
        return;
      } catch (SQLException e) {
        last = e;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("ClickHouse did not answer again", last);
  }

  private static int select(Warehouse warehouse) throws SQLException {
    try (Connection c = warehouse.connect()) {
      return queryOne(c);
    }
  }

  private static int queryOne(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void signal(String name, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }
}
