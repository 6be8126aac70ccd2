package io.liangshai.reports.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * What the province changes in a series' schedule; a null field keeps its current value.
 *
 * @param groups an empty list restores the four standard groups
 * @param waitForSignoff null keeps the option as it is; empty stops waiting for sign-offs
 */
public record ScheduleChange(
    Boolean enabled,
    Integer workingDay,
    LocalTime time,
    List<String> groups,
    String scheme,
    Optional<WaitForSignoff> waitForSignoff) {

  /** A change that leaves {@code wait_for_signoff} as it is. */
  public ScheduleChange(
      Boolean enabled, Integer workingDay, LocalTime time, List<String> groups, String scheme) {
    this(enabled, workingDay, time, groups, scheme, null);
  }

  SeriesSchedule applyTo(SeriesSchedule current, Instant now) {
    SeriesSchedule changed =
        current.with(
            workingDay == null ? current.workingDay() : workingDay,
            time == null ? current.time() : time,
            groups == null ? current.groups() : groups,
            scheme == null ? current.scheme() : scheme);
    if (waitForSignoff != null) {
      changed = changed.withWaitForSignoff(waitForSignoff.orElse(null));
    }
    return enabled == null ? changed : changed.withEnabled(enabled, now);
  }
}
