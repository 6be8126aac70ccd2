package io.liangshai.warehouse.figures;

import io.liangshai.core.indicator.OverdueRule;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.WireNamed;
import io.liangshai.core.time.Period;
import io.liangshai.warehouse.CaseFactsTable;
import io.liangshai.warehouse.Conditions;
import io.liangshai.warehouse.Sql;
import io.liangshai.warehouse.Warehouse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The drill-down's reader of ClickHouse table {@code case_facts} ({@code GET /api/v1/cases}):
 * current versions of one tenant's cases and its descendants' received in a period, withdrawn ones
 * (撤单) left out unless one case is asked for by its id (SPEC §10: a flag's evidence opens). Values
 * are bound; the only text spliced in is a period column picked from a fixed set and fixed filter
 * fragments.
 */
public final class CaseFactsQueries {

  private static final String CASES =
      "SELECT "
          + CaseFactsTable.ROW_COLUMNS
          + ", count() OVER () AS total FROM "
          + CaseFactsTable.TABLE
          + " FINAL WHERE has(ancestors, ?) AND %s = ?%s%s"
          + " ORDER BY received_at DESC, tenant_code, case_id LIMIT ? OFFSET ?";

  /** What a listing leaves out; a case asked for by its id opens even when withdrawn. */
  private static final String NOT_WITHDRAWN = " AND status != 'withdrawn'";

  private final Warehouse warehouse;

  public CaseFactsQueries(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /**
   * What the drill-down asks for.
   *
   * @param status a case status's wire name, or null for every status (but withdrawn, unless {@code
   *     caseId} is set)
   * @param category a category's wire name, or null for every category
   * @param overdue only cases overdue at {@code now}
   * @param caseId one case's id, or null for every case (a flag's evidence opened from 数据质量); with
   *     it a withdrawn case is shown too
   */
  public record CaseFilter(
      String tenant,
      Period period,
      String status,
      String category,
      boolean overdue,
      Instant now,
      int limit,
      int offset,
      String caseId) {}

  /** One page of cases and the number of cases matching in all. */
  public record CasePage(List<CaseFactRow> rows, long total) {}

  public CasePage cases(CaseFilter f) {
    Conditions params =
        new Conditions()
            .value(f.tenant())
            .value(f.period().toString())
            .andIfSet("status = ?", f.status())
            .andIfSet("category = ?", f.category())
            .andIfSet("case_id = ?", f.caseId());
    if (f.overdue()) {
      params.and(OverdueSql.OVERDUE, OverdueSql.queryTime(f.now()));
    }
    params.value(f.limit()).value(f.offset());
    String sql =
        String.format(
            CASES,
            MetricsQueries.periodColumn(f.period()),
            f.caseId() == null ? NOT_WITHDRAWN : "",
            params.sql());
    CasePage page =
        Sql.query(
            warehouse,
            "read case_facts",
            sql,
            params,
            rs -> {
              List<CaseFactRow> rows = new ArrayList<>();
              long total = 0;
              while (rs.next()) {
                rows.add(read(rs, f.now()));
                total = rs.getLong("total");
              }
              return new CasePage(rows, total);
            });
    if (page.rows().isEmpty() && f.offset() > 0) {
      // Past the last page: the window count is not there to read, so ask for the first page.
      long total =
          cases(
                  new CaseFilter(
                      f.tenant(),
                      f.period(),
                      f.status(),
                      f.category(),
                      f.overdue(),
                      f.now(),
                      1,
                      0,
                      f.caseId()))
              .total();
      return new CasePage(page.rows(), total);
    }
    return page;
  }

  private static CaseFactRow read(ResultSet rs, Instant now) throws SQLException {
    String status = rs.getString(CaseFactsTable.STATUS.sql());
    Instant deadline = CaseFactsTable.instant(rs, CaseFactsTable.DEADLINE);
    boolean overdue =
        rs.getInt(CaseFactsTable.OVERDUE_CLOSED.sql()) == 1
            || OverdueRule.isOpenPastDeadline(
                WireNamed.require(CaseStatus.class, status), deadline, now);
    return CaseFactsTable.read(rs, overdue);
  }
}
