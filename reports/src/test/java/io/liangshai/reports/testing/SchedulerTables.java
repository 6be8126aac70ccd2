package io.liangshai.reports.testing;

import io.liangshai.metadata.testing.MetadataExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Quartz's tables in a test class's migrated metadata database ({@link MetadataExtension}): the job
 * store the class's bulletin schedulers share, emptied and read back.
 *
 * <pre>{@code
 * @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();
 * static final SchedulerTables SCHEDULER = new SchedulerTables(METADATA);
 *
 * BulletinScheduler.start(METADATA.dataSource(), publisher, clock, options);
 * SCHEDULER.instances();
 * }</pre>
 */
public final class SchedulerTables {

  /** Children before parents, so the foreign keys hold while emptying. */
  private static final List<String> TABLES =
      List.of(
          "qrtz_fired_triggers",
          "qrtz_cron_triggers",
          "qrtz_simple_triggers",
          "qrtz_simprop_triggers",
          "qrtz_blob_triggers",
          "qrtz_triggers",
          "qrtz_job_details",
          "qrtz_calendars",
          "qrtz_paused_trigger_grps",
          "qrtz_scheduler_state",
          "qrtz_locks");

  private final MetadataExtension metadata;

  public SchedulerTables(MetadataExtension metadata) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
  }

  /** Empties the job store, as if no scheduler had ever run on it (no scheduler may be running). */
  public void clear() throws SQLException {
    try (Connection c = metadata.connect();
        Statement st = c.createStatement()) {
      for (String table : TABLES) {
        st.executeUpdate("DELETE FROM " + table);
      }
    }
  }

  /** The ids of the scheduler instances checked in to the store, sorted. */
  public List<String> instances() throws SQLException {
    return strings("SELECT instance_name FROM qrtz_scheduler_state ORDER BY instance_name");
  }

  /** When the trigger of {@code series} last fired (ms since the epoch), or 0 if never. */
  public long lastFired(String series) throws SQLException {
    String sql =
        "SELECT coalesce(max(prev_fire_time), 0) FROM qrtz_triggers WHERE trigger_name = ?";
    return Long.parseLong(strings(sql, series).get(0));
  }

  private List<String> strings(String sql, String... parameters) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = metadata.connect();
        PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        st.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    }
    return values;
  }
}
