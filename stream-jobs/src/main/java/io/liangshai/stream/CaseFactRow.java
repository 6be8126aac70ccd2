package io.liangshai.stream;

import io.liangshai.core.record.CaseRecord;
import io.liangshai.warehouse.CaseFactsTable;

/**
 * The current facts of one case, one row of {@code case_facts}: the latest version and what the job
 * derives for it (ancestors, effective deadline, recurrence, periods, row version); the greatest
 * {@code version} wins in ClickHouse.
 */
public record CaseFactRow(CaseRecord record, CaseFactsTable.Derived derived) {}
