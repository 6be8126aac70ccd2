package io.liangshai.stream;

import io.liangshai.core.record.CaseRecord;

/**
 * One accepted version of a case, a row of {@code case_versions}: the record as landed, the batch
 * that carried it, the tenants it counts for and its own month of {@code received_at}.
 */
public record VersionRow(CaseRecord record, String batchId, String[] ancestors, String month) {}
