package io.liangshai.clickhouse.local;

import static io.liangshai.clickhouse.local.testing.Sql.execute;
import static io.liangshai.clickhouse.local.testing.Sql.queryString;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.local.process.testing.ServingAgain;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor: a child that dies is started again on the same port, over the same data. */
class LocalClickHouseSupervisorITCase {

  private static final Duration BACK_WITHIN = Duration.ofSeconds(60);

  @TempDir Path dataDir;

  @Test
  void aKilledChildComesBackOnTheSamePortWithItsData() throws Exception {
    try (LocalClickHouse clickHouse = LocalClickHouse.start(LocalClickHouseConfig.of(dataDir))) {
      String url = clickHouse.jdbcUrl();
      int port = clickHouse.port();
      execute(
          url,
          "CREATE TABLE kept (id UInt32, name String) ENGINE = MergeTree ORDER BY id",
          "INSERT INTO kept VALUES (1, '留存'), (2, 'kept')");
      long firstPid = clickHouse.pid();

      killHard(clickHouse);
      awaitServing(clickHouse, url, 1);

      assertThat(clickHouse.pid()).as("a new child").isNotEqualTo(firstPid);
      assertThat(clickHouse.port()).isEqualTo(port);
      assertThat(clickHouse.jdbcUrl()).isEqualTo(url);
      assertThat(
              queryString(url, "SELECT groupArray(name) FROM (SELECT name FROM kept ORDER BY id)"))
          .isEqualTo("['留存', 'kept']");
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
    // Longer than the supervisor's first back-off and a warm start: nothing comes back.
    Thread.sleep(1000);
    assertThat(clickHouse.isRunning()).isFalse();
    assertThat(clickHouse.restarts()).isZero();
    assertThat(accepts(port)).as("nothing listens on the old port").isFalse();
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

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
