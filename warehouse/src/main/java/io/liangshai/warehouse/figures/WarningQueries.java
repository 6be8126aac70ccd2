package io.liangshai.warehouse.figures;

import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.record.EscalationLevel;
import io.liangshai.core.record.WireNamed;
import io.liangshai.core.warning.OpenCase;
import io.liangshai.warehouse.CaseFactsTable;
import io.liangshai.warehouse.Conditions;
import io.liangshai.warehouse.Sql;
import io.liangshai.warehouse.Warehouse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The warnings list's reader of {@code case_facts} (SPEC §8): the open cases — latest version held,
 * neither closed nor withdrawn — of a tenant and its descendants, and their counts per deadline
 * state for the Prometheus gauges. {@code FINAL} reads each case's greatest version, as the
 * drill-down does. The rules (working days, states, risk) are core's {@code io.liangshai.core
 * .warning}; the counts take {@code DeadlineClock.dueSoonBefore} so that SQL need not walk the
 * calendar.
 */
public final class WarningQueries {

  /** What the risk of an open case is judged from, read alike for open cases and past ones. */
  static final String CASE_COLUMNS =
      String.join(
          ", ",
          CaseFactsTable.TENANT_CODE,
          CaseFactsTable.CASE_ID,
          CaseFactsTable.RECEIVED_AT,
          CaseFactsTable.DEADLINE,
          CaseFactsTable.ESCALATION_LEVEL,
          CaseFactsTable.REASSIGNED_COUNT,
          CaseFactsTable.LEADER_INSTRUCTED,
          CaseFactsTable.CATEGORY,
          CaseFactsTable.CHANNEL);

  private static final String OPEN_CASES =
      "SELECT "
          + CASE_COLUMNS
          + " FROM "
          + CaseFactsTable.TABLE
          + " FINAL WHERE has(ancestors, ?) AND "
          + OverdueSql.OPEN;

  private static final String STATE_COUNTS =
      "SELECT tenant_code, countIf("
          + OverdueSql.PAST_DEADLINE
          + ") AS overdue, countIf(NOT ("
          + OverdueSql.PAST_DEADLINE
          + ") AND toDate(deadline, 'Asia/Shanghai') < toDate(?)) AS due_soon, count() AS open"
          + " FROM "
          + CaseFactsTable.TABLE
          + " FINAL WHERE "
          + OverdueSql.OPEN
          + " GROUP BY tenant_code ORDER BY tenant_code";

  private final Warehouse warehouse;

  public WarningQueries(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /** One tenant's own open cases counted per state at an instant. */
  public record StateCounts(String tenant, long overdue, long dueSoon, long onTrack) {}

  /** The open cases of {@code tenant} and its descendants, in no particular order. */
  public List<OpenCase> openCases(String tenant) {
    return Sql.query(
        warehouse,
        "read open cases",
        OPEN_CASES,
        new Conditions().value(Objects.requireNonNull(tenant, "tenant")),
        Sql.eachRow(WarningQueries::openCase));
  }

  /** The {@link #OPEN_CASES} columns of the row at {@code rs} as an open case. */
  static OpenCase openCase(ResultSet rs) throws SQLException {
    return new OpenCase(
        rs.getString(CaseFactsTable.TENANT_CODE),
        rs.getString(CaseFactsTable.CASE_ID),
        CaseFactsTable.instant(rs, CaseFactsTable.RECEIVED_AT),
        CaseFactsTable.instant(rs, CaseFactsTable.DEADLINE),
        WireNamed.require(EscalationLevel.class, rs.getString(CaseFactsTable.ESCALATION_LEVEL)),
        rs.getInt(CaseFactsTable.REASSIGNED_COUNT),
        rs.getInt(CaseFactsTable.LEADER_INSTRUCTED) == 1,
        WireNamed.require(Category.class, rs.getString(CaseFactsTable.CATEGORY)),
        WireNamed.require(Channel.class, rs.getString(CaseFactsTable.CHANNEL)));
  }

  /**
   * Every tenant's own open cases per state at {@code asOf}: {@code overdue} with a deadline before
   * it, {@code due_soon} the others whose deadline's date (Asia/Shanghai) is before {@code
   * dueSoonBefore}, {@code on_track} the rest. Tenants without open cases are absent.
   */
  public List<StateCounts> stateCounts(Instant asOf, LocalDate dueSoonBefore) {
    String at = OverdueSql.queryTime(asOf);
    return Sql.query(
        warehouse,
        "count open cases per deadline state",
        STATE_COUNTS,
        new Conditions().value(at).value(at).value(dueSoonBefore.toString()),
        Sql.eachRow(
            rs -> {
              long overdue = rs.getLong("overdue");
              long dueSoon = rs.getLong("due_soon");
              return new StateCounts(
                  rs.getString(CaseFactsTable.TENANT_CODE),
                  overdue,
                  dueSoon,
                  rs.getLong("open") - overdue - dueSoon);
            }));
  }
}
