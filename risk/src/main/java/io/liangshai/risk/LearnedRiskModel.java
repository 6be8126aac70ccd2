package io.liangshai.risk;

import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.core.warning.ModelReport;
import io.liangshai.core.warning.OpenCase;
import io.liangshai.core.warning.PastCase;
import io.liangshai.core.warning.PriorRiskModel;
import io.liangshai.core.warning.Risk;
import io.liangshai.core.warning.RiskModel;
import io.liangshai.warehouse.figures.RiskHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's risk model (SPEC §8): the stated prior until a model is learned from the
 * platform's own history, then the latest learned one, swapped in whole. Training runs on the
 * executor it is given, never on a request: every {@link #CHECK} it reads the data's mark and
 * trains again when the data changed since the last training and that training is at least {@link
 * #spacing} old (ten times its own duration, at least {@link #MIN_SPACING}: training takes at most
 * a tenth of that thread), and at least {@link #AT_LEAST_EVERY}, since outcomes ripen as time
 * passes.
 */
public final class LearnedRiskModel implements RiskModel {

  private static final Logger LOG = LoggerFactory.getLogger(LearnedRiskModel.class);

  /** How often the data's mark is read. */
  public static final Duration CHECK = Duration.ofSeconds(10);

  static final Duration MIN_SPACING = Duration.ofSeconds(30);
  static final Duration AT_LEAST_EVERY = Duration.ofDays(1);

  /** The most cases, latest deadlines first, one training reads. */
  public static final int MAX_CASES = 200_000;

  private final RiskHistory history;
  private final RiskTrainer trainer;
  private final Clock clock;
  private final AtomicReference<RiskModel> current = new AtomicReference<>(new PriorRiskModel());
  private RiskHistory.Mark trainedOn;
  private Instant lastTraining;
  private Duration spacing = MIN_SPACING;
  private ScheduledFuture<?> schedule;

  public LearnedRiskModel(RiskHistory history, DeadlineClock deadlines, Clock clock) {
    this.history = Objects.requireNonNull(history, "history");
    this.trainer = new RiskTrainer(deadlines);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Checks at once and then every {@link #CHECK} on {@code executor} (the root's). */
  public synchronized LearnedRiskModel start(ScheduledExecutorService executor) {
    if (schedule != null) {
      throw new IllegalStateException("the risk model's refresh is already started");
    }
    schedule =
        executor.scheduleWithFixedDelay(
            this::checkQuietly, 0, CHECK.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public Risk assess(OpenCase c, Instant asOf, int workingDaysLeft) {
    return current.get().assess(c, asOf, workingDaysLeft);
  }

  @Override
  public List<Risk> assessAll(List<OpenCase> cases, Instant asOf, int[] workingDaysLeft) {
    return current.get().assessAll(cases, asOf, workingDaysLeft);
  }

  @Override
  public ModelReport report() {
    return current.get().report();
  }

  private void checkQuietly() {
    try {
      refreshIfDue();
    } catch (RuntimeException e) {
      // The schedule must survive a ClickHouse outage: the model in use stays, the next check
      // tries again.
      LOG.warn("risk model refresh failed; the current model stays: {}", e.toString());
    }
  }

  /** Trains again if due (see the class); returns whether it did. */
  synchronized boolean refreshIfDue() {
    RiskHistory.Mark mark = history.mark();
    Instant now = clock.instant();
    if (mark.newestUpdate() == null) {
      return false;
    }
    boolean changed = !mark.equals(trainedOn);
    boolean spaced = lastTraining == null || !now.isBefore(lastTraining.plus(spacing));
    boolean stale = lastTraining != null && !now.isBefore(lastTraining.plus(AT_LEAST_EVERY));
    if (!(changed && spaced) && !stale) {
      return false;
    }
    train(mark, now);
    return true;
  }

  private void train(RiskHistory.Mark mark, Instant now) {
    // Outcomes are known up to the newest update the platform holds, never past the clock.
    Instant horizon = mark.newestUpdate().isBefore(now) ? mark.newestUpdate() : now;
    long began = System.nanoTime();
    List<PastCase> cases = history.pastCases(horizon, MAX_CASES);
    trainer.train(cases, horizon, now).ifPresent(current::set);
    Duration took = Duration.ofNanos(System.nanoTime() - began);
    trainedOn = mark;
    lastTraining = now;
    spacing =
        took.multipliedBy(10).compareTo(MIN_SPACING) > 0 ? took.multipliedBy(10) : MIN_SPACING;
    LOG.info(
        "risk model: {} cases with an outcome at {}, {} in {} ms",
        cases.size(),
        horizon,
        current.get().report().cases() > 0 ? "learned" : "prior kept",
        took.toMillis());
  }

  /** Stops the checks; a training under way finishes. */
  public synchronized void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }
}
