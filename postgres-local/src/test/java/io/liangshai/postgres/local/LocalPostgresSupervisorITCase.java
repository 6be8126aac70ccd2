package io.liangshai.postgres.local;

import static io.liangshai.postgres.local.LocalPostgresLifecycleITCase.execute;
import static io.liangshai.postgres.local.LocalPostgresLifecycleITCase.queryString;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.local.process.testing.ServingAgain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A postmaster that dies is started again on the same port, over the same cluster. */
class LocalPostgresSupervisorITCase {

  private static final Duration BACK_WITHIN = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void aKilledPostmasterComesBackOnTheSamePortWithItsData() throws Exception {
    try (LocalPostgres postgres = LocalPostgres.start(LocalPostgresConfig.of(dir))) {
      execute(postgres, "CREATE TABLE kept (id int)", "INSERT INTO kept VALUES (1), (2)");
      ProcessHandle first = ProcessHandle.of(postgres.postmasterPid()).orElseThrow();

      first.destroyForcibly();
      first.onExit().get(30, TimeUnit.SECONDS);
      awaitServing(postgres, 1);

      assertThat(postgres.postmasterPid()).isNotEqualTo(first.pid());
      assertThat(queryString(postgres, "SELECT sum(id) FROM kept")).isEqualTo("3");
    }
  }

  @Test
  void aClosedServerIsNotStartedAgain() throws Exception {
    LocalPostgres postgres = LocalPostgres.start(LocalPostgresConfig.of(dir));
    int port = postgres.port();
    postgres.close();
    ServingAgain.neverAfterClose("PostgreSQL", postgres::isRunning, postgres::restarts, port);
  }

  private static void awaitServing(LocalPostgres postgres, int restarts)
      throws InterruptedException {
    ServingAgain.await(
        "PostgreSQL",
        BACK_WITHIN,
        postgres::restarts,
        restarts,
        postgres::isRunning,
        () -> assertThat(queryString(postgres, "SELECT 'up'")).isEqualTo("up"));
  }
}
