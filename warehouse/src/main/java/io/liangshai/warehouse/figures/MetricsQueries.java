package io.liangshai.warehouse.figures;

import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.time.Period;
import io.liangshai.warehouse.CaseFactsTable;
import io.liangshai.warehouse.TenantPeriodCountsTable;
import io.liangshai.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every SQL that reads SPEC §3 indicators, in one place, for the API and the bulletins alike.
 * Parameters are bound; the only text spliced into SQL is a column name picked from a fixed set by
 * the period's kind.
 */
public final class MetricsQueries {

  private static final String COUNTS =
      "SELECT "
          + TenantPeriodCountsTable.TENANT_CODE
          + ", "
          + TenantPeriodCountsTable.countColumns()
          + " FROM "
          + TenantPeriodCountsTable.TABLE
          + " FINAL WHERE "
          + TenantPeriodCountsTable.PERIOD_KIND
          + " = ? AND "
          + TenantPeriodCountsTable.PERIOD
          + " = ? AND has(?, "
          + TenantPeriodCountsTable.TENANT_CODE
          + ")";

  private static final String COUNTS_VERSION =
      "SELECT max("
          + TenantPeriodCountsTable.VERSION
          + ") FROM "
          + TenantPeriodCountsTable.TABLE
          + " WHERE has(?, "
          + TenantPeriodCountsTable.PERIOD
          + ")";

  private static final String OVERDUE_OPEN =
      "SELECT t, count() FROM ("
          + " SELECT arrayJoin(ancestors) AS t FROM case_facts FINAL"
          + " WHERE %s = ? AND "
          + OverdueSql.OPEN_PAST_DEADLINE
          + ")"
          + " WHERE has(?, t) GROUP BY t";

  private final Warehouse warehouse;

  public MetricsQueries(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /** Indicators of each tenant in {@code tenants} for {@code period}, judged at {@code now}. */
  public Map<String, Indicators> indicators(Period period, Collection<String> tenants, Instant now)
      throws SQLException {
    return indicators(period, tenants, now, true);
  }

  /**
   * As {@link #indicators(Period, Collection, Instant)}; without {@code withOverdueOpen} the scan
   * of {@code case_facts} is skipped and {@code overdue_open} is 0 (for the previous period of a
   * league table, whose ranks use only the counts).
   */
  public Map<String, Indicators> indicators(
      Period period, Collection<String> tenants, Instant now, boolean withOverdueOpen)
      throws SQLException {
    String[] codes = tenants.toArray(String[]::new);
    Map<String, IndicatorCounts> counts = new HashMap<>();
    Map<String, Long> overdueOpen = new HashMap<>();
    try (Connection c = warehouse.connect()) {
      try (PreparedStatement ps = c.prepareStatement(COUNTS)) {
        ps.setString(1, TenantPeriodCountsTable.kind(period.kind().name()));
        ps.setString(2, period.toString());
        ps.setArray(3, c.createArrayOf("String", codes));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            counts.put(
                rs.getString(TenantPeriodCountsTable.TENANT_CODE.sql()),
                TenantPeriodCountsTable.readCounts(rs));
          }
        }
      }
      if (withOverdueOpen) {
        try (PreparedStatement ps =
            c.prepareStatement(String.format(OVERDUE_OPEN, periodColumn(period)))) {
          ps.setString(1, period.toString());
          ps.setString(2, OverdueSql.queryTime(now));
          ps.setArray(3, c.createArrayOf("String", codes));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              overdueOpen.put(rs.getString(1), rs.getLong(2));
            }
          }
        }
      }
    }
    Map<String, Indicators> result = new LinkedHashMap<>();
    for (String code : codes) {
      result.put(
          code,
          new Indicators(
              counts.getOrDefault(code, IndicatorCounts.ZERO), overdueOpen.getOrDefault(code, 0L)));
    }
    return result;
  }

  /**
   * A number that changes whenever a count of {@code periods} changes: the greatest row version
   * written for them. Cheap (the counts table is small); lets league tables be cached exactly.
   */
  public long countsVersion(Collection<Period> periods) throws SQLException {
    String[] names = periods.stream().map(Period::toString).toArray(String[]::new);
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(COUNTS_VERSION)) {
      ps.setArray(1, c.createArrayOf("String", names));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** The {@code case_facts} column holding a case's period of {@code period}'s kind. */
  public static CaseFactsTable periodColumn(Period period) {
    return switch (period.kind()) {
      case MONTH -> CaseFactsTable.PERIOD_MONTH;
      case QUARTER -> CaseFactsTable.PERIOD_QUARTER;
      case YEAR -> CaseFactsTable.PERIOD_YEAR;
      case WEEK -> CaseFactsTable.PERIOD_WEEK;
    };
  }

  /** The {@code period_kind} values of {@code tenant_period_counts}. */
  public static List<String> kinds() {
    return List.of("month", "quarter", "year", "week");
  }
}
