package io.liangshai.warehouse.figures;

import io.liangshai.core.indicator.OverdueRule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@link OverdueRule} over {@code case_facts}' columns, for the queries that judge a case at the
 * time of the query ({@code overdue_open}, the drill-down's {@code overdue=true}); {@code
 * overdue_closed} needs no SQL, the job stores it. Each fragment takes one parameter, the query
 * time bound as {@link #queryTime(Instant)}. {@code OverdueSqlITCase} evaluates both in a real
 * ClickHouse beside the Java rule on the edge cases and holds them equal.
 */
final class OverdueSql {

  /** An open case: neither closed nor withdrawn (no parameter). */
  static final String OPEN = "status NOT IN ('closed', 'withdrawn')";

  /** The deadline is before the query time: {@code overdue} for an open case. */
  static final String PAST_DEADLINE = "deadline < toDateTime64(?, 6, 'UTC')";

  /** {@link OverdueRule#isOpenPastDeadline}: neither closed nor withdrawn, deadline before now. */
  static final String OPEN_PAST_DEADLINE = OPEN + " AND " + PAST_DEADLINE;

  /** {@link OverdueRule#isOverdueAt}: closed late, or open past the deadline. */
  static final String OVERDUE = "(overdue_closed = 1 OR (" + OPEN_PAST_DEADLINE + "))";

  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private OverdueSql() {}

  /** The query time as the fragments' parameter: UTC, to the microsecond. */
  static String queryTime(Instant now) {
    return MICROS.format(now);
  }
}
