package io.liangshai.reports.schedule;

import io.liangshai.core.time.ChinaTime;
import io.liangshai.reports.Series;
import java.time.Instant;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The series' schedules as Quartz keeps them: per series a durable {@link PublishDueJob} holding
 * its {@link SeriesSchedule} ({@link ScheduleData}) and, while enabled, a cron trigger firing daily
 * at the schedule's time (Asia/Shanghai), misfire: fire now. Writes go through the clustered job
 * store, so whichever process changes a schedule, every process sees it.
 */
final class ScheduleJobs {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduleJobs.class);
  static final String GROUP = "bulletins";

  private final Scheduler quartz;
  private final BulletinScheduler.Options options;

  ScheduleJobs(Scheduler quartz, BulletinScheduler.Options options) {
    this.quartz = quartz;
    this.options = options;
  }

  /**
   * Sets up {@code series} unless the store has it: as {@code adopted}, else the defaults as of
   * {@code now}; an adopted, enabled series runs once at once. A stored series whose trigger does
   * not match its schedule (another cron, time zone or enabled state) is retriggered.
   */
  void ensure(Series series, Optional<SeriesSchedule> adopted, Instant now)
      throws SchedulerException {
    JobDetail job = quartz.getJobDetail(jobKey(series));
    if (job == null) {
      SeriesSchedule schedule = adopted.orElseGet(() -> SeriesSchedule.defaults(series, now));
      apply(schedule, true);
      adopted.ifPresent(s -> LOG.info("bulletin schedule taken from the previous release: {}", s));
      if (adopted.isPresent() && schedule.enabled()) {
        quartz.triggerJob(jobKey(series));
      }
      return;
    }
    SeriesSchedule schedule = ScheduleData.read(job.getJobDataMap());
    Trigger trigger = trigger(series);
    boolean current =
        trigger instanceof CronTrigger cron
            && cron.getCronExpression().equals(cron(schedule))
            && cron.getTimeZone().getID().equals(ChinaTime.ZONE.getId());
    if (schedule.enabled() != (trigger != null) || (trigger != null && !current)) {
      apply(schedule, true);
    }
  }

  /** Stores {@code next} in place of {@code current}, retriggering only if the firing changed. */
  void replace(SeriesSchedule current, SeriesSchedule next) throws SchedulerException {
    apply(next, !sameTrigger(current, next));
  }

  /** The stored schedule of {@code series}. */
  SeriesSchedule read(Series series) throws SchedulerException {
    JobDetail job = quartz.getJobDetail(jobKey(series));
    if (job == null) {
      throw new IllegalStateException("series " + series.id() + " has no job");
    }
    return ScheduleData.read(job.getJobDataMap());
  }

  /** The trigger of {@code series}, or null while it is disabled. */
  Trigger trigger(Series series) throws SchedulerException {
    return quartz.getTrigger(triggerKey(series));
  }

  /**
   * Runs {@code series} once as soon as the cluster can: a one-off trigger in the job store, fired
   * by whichever instance acquires it (never at the same time as another run of the series).
   */
  void runNow(Series series) throws SchedulerException {
    quartz.triggerJob(jobKey(series));
  }

  /** Stores the job with {@code schedule}; (re)places its trigger when {@code retrigger}. */
  private void apply(SeriesSchedule schedule, boolean retrigger) throws SchedulerException {
    JobDetail job =
        JobBuilder.newJob(PublishDueJob.class)
            .withIdentity(jobKey(schedule.series()))
            .withDescription(schedule.series().id() + " bulletins")
            .usingJobData(ScheduleData.write(schedule))
            .storeDurably()
            .requestRecovery()
            .build();
    quartz.addJob(job, true);
    TriggerKey key = triggerKey(schedule.series());
    if (!schedule.enabled()) {
      quartz.unscheduleJob(key);
      return;
    }
    if (!retrigger && quartz.checkExists(key)) {
      return;
    }
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(key)
            .forJob(job)
            .withSchedule(
                CronScheduleBuilder.cronSchedule(cron(schedule))
                    .inTimeZone(TimeZone.getTimeZone(ChinaTime.ZONE))
                    .withMisfireHandlingInstructionFireAndProceed())
            .build();
    if (!quartz.checkExists(key)) {
      try {
        quartz.scheduleJob(trigger);
        return;
      } catch (ObjectAlreadyExistsException e) {
        // another process of the cluster scheduled it meanwhile: replace it as below
      }
    }
    quartz.rescheduleJob(key, trigger);
  }

  private boolean sameTrigger(SeriesSchedule a, SeriesSchedule b) {
    return a.enabled() == b.enabled() && cron(a).equals(cron(b));
  }

  /** Daily at the schedule's time; each run checks what has fallen due. */
  private String cron(SeriesSchedule schedule) {
    if (options.cronOverride() != null) {
      return options.cronOverride();
    }
    return "0 " + schedule.time().getMinute() + " " + schedule.time().getHour() + " * * ?";
  }

  private static JobKey jobKey(Series series) {
    return JobKey.jobKey(series.id(), GROUP);
  }

  private static TriggerKey triggerKey(Series series) {
    return TriggerKey.triggerKey(series.id(), GROUP);
  }
}
