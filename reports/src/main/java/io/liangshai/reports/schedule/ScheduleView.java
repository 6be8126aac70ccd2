package io.liangshai.reports.schedule;

import java.time.Instant;

/**
 * A series' schedule as the province sees it: the settings, the next period to fall due and when,
 * when Quartz next runs it, and how many runs completed since this process started.
 *
 * @param nextPeriod the next period to be published, or null when disabled
 * @param nextDue when it falls due, or null when disabled
 * @param nextRun the trigger's next fire time, or null when disabled
 */
public record ScheduleView(
    SeriesSchedule schedule, String nextPeriod, Instant nextDue, Instant nextRun, long runs) {}
