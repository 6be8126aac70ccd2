package io.liangshai.clickhouse.local;

import static io.liangshai.clickhouse.local.testing.Sql.execute;
import static io.liangshai.clickhouse.local.testing.Sql.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.local.process.testing.ParentJvm;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, stopping and losing the child process. */
class LocalClickHouseLifecycleITCase {

  private static final Duration CHILD_EXIT = Duration.ofSeconds(40);

  @TempDir Path dataDir;

  @Test
  void keepsDataAcrossARestartOnTheSameDirectory() throws SQLException {
    try (LocalClickHouse first = LocalClickHouse.start(LocalClickHouseConfig.of(dataDir))) {
      execute(
          first.jdbcUrl(),
          "CREATE TABLE kept (id UInt32, name String) ENGINE = MergeTree ORDER BY id",
          "INSERT INTO kept VALUES (1, '留存'), (2, 'kept')");
    }
    try (LocalClickHouse second = LocalClickHouse.start(LocalClickHouseConfig.of(dataDir))) {
      assertThat(queryString(second.jdbcUrl(), "SELECT groupArray(name) FROM kept"))
          .isEqualTo("['留存', 'kept']");
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
      long childPid = parent.awaitPid(ParentProcess.CHILD_PID);
      assertThat(childPid).as("the parent reported its child").isPositive();
      Optional<ProcessHandle> child = ProcessHandle.of(childPid);
      assertThat(child).isPresent();

      parent.kill();

      assertThat(child.get().onExit().get(CHILD_EXIT.toSeconds(), TimeUnit.SECONDS).isAlive())
          .isFalse();
    }
  }
}
