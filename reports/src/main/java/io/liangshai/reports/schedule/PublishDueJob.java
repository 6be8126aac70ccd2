package io.liangshai.reports.schedule;

import io.liangshai.core.time.Period;
import io.liangshai.reports.Bulletin;
import io.liangshai.reports.BulletinPublisher;
import java.time.Clock;
import java.time.Instant;
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
 * and has no bulletin yet, oldest first, unless {@link SignoffGate} holds it for the month's
 * sign-offs. A period that has one is left alone, so a repeated, recovered or misfired run
 * publishes nothing twice. Never runs twice at once for a series (in the whole cluster).
 */
@DisallowConcurrentExecution
public final class PublishDueJob implements Job {

  static final String PUBLISHER = "liangshai.publisher";
  static final String CLOCK = "liangshai.clock";
  static final String DUE_DATES = "liangshai.dueDates";
  static final String RUNS = "liangshai.runs";
  static final String GATE = "liangshai.signoffGate";

  private static final Logger LOG = LoggerFactory.getLogger(PublishDueJob.class);

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    SeriesSchedule schedule = ScheduleData.read(context.getMergedJobDataMap());
    try {
      var shared = context.getScheduler().getContext();
      BulletinPublisher publisher = (BulletinPublisher) shared.get(PUBLISHER);
      Clock clock = (Clock) shared.get(CLOCK);
      DueDates dueDates = (DueDates) shared.get(DUE_DATES);
      SignoffGate gate = (SignoffGate) shared.get(GATE);
      if (schedule.enabled()) {
        Instant now = clock.instant();
        for (Period period : dueDates.duePeriods(schedule, now)) {
          SignoffGate.Verdict verdict = gate.check(schedule, period, now);
          if (verdict == SignoffGate.Verdict.HOLD) {
            continue;
          }
          Optional<Bulletin> published =
              publisher.publishScheduled(
                  schedule.series(), period, schedule.groups(), schedule.scheme());
          published.ifPresent(
              b -> LOG.info("scheduled bulletin {} for {} {}", b.id(), b.series(), b.period()));
          gate.wentAhead(
              schedule,
              period,
              published.isPresent() ? verdict : SignoffGate.Verdict.PUBLISHED,
              now);
        }
      }
      ((RunCounter) shared.get(RUNS)).ran(schedule.series());
    } catch (SchedulerException | RuntimeException e) {
      LOG.error("scheduled bulletins of {} failed; the next run retries", schedule.series(), e);
      throw new JobExecutionException(e, false);
    }
  }
}
