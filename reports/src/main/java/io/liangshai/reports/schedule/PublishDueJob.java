package io.liangshai.reports.schedule;

import io.liangshai.core.time.Period;
import io.liangshai.reports.Bulletin;
import io.liangshai.reports.BulletinPublisher;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a series' schedule: publishes every period that has fallen due (by {@link DueDates})
 * and has no bulletin yet, oldest first. A period that has one is left alone, so a repeated,
 * recovered or misfired run publishes nothing twice. Never runs twice at once for a series.
 */
@DisallowConcurrentExecution
public final class PublishDueJob implements Job {

  static final String PUBLISHER = "liangshai.publisher";
  static final String CLOCK = "liangshai.clock";
  static final String DUE_DATES = "liangshai.dueDates";
  static final String RUNS = "liangshai.runs";

  private static final Logger LOG = LoggerFactory.getLogger(PublishDueJob.class);

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    SeriesSchedule schedule = ScheduleData.read(context.getMergedJobDataMap());
    try {
      var shared = context.getScheduler().getContext();
      BulletinPublisher publisher = (BulletinPublisher) shared.get(PUBLISHER);
      Clock clock = (Clock) shared.get(CLOCK);
      DueDates dueDates = (DueDates) shared.get(DUE_DATES);
      if (schedule.enabled()) {
        List<Period> due = dueDates.duePeriods(schedule, clock.instant());
        for (Period period : due) {
          Optional<Bulletin> published =
              publisher.publishScheduled(
                  schedule.series(), period, schedule.groups(), schedule.scheme());
          published.ifPresent(
              b -> LOG.info("scheduled bulletin {} for {} {}", b.id(), b.series(), b.period()));
        }
      }
      ((RunCounter) shared.get(RUNS)).ran(schedule.series());
    } catch (SchedulerException | RuntimeException e) {
      LOG.error("scheduled bulletins of {} failed; the next run retries", schedule.series(), e);
      throw new JobExecutionException(e, false);
    }
  }
}
