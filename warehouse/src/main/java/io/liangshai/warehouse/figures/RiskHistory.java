package io.liangshai.warehouse.figures;

import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.WireNamed;
import io.liangshai.core.warning.PastCase;
import io.liangshai.warehouse.CaseFactsTable;
import io.liangshai.warehouse.Column;
import io.liangshai.warehouse.Conditions;
import io.liangshai.warehouse.Sql;
import io.liangshai.warehouse.Warehouse;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a learned risk model of SPEC §8 trains on, read from {@code case_facts}: the cases whose
 * deadline has passed (latest version held, withdrawn ones left out — they have no outcome), and a
 * mark of the data that tells a refresh whether anything new has arrived.
 */
public final class RiskHistory {

  private static final String PAST_CASES =
      "SELECT "
          + WarningQueries.CASE_COLUMNS
          + ", "
          + Column.list(CaseFactsTable.STATUS, CaseFactsTable.CLOSED_AT)
          + " FROM "
          + CaseFactsTable.TABLE
          + " FINAL WHERE "
          + CaseFactsTable.STATUS
          + " != 'withdrawn' AND "
          + OverdueSql.PAST_DEADLINE
          + " ORDER BY "
          + CaseFactsTable.DEADLINE
          + " DESC, "
          + CaseFactsTable.TENANT_CODE
          + ", "
          + CaseFactsTable.CASE_ID
          + " LIMIT ?";

  private static final String MARK =
      "SELECT max("
          + CaseFactsTable.UPDATED_AT
          + ") AS newest, max("
          + CaseFactsTable.VERSION
          + ") AS version, count() AS rows FROM "
          + CaseFactsTable.TABLE;

  private final Warehouse warehouse;

  public RiskHistory(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /**
   * Where the data stands: the newest {@code updated_at} held (null when there is no case) — the
   * last instant the platform knows outcomes at — and the greatest row version written, which moves
   * whenever the job writes a case.
   */
  public record Mark(Instant newestUpdate, long version) {}

  /** The data's mark now; reads no row ({@code max} over the table's parts). */
  public Mark mark() {
    return Sql.query(
        warehouse,
        "read the case facts' newest version",
        MARK,
        Sql.Parameters.none(),
        rs -> {
          rs.next();
          boolean empty = rs.getLong("rows") == 0;
          return new Mark(
              empty ? null : CaseFactsTable.instant(rs, "newest"),
              empty ? 0 : rs.getLong("version"));
        });
  }

  /**
   * The {@code limit} cases, not withdrawn, whose deadline is before {@code horizon} — the latest
   * deadlines first, so a bounded training set is the most recent history.
   */
  public List<PastCase> pastCases(Instant horizon, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, found " + limit);
    }
    return Sql.query(
        warehouse,
        "read the cases whose deadline has passed",
        PAST_CASES,
        new Conditions().value(OverdueSql.queryTime(horizon)).value(limit),
        Sql.eachRow(
            rs -> {
              CaseStatus status =
                  WireNamed.require(CaseStatus.class, rs.getString(CaseFactsTable.STATUS.sql()));
              return new PastCase(
                  WarningQueries.openCase(rs),
                  status,
                  status == CaseStatus.CLOSED
                      ? CaseFactsTable.instant(rs, CaseFactsTable.CLOSED_AT)
                      : null);
            }));
  }
}
