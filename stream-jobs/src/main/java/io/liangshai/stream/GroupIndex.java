package io.liangshai.stream;

import io.liangshai.core.indicator.RecurrenceRule;
import io.liangshai.core.record.CaseRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The recurrence verdicts (重发复发) of one group, indexed so that a change costs O(log n) plus the
 * verdicts it flips, with the same results as {@link RecurrenceRule}.
 *
 * <p>A closing at {@code c} makes a recurrence of every case received in {@code (c, c + 90 days]}
 * (SPEC §3; a case is never its own prior since {@code closed_at ≥ received_at}), and a
 * non-withdrawn case is a recurrence iff some closing covers it. Two structures suffice: the
 * multiset of {@code closed_at} values and the non-withdrawn members by {@code (received_at,
 * case_id)}. Since every closing covers a range of the same length, the part of {@code (x, x + 90
 * days]} that a closing {@code x} covers alone lies between its two neighbours {@code a < x < b}:
 * {@code (max(x, a + 90 days), min(b, x + 90 days)]} — exactly the cases whose verdict {@code x}
 * decides.
 */
final class GroupIndex {

  /** Closing times of the group's closed cases, with how many cases closed at each. */
  private final TreeMap<Instant, Integer> closings = new TreeMap<>();

  /** The non-withdrawn cases (a withdrawn case is never a recurrence). */
  private final TreeSet<Member> open = new TreeSet<>();

  /** The index of a group with these current versions. */
  static GroupIndex of(Iterable<CaseRecord> members) {
    GroupIndex index = new GroupIndex();
    for (CaseRecord r : members) {
      index.add(r);
    }
    return index;
  }

  /** How many entries the index holds (its weight in {@link GroupIndexCache}). */
  int size() {
    return open.size() + closings.size();
  }

  /** Whether {@code c}, a current member of the group, is a recurrence. */
  boolean isRecurrence(CaseRecord c) {
    if (c.isWithdrawn()) {
      return false;
    }
    Instant first = closings.ceilingKey(minusWindow(c.receivedAt()));
    return first != null && first.isBefore(c.receivedAt());
  }

  /**
   * Replaces the current version {@code previous} of one case by {@code current} (either may be
   * null: the case joins or leaves the group).
   *
   * @return the other members whose verdict this flips, by case id, with their new verdict
   */
  Map<String, Boolean> replace(CaseRecord previous, CaseRecord current) {
    if (previous != null && current != null && !previous.caseId().equals(current.caseId())) {
      throw new IllegalArgumentException(
          "versions of two cases: " + previous.caseId() + " and " + current.caseId());
    }
    remove(previous);
    Instant before = closedAt(previous);
    Instant after = closedAt(current);
    Map<String, Boolean> flips = new LinkedHashMap<>();
    if (!Objects.equals(before, after)) {
      Range lost = coveredAlone(before);
      Range gained = coveredAlone(after);
      Range then = Range.coveredBy(before);
      Range now = Range.coveredBy(after);
      collect(lost.below(now), false, flips);
      collect(lost.above(now), false, flips);
      collect(gained.below(then), true, flips);
      collect(gained.above(then), true, flips);
    }
    add(current);
    return flips;
  }

  /** The part of {@code closing}'s range that no closing in the index covers. */
  private Range coveredAlone(Instant closing) {
    if (closing == null || closings.containsKey(closing)) {
      return Range.EMPTY;
    }
    Range alone = Range.coveredBy(closing);
    Instant a = closings.lowerKey(closing);
    Instant b = closings.higherKey(closing);
    Instant from = a == null ? alone.from() : max(alone.from(), plusWindow(a));
    Instant to = b == null ? alone.to() : min(alone.to(), b);
    return new Range(from, to);
  }

  private void collect(Range range, boolean verdict, Map<String, Boolean> flips) {
    if (range.isEmpty()) {
      return;
    }
    for (Member m :
        open.subSet(Member.after(range.from()), false, Member.after(range.to()), false)) {
      flips.put(m.caseId(), verdict);
    }
  }

  private void add(CaseRecord r) {
    if (r == null) {
      return;
    }
    if (!r.isWithdrawn()) {
      open.add(new Member(r.receivedAt(), r.caseId()));
    }
    if (r.isClosed()) {
      closings.merge(r.closedAt(), 1, Integer::sum);
    }
  }

  private void remove(CaseRecord r) {
    if (r == null) {
      return;
    }
    open.remove(new Member(r.receivedAt(), r.caseId()));
    if (r.isClosed()) {
      closings.computeIfPresent(r.closedAt(), (t, n) -> n == 1 ? null : n - 1);
    }
  }

  private static Instant closedAt(CaseRecord r) {
    return r == null ? null : r.closedAt();
  }

  /** {@code t + 90 days}, or the last representable instant (every later one is out of range). */
  static Instant plusWindow(Instant t) {
    return t.isAfter(Instant.MAX.minus(RecurrenceRule.WINDOW))
        ? Instant.MAX
        : t.plus(RecurrenceRule.WINDOW);
  }

  /** {@code t − 90 days}, or the first representable instant. */
  static Instant minusWindow(Instant t) {
    return t.isBefore(Instant.MIN.plus(RecurrenceRule.WINDOW))
        ? Instant.MIN
        : t.minus(RecurrenceRule.WINDOW);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** The receiving times {@code (from, to]}; empty unless {@code from < to}. */
  record Range(Instant from, Instant to) {
    static final Range EMPTY = new Range(Instant.EPOCH, Instant.EPOCH);

    /** The cases a closing at {@code closing} makes recurrences: {@code (closing, +90 days]}. */
    static Range coveredBy(Instant closing) {
      return closing == null ? EMPTY : new Range(closing, plusWindow(closing));
    }

    boolean isEmpty() {
      return !from.isBefore(to);
    }

    /** The part of this range before {@code other} (all of it when {@code other} is empty). */
    Range below(Range other) {
      return other.isEmpty() ? this : new Range(from, min(to, other.from));
    }

    /** The part of this range after a non-empty {@code other}; empty when {@code other} is. */
    Range above(Range other) {
      return other.isEmpty() ? EMPTY : new Range(max(from, other.to), to);
    }
  }

  /**
   * A non-withdrawn member, ordered by receiving time then case id; a null case id (a probe) sorts
   * after every case received at the same instant.
   */
  record Member(Instant receivedAt, String caseId) implements Comparable<Member> {
    private static final Comparator<Member> ORDER =
        Comparator.comparing(Member::receivedAt)
            .thenComparing(Member::caseId, Comparator.nullsLast(Comparator.naturalOrder()));

    static Member after(Instant receivedAt) {
      return new Member(receivedAt, null);
    }

    @Override
    public int compareTo(Member other) {
      return ORDER.compare(this, other);
    }
  }
}
