package io.liangshai.clickhouse.local;

import static io.liangshai.clickhouse.local.testing.Sql.execute;
import static io.liangshai.clickhouse.local.testing.Sql.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.local.process.testing.ParentJvm;
import io.liangshai.local.process.testing.ServingAgain;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting, stopping and losing the child process: the supervisor starts a child that dies again on
 * the same port, over the same data.
 */
class LocalClickHouseLifecycleITCase {

  private static final Duration CHILD_EXIT = Duration.ofSeconds(40);
  private static final Duration BACK_WITHIN = Duration.ofSeconds(60);

  @TempDir Path dataDir;

  @Test
  void keepsDataAcrossARestartOnTheSameDirectory() throws SQLException {
    try (LocalClickHouse first = LocalClickHouse.start(LocalClickHouseConfig.of(dataDir))) {
      writeKeptRows(first.jdbcUrl());
    }
    try (LocalClickHouse second = LocalClickHouse.start(LocalClickHouseConfig.of(dataDir))) {
      assertKeptRows(second.jdbcUrl());
    }
  }

  @Test
  void refusesADataDirectoryAnotherProcessHolds() {
    try (LocalClickHouse first = LocalClickHouse.start(LocalClickHouseConfig.of(dataDir))) {
      assertThatThrownBy(() -> LocalClickHouse.start(LocalClickHouseConfig.of(dataDir)))
          .isInstanceOf(DataDirectoryLockedException.class)
          .hasMessageContaining(dataDir.toAbsolutePath().toString())
          .hasMessageContaining("another liangshai");
      assertThat(first.isRunning()).isTrue();
    }
  }

  @Test
  void closeStopsTheChildCleanlyAndIsIdempotent() {
    LocalClickHouse clickHouse = LocalClickHouse.start(LocalClickHouseConfig.of(dataDir));
    clickHouse.close();
    assertThat(clickHouse.isRunning()).isFalse();
    assertThat(clickHouse.process().exitValue())
        .as("SIGTERM closes the engine and exits normally")
        .isZero();
    clickHouse.close();
  }

  @Test
  void childExitsWhenItsStdinCloses() throws Exception {
    try (LocalClickHouse clickHouse = LocalClickHouse.start(LocalClickHouseConfig.of(dataDir))) {
      clickHouse.process().getOutputStream().close();
      assertThat(clickHouse.process().waitFor(CHILD_EXIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(clickHouse.process().exitValue()).isZero();
    }
  }

  @Test
  void childExitsWhenItsParentIsKilled() throws Exception {
    try (ParentJvm parent = ParentJvm.start(ParentProcess.class, dataDir.toString())) {
      ProcessHandle child = parent.killAndAwaitExit(ParentProcess.CHILD_PID, CHILD_EXIT);

      assertThat(child.isAlive()).as("the child died with its parent").isFalse();
    }
  }

  @Test
  void aKilledChildComesBackOnTheSamePortWithItsData() throws Exception {
    try (LocalClickHouse clickHouse = LocalClickHouse.start(LocalClickHouseConfig.of(dataDir))) {
      String url = clickHouse.jdbcUrl();
      int port = clickHouse.port();
      writeKeptRows(url);
      long firstPid = clickHouse.pid();

      killHard(clickHouse);
      awaitServing(clickHouse, url, 1);

      assertThat(clickHouse.pid()).as("a new child").isNotEqualTo(firstPid);
      assertThat(clickHouse.port()).isEqualTo(port);
      assertThat(clickHouse.jdbcUrl()).isEqualTo(url);
      assertKeptRows(url);
      execute(url, "INSERT INTO kept VALUES (3, 'after the restart')");
      assertThat(queryString(url, "SELECT toString(count()) FROM kept")).isEqualTo("3");
    }
  }

  @Test
  void comesBackAgainAfterASecondKill() throws Exception {
    try (LocalClickHouse clickHouse = LocalClickHouse.start(LocalClickHouseConfig.of(dataDir))) {
      String url = clickHouse.jdbcUrl();
      execute(url, "CREATE TABLE t (id UInt32) ENGINE = MergeTree ORDER BY id");
      killHard(clickHouse);
      awaitServing(clickHouse, url, 1);
      execute(url, "INSERT INTO t VALUES (1)");
      killHard(clickHouse);
      awaitServing(clickHouse, url, 2);
      assertThat(queryString(url, "SELECT toString(sum(id)) FROM t")).isEqualTo("1");
    }
  }

  @Test
  void aClosedClickHouseIsNotStartedAgain() throws Exception {
    LocalClickHouse clickHouse = LocalClickHouse.start(LocalClickHouseConfig.of(dataDir));
    int port = clickHouse.port();
    clickHouse.close();
    assertThat(clickHouse.process().exitValue()).as("stopped cleanly by SIGTERM").isZero();
    ServingAgain.neverAfterClose("ClickHouse", clickHouse::isRunning, clickHouse::restarts, port);
  }

  /** Table {@code kept} on disk (MergeTree) with two rows, to be found again after a restart. */
  private static void writeKeptRows(String url) throws SQLException {
    execute(
        url,
        "CREATE TABLE kept (id UInt32, name String) ENGINE = MergeTree ORDER BY id",
        "INSERT INTO kept VALUES (1, '留存'), (2, 'kept')");
  }

  private static void assertKeptRows(String url) throws SQLException {
    assertThat(queryString(url, "SELECT groupArray(name) FROM (SELECT name FROM kept ORDER BY id)"))
        .isEqualTo("['留存', 'kept']");
  }

  private static void killHard(LocalClickHouse clickHouse) throws InterruptedException {
    Process child = clickHouse.process();
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  private static void awaitServing(LocalClickHouse clickHouse, String url, int restarts)
      throws InterruptedException {
    ServingAgain.await(
        "the local ClickHouse",
        BACK_WITHIN,
        clickHouse::restarts,
        restarts,
        clickHouse::isRunning,
        () -> assertThat(queryString(url, "SELECT 'up'")).isEqualTo("up"));
  }
}
