package io.liangshai.stream;

import io.liangshai.core.record.CaseRecord;
import java.time.Instant;

/**
 * The current facts of one case, one row of {@code case_facts}; the greatest {@code version} wins
 * in ClickHouse.
 *
 * @param ancestors the case's tenant, its city and the province: every tenant it counts for
 * @param deadline the effective deadline (given, or derived from working days)
 */
public record CaseFactRow(
    CaseRecord record,
    String[] ancestors,
    Instant deadline,
    boolean deadlineDerived,
    boolean recurrence,
    boolean overdueClosed,
    String month,
    String quarter,
    String year,
    String week,
    long version) {}
