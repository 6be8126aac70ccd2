package io.liangshai.reports.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * What the province changes in a series' schedule; a null field keeps its current value.
 *
 * @param groups an empty list restores the four standard groups
 */
public record ScheduleChange(
    Boolean enabled, Integer workingDay, LocalTime time, List<String> groups, String scheme) {

  SeriesSchedule applyTo(SeriesSchedule current, Instant now) {
    SeriesSchedule changed =
        current.with(
            workingDay == null ? current.workingDay() : workingDay,
            time == null ? current.time() : time,
            groups == null ? current.groups() : groups,
            scheme == null ? current.scheme() : scheme);
    return enabled == null ? changed : changed.withEnabled(enabled, now);
  }
}
