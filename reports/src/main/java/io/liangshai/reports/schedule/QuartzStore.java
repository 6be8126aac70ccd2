package io.liangshai.reports.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz's JDBC job store, clustered, on the platform's metadata PostgreSQL: the tables come from
 * metadata's migration {@code V6__quartz.sql} (Quartz's own {@code tables_postgres.sql}), the
 * connections from the metadata {@link DataSource} the platform already pools. Every process of the
 * platform is an instance of the one scheduler {@value #NAME} (instance id {@code AUTO}); the
 * instances check in every {@link BulletinScheduler.Options#checkinIntervalMs()} and one that stops
 * checking in has its running jobs recovered by another, so each trigger fires on one instance
 * only.
 */
final class QuartzStore {

  /** The scheduler's name: the same in every process, which is what makes them one cluster. */
  static final String NAME = "liangshai-bulletins";

  private QuartzStore() {}

  /**
   * A new, not yet started instance of the scheduler on {@code dataSource}.
   *
   * @throws IllegalStateException when this JVM runs an instance already (one per process: Quartz
   *     knows its schedulers by name)
   */
  static Scheduler scheduler(DataSource dataSource, BulletinScheduler.Options options)
      throws SchedulerException {
    if (SchedulerRepository.getInstance().lookup(NAME) != null) {
      throw new IllegalStateException(
          "a bulletin scheduler runs in this JVM already; close it before starting another");
    }
    register(dataSource);
    return new StdSchedulerFactory(properties(options)).getScheduler();
  }

  /**
   * Hands {@code dataSource} to Quartz under {@value #NAME}: Quartz takes a connection per
   * transaction and returns it; its shutdown leaves the data source open, the platform owns it.
   */
  private static void register(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    DBConnectionManager.getInstance()
        .addConnectionProvider(
            NAME,
            new ConnectionProvider() {
              @Override
              public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
              }

              @Override
              public void shutdown() {}

              @Override
              public void initialize() {}
            });
  }

  private static Properties properties(BulletinScheduler.Options options) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", NAME);
    p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", "1");
    p.setProperty("org.quartz.threadPool.threadNamePrefix", NAME + "-worker");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", NAME);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty(
        "org.quartz.jobStore.clusterCheckinInterval", Long.toString(options.checkinIntervalMs()));
    p.setProperty(
        "org.quartz.jobStore.misfireThreshold", Long.toString(options.misfireThresholdMs()));
    return p;
  }
}
