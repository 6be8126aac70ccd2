package io.liangshai.warehouse;

import io.liangshai.core.record.CaseRecord;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * ClickHouse table {@code case_versions} (V008): every version of a case the stream job accepted,
 * with the batch that carried it — the history behind {@code closed_at_rewritten} and the batches
 * of {@code GET /api/v1/reporting} (SPEC §10). It owns the table's column names and the insert the
 * job's sink binds by name ({@link #INSERT}); readers name its columns through these constants.
 */
public final class CaseVersionsTable {

  public static final String TABLE = "case_versions";

  public static final String TENANT_CODE = "tenant_code";
  public static final String CASE_ID = "case_id";
  public static final String UPDATED_AT = "updated_at";
  public static final String BATCH_ID = "batch_id";

  /** The case's tenant, its city and the province, as in {@code case_facts}. */
  public static final String ANCESTORS = "ancestors";

  public static final String STATUS = "status";
  public static final String RECEIVED_AT = "received_at";
  public static final String CLOSED_AT = "closed_at";

  /** This version's own month of {@code received_at} (Asia/Shanghai), {@code 2024-01}. */
  public static final String PERIOD_MONTH = "period_month";

  /** Every column, in the table's order. */
  public static final NamedInsert INSERT =
      new NamedInsert(
          TABLE,
          TENANT_CODE,
          CASE_ID,
          UPDATED_AT,
          BATCH_ID,
          ANCESTORS,
          STATUS,
          RECEIVED_AT,
          CLOSED_AT,
          PERIOD_MONTH);

  private CaseVersionsTable() {}

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
