package io.liangshai.reports.schedule;

import io.liangshai.reports.Series;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.quartz.JobDataMap;

/**
 * A {@link SeriesSchedule} as the string properties of its Quartz job (the JDBC job store keeps
 * them as properties, never as serialised Java objects).
 */
final class ScheduleData {

  private static final String SERIES = "series";
  private static final String ENABLED = "enabled";
  private static final String WORKING_DAY = "working_day";
  private static final String TIME = "time";
  private static final String GROUPS = "groups";
  private static final String SCHEME = "scheme";
  private static final String ACTIVE_SINCE = "active_since";

  /**
   * Absent when the schedule does not wait (so the previous release's jobs read as not waiting).
   */
  private static final String WAIT_UNTIL_DAY = "wait_for_signoff_until_day";

  private ScheduleData() {}

  static JobDataMap write(SeriesSchedule s) {
    JobDataMap map = new JobDataMap();
    map.put(SERIES, s.series().id());
    map.put(ENABLED, Boolean.toString(s.enabled()));
    map.put(WORKING_DAY, Integer.toString(s.workingDay()));
    map.put(TIME, s.time().toString());
    map.put(GROUPS, String.join(",", s.groups()));
    map.put(SCHEME, s.scheme());
    map.put(ACTIVE_SINCE, s.activeSince().toString());
    if (s.waitForSignoff() != null) {
      map.put(WAIT_UNTIL_DAY, Integer.toString(s.waitForSignoff().untilDay()));
    }
    return map;
  }

  static SeriesSchedule read(JobDataMap map) {
    String groups = map.getString(GROUPS);
    String waitUntil = map.getString(WAIT_UNTIL_DAY);
    return new SeriesSchedule(
        Series.byId(map.getString(SERIES)).orElseThrow(),
        Boolean.parseBoolean(map.getString(ENABLED)),
        Integer.parseInt(map.getString(WORKING_DAY)),
        LocalTime.parse(map.getString(TIME)),
        groups == null || groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")),
        map.getString(SCHEME),
        Instant.parse(map.getString(ACTIVE_SINCE)),
        waitUntil == null ? null : new WaitForSignoff(Integer.parseInt(waitUntil)));
  }
}
