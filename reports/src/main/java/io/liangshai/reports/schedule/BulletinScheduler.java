package io.liangshai.reports.schedule;

import io.liangshai.core.lang.Required;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.WorkingDayCalendar;
import io.liangshai.metadata.BulletinHolds;
import io.liangshai.reports.BulletinPublisher;
import io.liangshai.reports.Series;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulletin schedules (定期晾晒通报) on Quartz with its clustered JDBC job store in the metadata
 * PostgreSQL ({@link QuartzStore}), so a restart neither loses nor doubles a run and however many
 * processes of the platform run, each run happens on one of them. Each series (monthly, quarterly)
 * is a durable job holding its {@link SeriesSchedule} and a cron trigger firing daily at the
 * schedule's time (Asia/Shanghai), kept by {@link ScheduleJobs}; each run ({@link PublishDueJob})
 * publishes whatever has fallen due by {@link DueDates} and has no bulletin yet. A run missed while
 * the platform was down fires once when it is back (misfire: fire now). Series are enabled by
 * default; the province changes them with {@link #update}.
 */
public final class BulletinScheduler implements AutoCloseable {

  /**
   * Settings beyond the defaults, for tests: a faster trigger, misfire threshold and cluster
   * check-in. An instance that has not checked in for {@code checkinIntervalMs} plus Quartz's 7.5 s
   * is taken for dead and its running jobs are recovered by another.
   */
  public record Options(String cronOverride, long misfireThresholdMs, long checkinIntervalMs) {
    public static final Options DEFAULTS = new Options(null, 60_000, 15_000);

    public Options {
      if (misfireThresholdMs < 1 || checkinIntervalMs < 1) {
        throw new IllegalArgumentException(
            "misfireThresholdMs and checkinIntervalMs must be positive, were "
                + misfireThresholdMs
                + " and "
                + checkinIntervalMs);
      }
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(BulletinScheduler.class);
  static final String GROUP = ScheduleJobs.GROUP;
  private static final List<Series> SCHEDULED = List.of(Series.MONTHLY, Series.QUARTERLY);

  private final Scheduler quartz;
  private final ScheduleJobs jobs;
  private final BulletinPublisher publisher;
  private final Clock clock;
  private final DueDates dueDates;
  private final RunCounter runs = new RunCounter();
  private final SignoffGate gate;

  private BulletinScheduler(
      Scheduler quartz,
      BulletinPublisher publisher,
      Clock clock,
      DueDates dueDates,
      Options options,
      SignoffGate gate) {
    this.quartz = quartz;
    this.jobs = new ScheduleJobs(quartz, options);
    this.publisher = publisher;
    this.clock = clock;
    this.dueDates = dueDates;
    this.gate = gate;
  }

  /**
   * Joins the cluster on the job store in {@code metadata} (its schema migrated), sets up the
   * series it has no job for with the defaults, and starts.
   */
  public static BulletinScheduler start(
      DataSource metadata, BulletinPublisher publisher, Clock clock, Options options)
      throws SchedulerException {
    return start(metadata, List.of(), publisher, clock, options);
  }

  /**
   * As {@link #start(DataSource, BulletinPublisher, Clock, Options)}, but a series the store has no
   * job for yet takes its schedule from {@code adopted} when that has one: the previous release's
   * ({@link LegacySchedules}) on the first start after an upgrade. An adopted series that is
   * enabled runs once at start, as the old store ran at restart what fell due while it was down.
   *
   * @throws IllegalStateException when this JVM runs a bulletin scheduler already (one per process)
   */
  public static BulletinScheduler start(
      DataSource metadata,
      List<SeriesSchedule> adopted,
      BulletinPublisher publisher,
      Clock clock,
      Options options)
      throws SchedulerException {
    Required.nonNull(
        "metadata publisher clock adopted options", metadata, publisher, clock, adopted, options);
    Scheduler quartz = QuartzStore.scheduler(metadata, options);
    DueDates dueDates = new DueDates(WorkingDayCalendar.china());
    SignoffGate gate = new SignoffGate(new BulletinHolds(metadata), publisher);
    BulletinScheduler scheduler =
        new BulletinScheduler(quartz, publisher, clock, dueDates, options, gate);
    quartz.getContext().put(PublishDueJob.PUBLISHER, publisher);
    quartz.getContext().put(PublishDueJob.CLOCK, clock);
    quartz.getContext().put(PublishDueJob.DUE_DATES, dueDates);
    quartz.getContext().put(PublishDueJob.RUNS, scheduler.runs);
    quartz.getContext().put(PublishDueJob.GATE, gate);
    try {
      for (Series series : SCHEDULED) {
        Optional<SeriesSchedule> earlier =
            adopted.stream().filter(s -> s.series() == series).findFirst();
        scheduler.jobs.ensure(series, earlier, clock.instant());
      }
      quartz.start();
    } catch (SchedulerException e) {
      quartz.shutdown(false);
      throw new SchedulerException(
          "the bulletin schedules cannot be opened in the metadata database (is its schema"
              + " migrated, MetadataSchema.migrate?): "
              + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      quartz.shutdown(false);
      throw e;
    }
    LOG.info(
        "bulletin schedules started: instance {} of {}",
        quartz.getSchedulerInstanceId(),
        QuartzStore.NAME);
    return scheduler;
  }

  /** Every scheduled series with its next due period and run. */
  public List<ScheduleView> schedules() throws SchedulerException {
    List<ScheduleView> views = new ArrayList<>();
    for (Series series : SCHEDULED) {
      views.add(view(series));
    }
    return views;
  }

  public Optional<ScheduleView> schedule(String seriesId) throws SchedulerException {
    Optional<Series> series = Series.byId(seriesId).filter(SCHEDULED::contains);
    return series.isEmpty() ? Optional.empty() : Optional.of(view(series.get()));
  }

  /**
   * Applies {@code change} to a series and reschedules it. Enabling a disabled series starts it
   * afresh: periods that fell due while it was off are not published by the schedule.
   *
   * @throws io.liangshai.reports.PublishException when the groups or the scheme are wrong
   * @throws IllegalArgumentException when the working day or the time is out of range
   */
  public synchronized ScheduleView update(Series series, ScheduleChange change)
      throws SchedulerException {
    SeriesSchedule current = jobs.read(series);
    SeriesSchedule next = change.applyTo(current, clock.instant());
    publisher.check(next.groups(), next.scheme());
    jobs.replace(current, next);
    if (!Objects.equals(current.waitForSignoff(), next.waitForSignoff())
        && next.enabled()
        && !gate.held(next).isEmpty()) {
      jobs.runNow(series); // the held months are judged by the new option at once
    }
    LOG.info("bulletin schedule {} changed: {}", series.id(), next);
    return view(series);
  }

  /**
   * Tells the scheduler that a tenant signed {@code month} off: when the monthly bulletin of that
   * month is held for sign-offs, the series runs now (on one instance of the cluster), so it is
   * published as soon as the last one has signed off rather than at the next daily run. A failure
   * to ask is logged and left to that daily run, which re-checks every hold.
   */
  public void signedOff(Period month) {
    try {
      SeriesSchedule monthly = jobs.read(Series.MONTHLY);
      if (monthly.enabled() && gate.isHeld(monthly, month)) {
        jobs.runNow(Series.MONTHLY);
      }
    } catch (SchedulerException | RuntimeException e) {
      LOG.warn("could not re-check the held bulletin of {}; the next daily run does", month, e);
    }
  }

  /** Runs completed for {@code series} since this scheduler started. */
  public long runs(Series series) {
    return runs.runs(series);
  }

  /** Stops firing and waits for a run in progress to finish. */
  @Override
  public void close() throws SchedulerException {
    quartz.shutdown(true);
  }

  private ScheduleView view(Series series) throws SchedulerException {
    SeriesSchedule schedule = jobs.read(series);
    Trigger trigger = jobs.trigger(series);
    Instant now = clock.instant();
    Period next = schedule.enabled() ? dueDates.next(schedule, now) : null;
    Date nextFire = trigger == null ? null : trigger.getNextFireTime();
    return new ScheduleView(
        schedule,
        next == null ? null : next.toString(),
        next == null ? null : dueDates.due(schedule, next),
        nextFire == null ? null : nextFire.toInstant(),
        runs.runs(series),
        gate.held(schedule));
  }
}
