package io.liangshai.warehouse.figures;

import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.record.EscalationLevel;
import io.liangshai.core.record.WireNamed;
import io.liangshai.core.warning.DeadlineState;
import io.liangshai.core.warning.OpenCase;
import io.liangshai.warehouse.CaseFactsTable;
import io.liangshai.warehouse.Column;
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
      Column.list(
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

  /** A deadline's date in Asia/Shanghai before the bound date: due soon unless overdue. */
  private static final String DUE_SOON_DATE = "toDate(deadline, 'Asia/Shanghai') < toDate(?)";

  private static final String STATE_COUNTS_OF =
      "SELECT tenant_code, countIf("
          + OverdueSql.PAST_DEADLINE
          + ") AS overdue, countIf(NOT ("
          + OverdueSql.PAST_DEADLINE
          + ") AND "
          + DUE_SOON_DATE
          + ") AS due_soon, count() AS open"
          + " FROM "
          + CaseFactsTable.TABLE
          + " FINAL WHERE %s"
          + OverdueSql.OPEN
          + " GROUP BY tenant_code ORDER BY tenant_code";

  private static final String STATE_COUNTS = STATE_COUNTS_OF.formatted("");

  private static final String SCOPE_STATE_COUNTS =
      STATE_COUNTS_OF.formatted("has(ancestors, ?) AND ");

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

  /**
   * What a warnings list may be narrowed to (additions to SPEC §8): a deadline state, a category
   * and a channel (their wire names), each null for any.
   */
  public record Filter(DeadlineState state, String category, String channel) {

    /** No narrowing: §8's whole list. */
    public static final Filter NONE = new Filter(null, null, null);
  }

  /**
   * The open cases of {@code tenant} and its descendants that pass {@code filter} at {@code asOf},
   * in no particular order; the state is judged as {@link #stateCounts} judges it, so SQL need not
   * walk the calendar ({@code dueSoonBefore} from {@code DeadlineClock.dueSoonBefore}).
   */
  public List<OpenCase> openCases(
      String tenant, Filter filter, Instant asOf, LocalDate dueSoonBefore) {
    Conditions where =
        new Conditions()
            .value(Objects.requireNonNull(tenant, "tenant"))
            .andIfSet(CaseFactsTable.CATEGORY + " = ?", filter.category())
            .andIfSet(CaseFactsTable.CHANNEL + " = ?", filter.channel());
    String at = OverdueSql.queryTime(asOf);
    String before = dueSoonBefore.toString();
    String pastDeadline = OverdueSql.PAST_DEADLINE;
    if (filter.state() != null) {
      switch (filter.state()) {
        case OVERDUE -> where.and(pastDeadline, at);
        case DUE_SOON -> where.and("NOT (" + pastDeadline + ")", at).and(DUE_SOON_DATE, before);
        case ON_TRACK ->
            where.and("NOT (" + pastDeadline + ")", at).and("NOT (" + DUE_SOON_DATE + ")", before);
      }
    }
    return Sql.query(
        warehouse,
        "read open cases",
        OPEN_CASES + where.sql(),
        where,
        Sql.eachRow(WarningQueries::openCase));
  }

  /** The {@link #OPEN_CASES} columns of the row at {@code rs} as an open case. */
  static OpenCase openCase(ResultSet rs) throws SQLException {
    return new OpenCase(
        rs.getString(CaseFactsTable.TENANT_CODE.sql()),
        rs.getString(CaseFactsTable.CASE_ID.sql()),
        CaseFactsTable.instant(rs, CaseFactsTable.RECEIVED_AT),
        CaseFactsTable.instant(rs, CaseFactsTable.DEADLINE),
        WireNamed.require(
            EscalationLevel.class, rs.getString(CaseFactsTable.ESCALATION_LEVEL.sql())),
        rs.getInt(CaseFactsTable.REASSIGNED_COUNT.sql()),
        rs.getInt(CaseFactsTable.LEADER_INSTRUCTED.sql()) == 1,
        WireNamed.require(Category.class, rs.getString(CaseFactsTable.CATEGORY.sql())),
        WireNamed.require(Channel.class, rs.getString(CaseFactsTable.CHANNEL.sql())));
  }

  /**
   * Every tenant's own open cases per state at {@code asOf}: {@code overdue} with a deadline before
   * it, {@code due_soon} the others whose deadline's date (Asia/Shanghai) is before {@code
   * dueSoonBefore}, {@code on_track} the rest. Tenants without open cases are absent.
   */
  public List<StateCounts> stateCounts(Instant asOf, LocalDate dueSoonBefore) {
    String at = OverdueSql.queryTime(asOf);
    return counts(
        STATE_COUNTS, new Conditions().value(at).value(at).value(dueSoonBefore.toString()));
  }

  /**
   * As {@link #stateCounts(Instant, LocalDate)}, for the tenants of {@code scope} (itself and its
   * descendants) only: the warnings summary's counts, computed in ClickHouse.
   */
  public List<StateCounts> stateCounts(String scope, Instant asOf, LocalDate dueSoonBefore) {
    String at = OverdueSql.queryTime(asOf);
    return counts(
        SCOPE_STATE_COUNTS,
        new Conditions()
            .value(at)
            .value(at)
            .value(dueSoonBefore.toString())
            .value(Objects.requireNonNull(scope, "scope")));
  }

  private List<StateCounts> counts(String sql, Conditions parameters) {
    return Sql.query(
        warehouse,
        "count open cases per deadline state",
        sql,
        parameters,
        Sql.eachRow(
            rs -> {
              long overdue = rs.getLong("overdue");
              long dueSoon = rs.getLong("due_soon");
              return new StateCounts(
                  rs.getString(CaseFactsTable.TENANT_CODE.sql()),
                  overdue,
                  dueSoon,
                  rs.getLong("open") - overdue - dueSoon);
            }));
  }
}
