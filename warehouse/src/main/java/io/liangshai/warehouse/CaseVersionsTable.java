package io.liangshai.warehouse;

import io.liangshai.core.record.CaseRecord;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * ClickHouse table {@code case_versions} (V008): every version of a case the stream job accepted,
 * with the batch that carried it — the history behind {@code closed_at_rewritten} and the batches
 * of {@code GET /api/v1/reporting} (SPEC §10). It owns the table's column names and the insert the
 * job's sink binds by name ({@link #INSERT}); its constants are the table's columns, in their
 * order, and readers name a column through them.
 */
public enum CaseVersionsTable implements Column {
  TENANT_CODE,
  CASE_ID,
  UPDATED_AT,
  BATCH_ID,

  /** The case's tenant, its city and the province, as in {@code case_facts}. */
  ANCESTORS,

  STATUS,
  RECEIVED_AT,
  CLOSED_AT,

  /** This version's own month of {@code received_at} (Asia/Shanghai), {@code 2024-01}. */
  PERIOD_MONTH;

  /** The column's name in SQL. */
  @Override
  public String toString() {
    return sql();
  }

  public static final String TABLE = "case_versions";

  /** Every column, in the table's order. */
  public static final NamedInsert<CaseVersionsTable> INSERT =
      new NamedInsert<>(TABLE, CaseVersionsTable.class);

  /**
   * Binds the row of version {@code r}, carried by batch {@code batchId}, to {@code ps} ({@link
   * #INSERT}).
   *
   * @param ancestors the case's tenant, its city and the province
   * @param month the version's month of {@code received_at} ({@code 2024-01})
   */
  public static PreparedStatement bind(
      PreparedStatement ps, CaseRecord r, String batchId, String[] ancestors, String month)
      throws SQLException {
    return INSERT
        .bind(ps)
        .set(TENANT_CODE, r.tenantCode())
        .set(CASE_ID, r.caseId())
        .set(UPDATED_AT, CaseFactsTable.timestamp(r.updatedAt()))
        .set(BATCH_ID, batchId)
        .set(ANCESTORS, ancestors)
        .set(STATUS, r.status().wireName())
        .set(RECEIVED_AT, CaseFactsTable.timestamp(r.receivedAt()))
        .set(CLOSED_AT, CaseFactsTable.timestamp(r.closedAt()))
        .set(PERIOD_MONTH, month)
        .done();
  }
}
