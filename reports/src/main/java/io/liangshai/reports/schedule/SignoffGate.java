package io.liangshai.reports.schedule;

import io.liangshai.core.time.Period;
import io.liangshai.metadata.BulletinHolds;
import io.liangshai.reports.BulletinPublisher;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a due period's scheduled bulletin goes ahead or waits for the month's sign-offs (schedule
 * option {@code wait_for_signoff}, {@link WaitForSignoff}). A period waits while some city or
 * county has no sign-off in force and its last day has not come; the hold is kept in {@link
 * BulletinHolds} (the metadata PostgreSQL: it survives a restart, every process of the cluster sees
 * it), logged, and audited once when it begins ({@code bulletin.hold}). When the bulletin appears
 * the hold is released with the reason it went ahead.
 */
final class SignoffGate {

  private static final Logger LOG = LoggerFactory.getLogger(SignoffGate.class);

  /** Why a due period went ahead, as the released hold records it; or that it waits. */
  enum Verdict {
    /** The schedule does not wait for sign-offs. */
    NOT_WAITING("not_waiting"),
    /** Every city and county has signed the month off. */
    SIGNED_OFF("signed_off"),
    /** The last day came. */
    LAST_DAY("last_day"),
    /** The period has its bulletin already (published by hand, or by an earlier run). */
    PUBLISHED("published"),
    /** Held: nothing is published this run. */
    HOLD(null);

    final String released;

    Verdict(String released) {
      this.released = released;
    }
  }

  private final BulletinHolds holds;
  private final BulletinPublisher publisher;

  SignoffGate(BulletinHolds holds, BulletinPublisher publisher) {
    this.holds = Objects.requireNonNull(holds, "holds");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
  }

  /** Whether {@code period}, due under {@code schedule}, goes ahead at {@code now}. */
  Verdict check(SeriesSchedule schedule, Period period, Instant now) {
    WaitForSignoff wait = schedule.waitForSignoff();
    if (wait == null) {
      return Verdict.NOT_WAITING;
    }
    if (publisher.published(schedule.series(), period)) {
      return Verdict.PUBLISHED;
    }
    Instant until = wait.until(period, schedule.time());
    Optional<List<String>> unsigned = publisher.unsigned(period);
    if (unsigned.isEmpty()) {
      LOG.warn("the sign-offs of {} are not known to the publisher: not waiting for them", period);
      return Verdict.NOT_WAITING;
    }
    List<String> missing = unsigned.get();
    if (missing.isEmpty()) {
      return Verdict.SIGNED_OFF;
    }
    if (!now.isBefore(until)) {
      return Verdict.LAST_DAY;
    }
    String series = schedule.series().id();
    BulletinHolds.Held held = holds.hold(series, period.toString(), until, missing, now);
    if (held.began()) {
      publisher.recordHold(schedule.series(), period, missing.size(), until);
      LOG.info(
          "scheduled bulletin {} {} held: {} cities and counties have not signed off; published"
              + " when all have, or at {}",
          series,
          period,
          missing.size(),
          until);
    } else {
      LOG.debug("scheduled bulletin {} {} still held: {} missing", series, period, missing.size());
    }
    return Verdict.HOLD;
  }

  /** Releases the hold of {@code period}, if it had one, for going ahead as {@code verdict}. */
  void wentAhead(SeriesSchedule schedule, Period period, Verdict verdict, Instant now) {
    if (verdict == Verdict.HOLD) {
      throw new IllegalArgumentException("a held period did not go ahead");
    }
    if (holds.release(schedule.series().id(), period.toString(), verdict.released, now)) {
      LOG.info(
          "scheduled bulletin {} {} no longer held: {}",
          schedule.series().id(),
          period,
          verdict.released);
    }
  }

  /** The publications of {@code schedule}'s series held now. */
  List<BulletinHolds.Hold> held(SeriesSchedule schedule) {
    return holds.held(schedule.series().id());
  }

  /** Whether {@code period} of {@code schedule}'s series is held now. */
  boolean isHeld(SeriesSchedule schedule, Period period) {
    return holds
        .find(schedule.series().id(), period.toString())
        .filter(h -> h.releasedAt().isEmpty())
        .isPresent();
  }
}
