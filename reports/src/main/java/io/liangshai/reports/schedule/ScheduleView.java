package io.liangshai.reports.schedule;

import io.liangshai.metadata.BulletinHolds;
import java.time.Instant;
import java.util.List;

/**
 * A series' schedule as the province sees it: the settings, the next period to fall due and when,
 * when Quartz next runs it, how many runs completed since this process started, and the
 * publications held for sign-offs.
 *
 * @param nextPeriod the next period to be published, or null when disabled
 * @param nextDue when it falls due, or null when disabled
 * @param nextRun the trigger's next fire time, or null when disabled
 * @param held the due periods waiting for sign-offs ({@link WaitForSignoff}), oldest first
 */
public record ScheduleView(
    SeriesSchedule schedule,
    String nextPeriod,
    Instant nextDue,
    Instant nextRun,
    long runs,
    List<BulletinHolds.Hold> held) {

  public ScheduleView {
    held = List.copyOf(held);
  }
}
