package io.liangshai.postgres.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.security.auth.module.UnixSystem;
import io.liangshai.local.process.testing.ServingAgain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, logging in, restarting and stopping. */
class LocalPostgresLifecycleITCase {

  @TempDir Path dir;

  @Test
  void keepsDataAcrossARestartOnTheSameDirectory() throws SQLException {
    try (LocalPostgres first = LocalPostgres.start(LocalPostgresConfig.of(dir))) {
      execute(
          first,
          "CREATE TABLE kept (id int PRIMARY KEY, name text)",
          "INSERT INTO kept VALUES (1, '留存'), (2, 'kept')");
    }
    try (LocalPostgres second = LocalPostgres.start(LocalPostgresConfig.of(dir))) {
      assertThat(queryString(second, "SELECT string_agg(name, ',' ORDER BY id) FROM kept"))
          .isEqualTo("留存,kept");
      assertThat(queryString(second, "SHOW server_version")).startsWith("17.");
    }
  }

  @Test
  void aTransactionCommitsOrRollsBack() throws SQLException {
    try (LocalPostgres postgres = LocalPostgres.start(LocalPostgresConfig.of(dir));
        Connection c = postgres.connect("postgres")) {
      execute(postgres, "CREATE TABLE t (id int)");
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO t VALUES (1)");
        c.commit();
        s.execute("INSERT INTO t VALUES (2)");
        c.rollback();
      }
      assertThat(queryString(postgres, "SELECT count(*) FROM t")).isEqualTo("1");
    }
  }

  @Test
  void tcpLoginsNeedThePassword() throws SQLException, IOException {
    try (LocalPostgres postgres = LocalPostgres.start(LocalPostgresConfig.of(dir))) {
      assertThat(postgres.password()).hasSize(64);
      for (String wrong : new String[] {"", "postgres", postgres.password() + "x"}) {
        Properties credentials = new Properties();
        credentials.setProperty("user", postgres.user());
        credentials.setProperty("password", wrong);
        assertThatThrownBy(
                () -> DriverManager.getConnection(postgres.jdbcUrl("postgres"), credentials))
            .isInstanceOf(SQLException.class);
      }
      assertThat(queryString(postgres, "SELECT 'in'")).isEqualTo("in");
      assertThat(Files.getPosixFilePermissions(postgres.config().passwordFile()))
          .extracting(Object::toString)
          .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }
  }

  @Test
  void runsAsNobodyWhenThisJvmIsRoot() {
    try (LocalPostgres postgres = LocalPostgres.start(LocalPostgresConfig.of(dir))) {
      String user =
          ProcessHandle.of(postgres.postmasterPid()).orElseThrow().info().user().orElseThrow();
      boolean root = new UnixSystem().getUid() == 0;
      assertThat(user).isEqualTo(root ? "nobody" : System.getProperty("user.name"));
    }
  }

  @Test
  void closeStopsThePostmasterAndIsIdempotent() throws Exception {
    LocalPostgres postgres = LocalPostgres.start(LocalPostgresConfig.of(dir));
    ProcessHandle postmaster = ProcessHandle.of(postgres.postmasterPid()).orElseThrow();
    postgres.close();
    assertThat(postmaster.isAlive()).isFalse();
    assertThat(postgres.isRunning()).isFalse();
    assertThat(ServingAgain.accepts(postgres.port()))
        .as("nothing listens on the old port")
        .isFalse();
    assertThat(dir.resolve("pgdata/postmaster.pid")).as("a clean shutdown").doesNotExist();
    postgres.close();
  }

  static void execute(LocalPostgres postgres, String... statements) throws SQLException {
    try (Connection c = postgres.connect("postgres");
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  static String queryString(LocalPostgres postgres, String sql) throws SQLException {
    try (Connection c = postgres.connect("postgres");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
