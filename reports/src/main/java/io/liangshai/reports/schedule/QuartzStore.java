package io.liangshai.reports.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.quartz.SchedulerException;

/**
 * Quartz's JDBC job store in an embedded H2 database under a directory of its own ({@code
 * $LIANGSHAI_DATA_DIR/scheduler}): the schema that ships in Quartz's jar is applied on first use,
 * and the properties name the store, its pool and a single worker thread.
 */
final class QuartzStore {

  private static final String SCHEMA = "/org/quartz/impl/jdbcjobstore/tables_h2.sql";

  private QuartzStore() {}

  /** The H2 URL of the store in {@code dir}. */
  static String url(Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("quartz") + ";DB_CLOSE_DELAY=0";
  }

  /**
   * Creates {@code dir} and the Quartz tables in it unless they are there.
   *
   * @throws SchedulerException when the H2 job store cannot be opened or created
   */
  static void prepare(Path dir) throws SchedulerException, IOException {
    Files.createDirectories(dir);
    try (Connection c = DriverManager.getConnection(url(dir), "sa", "");
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'QRTZ_JOB_DETAILS'")) {
        rs.next();
        if (rs.getInt(1) > 0) {
          return;
        }
      }
      for (String sql : statements(schema())) {
        st.execute(sql);
      }
    } catch (SQLException e) {
      throw new SchedulerException("the bulletin job store in " + dir + " cannot be prepared", e);
    }
  }

  static Properties properties(String name, Path dir, long misfireThresholdMs) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", name);
    p.setProperty("org.quartz.scheduler.instanceId", "local");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", "1");
    p.setProperty("org.quartz.threadPool.threadNamePrefix", name + "-worker");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty(
        "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", "store");
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(misfireThresholdMs));
    p.setProperty("org.quartz.dataSource.store.provider", "hikaricp");
    p.setProperty("org.quartz.dataSource.store.driver", "org.h2.Driver");
    p.setProperty("org.quartz.dataSource.store.URL", url(dir));
    p.setProperty("org.quartz.dataSource.store.user", "sa");
    p.setProperty("org.quartz.dataSource.store.password", "");
    p.setProperty("org.quartz.dataSource.store.maxConnections", "3");
    return p;
  }

  private static String schema() throws IOException {
    try (InputStream in = QuartzStore.class.getResourceAsStream(SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException("Quartz's " + SCHEMA + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] statements(String script) {
    StringBuilder sql = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    return java.util.Arrays.stream(sql.toString().split(";"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toArray(String[]::new);
  }
}
