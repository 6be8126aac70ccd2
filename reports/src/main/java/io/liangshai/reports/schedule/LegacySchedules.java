package io.liangshai.reports.schedule;

import io.liangshai.reports.Series;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.quartz.JobDataMap;
import org.quartz.SchedulerException;

/**
 * The schedules the previous release kept in its per-process H2 job store ({@code
 * $LIANGSHAI_DATA_DIR/scheduler/quartz.mv.db}): the only record of what the province set (working
 * day, time, groups, scheme, enabled since when), as its jobs' {@link ScheduleData}. Read at start
 * and handed to {@link BulletinScheduler#start(javax.sql.DataSource, List,
 * io.liangshai.reports.BulletinPublisher, java.time.Clock, BulletinScheduler.Options)}, which
 * adopts them for a series the PostgreSQL store has no job for yet, so an upgraded data directory
 * keeps its schedules. The file is opened read-only and left as it was (a downgrade can still use
 * it).
 */
public final class LegacySchedules {

  /** The H2 file the previous release kept its job store in. */
  public static final String FILE = "quartz.mv.db";

  /** Each job's properties, Quartz's {@code useProperties} form: {@link Properties#store}. */
  private static final String JOBS =
      "SELECT JOB_DATA FROM QRTZ_JOB_DETAILS WHERE JOB_GROUP = ? ORDER BY SCHED_NAME, JOB_NAME";

  private LegacySchedules() {}

  /**
   * The schedules of the store in {@code dir}, one per series; none when there is no store there (a
   * data directory that never ran the previous release).
   *
   * @throws SchedulerException naming the file when it is there but cannot be read
   */
  public static List<SeriesSchedule> read(Path dir) throws SchedulerException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("quartz") + ";ACCESS_MODE_DATA=r";
    List<SeriesSchedule> schedules = new ArrayList<>();
    Set<Series> seen = EnumSet.noneOf(Series.class);
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        PreparedStatement st = c.prepareStatement(JOBS)) {
      st.setString(1, BulletinScheduler.GROUP);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          SeriesSchedule schedule = schedule(rs.getBytes(1));
          if (seen.add(schedule.series())) {
            schedules.add(schedule);
          }
        }
      }
    } catch (SQLException | IOException | RuntimeException e) {
      throw new SchedulerException(
          "the previous release's bulletin schedules in " + file + " cannot be read: " + e, e);
    }
    return List.copyOf(schedules);
  }

  private static SeriesSchedule schedule(byte[] jobData) throws IOException {
    Properties properties = new Properties();
    properties.load(new ByteArrayInputStream(jobData));
    return ScheduleData.read(new JobDataMap(properties));
  }
}
