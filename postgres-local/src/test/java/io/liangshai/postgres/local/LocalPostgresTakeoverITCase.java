package io.liangshai.postgres.local;

import static io.liangshai.postgres.local.LocalPostgresLifecycleITCase.execute;
import static io.liangshai.postgres.local.LocalPostgresLifecycleITCase.queryString;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.local.process.testing.ParentJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server dies with its owner, and a new owner takes over after a crash, never attaching. */
class LocalPostgresTakeoverITCase {

  private static final Duration GONE_WITHIN = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void thePostmasterDiesWhenItsParentJvmIsKilled() throws Exception {
    try (ParentJvm parent = ParentJvm.start(ParentProcess.class, dir.toString())) {
      ProcessHandle postmaster = parent.killAndAwaitExit(ParentProcess.POSTMASTER_PID, GONE_WITHIN);

      assertThat(postmaster.isAlive()).as("the postmaster died with its parent").isFalse();
      assertThat(dir.resolve("pgdata/postmaster.pid"))
          .as("the watchdog asked for a clean shutdown")
          .doesNotExist();
    }
  }

  @Test
  void startsOverAPidFileWhosePostmasterIsDead() throws Exception {
    LocalPostgres crashed = LocalPostgres.start(LocalPostgresConfig.of(dir));
    crashed.stopSupervising(); // the owner crashed with its server
    execute(crashed, "CREATE TABLE kept (id int)", "INSERT INTO kept VALUES (7)");
    ProcessHandle postmaster = ProcessHandle.of(crashed.postmasterPid()).orElseThrow();
    postmaster.destroyForcibly();
    postmaster.onExit().get(GONE_WITHIN.toSeconds(), TimeUnit.SECONDS);
    assertThat(dir.resolve("pgdata/postmaster.pid")).as("left by the crash").exists();
    crashed.close();

    try (LocalPostgres next = LocalPostgres.start(LocalPostgresConfig.of(dir))) {
      assertThat(next.postmasterPid()).isNotEqualTo(postmaster.pid());
      assertThat(queryString(next, "SELECT sum(id) FROM kept")).isEqualTo("7");
    }
  }

  @Test
  void stopsAPostmasterLeftRunningInsteadOfAttachingToIt() throws Exception {
    LocalPostgres orphan = LocalPostgres.start(LocalPostgresConfig.of(dir));
    orphan.stopSupervising(); // as if its owner were gone
    try {
      execute(orphan, "CREATE TABLE kept (id int)", "INSERT INTO kept VALUES (3)");
      ProcessHandle old = ProcessHandle.of(orphan.postmasterPid()).orElseThrow();

      try (LocalPostgres next = LocalPostgres.start(LocalPostgresConfig.of(dir))) {
        assertThat(old.isAlive()).as("the earlier postmaster was stopped").isFalse();
        assertThat(next.postmasterPid()).isNotEqualTo(old.pid());
        assertThat(StalePostmaster.pid(dir.resolve("pgdata/postmaster.pid")))
            .contains(next.postmasterPid());
        assertThat(queryString(next, "SELECT sum(id) FROM kept")).isEqualTo("3");
      }
    } finally {
      orphan.close();
    }
  }

  @Test
  void removesAPidFileWhosePidNowBelongsToAnotherProgram() throws Exception {
    try (LocalPostgres first = LocalPostgres.start(LocalPostgresConfig.of(dir))) {
      execute(first, "CREATE TABLE kept (id int)");
    }
    Path pidFile = dir.resolve("pgdata/postmaster.pid");
    Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + dir.resolve("pgdata") + "\n");

    try (LocalPostgres next = LocalPostgres.start(LocalPostgresConfig.of(dir))) {
      assertThat(ProcessHandle.current().isAlive()).isTrue();
      assertThat(queryString(next, "SELECT count(*) FROM kept")).isEqualTo("0");
    }
  }
}
