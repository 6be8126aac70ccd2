package io.liangshai.core.indicator;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The additive counts behind the indicators of SPEC §3, for one case (its {@link
 * CaseFacts#contribution()}) or summed over many. Counts add and subtract, so a stream job can
 * retract a case's old contribution and add its new one; a partial difference may be negative.
 * {@code overdue_open} is not here: it depends on the time of the query (see {@link Indicators}).
 */
public record IndicatorCounts(
    long received,
    long closed,
    long overdueClosed,
    long recurrences,
    long rated,
    long satisfied,
    long dissatisfied,
    long reassigned,
    long leaderInstructed,
    long escalated) {

  /** All counts zero. */
  public static final IndicatorCounts ZERO = new IndicatorCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /**
   * The additive counts, in the order of the components: every count of {@link Indicator} but
   * {@code overdue_open}, which depends on the time of the query.
   */
  public static final List<Indicator> COUNTS =
      Arrays.stream(Indicator.values())
          .filter(i -> !i.isRate() && i != Indicator.OVERDUE_OPEN)
          .toList();

  /** The counts whose value of each of {@link #COUNTS} is {@code count}'s. */
  public static IndicatorCounts of(ToLongFunction<Indicator> count) {
    long[] n = new long[COUNTS.size()];
    for (int i = 0; i < n.length; i++) {
      n[i] = count.applyAsLong(COUNTS.get(i));
    }
    return new IndicatorCounts(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9]);
  }

  /** Field by field, without {@link #of}'s lookups: the stream job adds counts for every change. */
  public IndicatorCounts plus(IndicatorCounts other) {
    return new IndicatorCounts(
        received + other.received,
        closed + other.closed,
        overdueClosed + other.overdueClosed,
        recurrences + other.recurrences,
        rated + other.rated,
        satisfied + other.satisfied,
        dissatisfied + other.dissatisfied,
        reassigned + other.reassigned,
        leaderInstructed + other.leaderInstructed,
        escalated + other.escalated);
  }

  public IndicatorCounts minus(IndicatorCounts other) {
    return new IndicatorCounts(
        received - other.received,
        closed - other.closed,
        overdueClosed - other.overdueClosed,
        recurrences - other.recurrences,
        rated - other.rated,
        satisfied - other.satisfied,
        dissatisfied - other.dissatisfied,
        reassigned - other.reassigned,
        leaderInstructed - other.leaderInstructed,
        escalated - other.escalated);
  }

  /**
   * The count called {@code indicator}.
   *
   * @throws IllegalArgumentException for a rate or for {@code overdue_open}, which are not counts
   *     held here
   */
  public long get(Indicator indicator) {
    return switch (indicator) {
      case RECEIVED -> received;
      case CLOSED -> closed;
      case OVERDUE_CLOSED -> overdueClosed;
      case RECURRENCES -> recurrences;
      case RATED -> rated;
      case SATISFIED -> satisfied;
      case DISSATISFIED -> dissatisfied;
      case REASSIGNED -> reassigned;
      case LEADER_INSTRUCTED -> leaderInstructed;
      case ESCALATED -> escalated;
      default ->
          throw new IllegalArgumentException(indicator.wireName() + " is not an additive count");
    };
  }
}
