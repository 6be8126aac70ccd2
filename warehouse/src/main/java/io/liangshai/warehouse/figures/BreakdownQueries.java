package io.liangshai.warehouse.figures;

import io.liangshai.core.evaluation.CountFilters;
import io.liangshai.core.evaluation.FilterKey;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.record.WireNamed;
import io.liangshai.core.time.Period;
import io.liangshai.warehouse.CaseFactsTable;
import io.liangshai.warehouse.Sql;
import io.liangshai.warehouse.TenantPeriodCountsTable;
import io.liangshai.warehouse.Warehouse;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The 1+8+N view (SPEC §7, {@code by=category|channel}): one tenant's SPEC §3 indicators in a
 * period, restricted to each category (or channel) in turn, read from {@code case_facts} (current
 * versions, withdrawn cases excluded; a city's rows from its own and its counties' cases, the
 * province's from all, through {@code ancestors}). Each count is a {@code countIf} of the filter
 * {@link CountFilters} gives it, compiled by {@link CaseFilterSql}; {@code overdue_open} is {@link
 * OverdueSql}'s rule at the query time. Values are bound; the only text spliced in is a column
 * picked from a fixed set and those compiled fragments.
 */
public final class BreakdownQueries {

  /** What the rows are broken down by: a column of {@code case_facts} and its §2 enum. */
  public enum By implements WireNamed {
    CATEGORY(FilterKey.CATEGORY, CaseFactsTable.CATEGORY),
    CHANNEL(FilterKey.CHANNEL, CaseFactsTable.CHANNEL);

    private final FilterKey key;
    private final CaseFactsTable column;

    By(FilterKey key, CaseFactsTable column) {
      this.key = key;
      this.column = column;
    }
  }

  private static final String COUNTS =
      CountFilters.all().entrySet().stream()
          .map(e -> "countIf(" + CaseFilterSql.condition(e.getValue()) + ") AS " + wire(e))
          .collect(Collectors.joining(", "));

  private static final String ROWS =
      "SELECT %s AS value, "
          + COUNTS
          + ", countIf("
          + OverdueSql.OPEN_PAST_DEADLINE
          + ") AS overdue_open FROM "
          + CaseFactsTable.TABLE
          + " FINAL WHERE has("
          + CaseFactsTable.ANCESTORS
          + ", ?) AND %s = ? AND "
          + CaseFactsTable.STATUS
          + " != 'withdrawn' GROUP BY value";

  private final Warehouse warehouse;

  public BreakdownQueries(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /**
   * The indicators of {@code tenant} in {@code period} for each value of {@code by} that has a case
   * there, judged at {@code now}.
   *
   * @return the value's wire name ({@code policy}, {@code hotline_12345}) → its indicators, in the
   *     order of the SPEC §2 enumeration
   */
  public Map<String, Indicators> indicators(By by, String tenant, Period period, Instant now) {
    String sql = String.format(ROWS, by.column, MetricsQueries.periodColumn(period));
    Map<String, Indicators> found =
        Sql.query(
            warehouse,
            "read the " + by.wireName() + " breakdown of " + tenant + " in " + period,
            sql,
            ps -> {
              ps.setString(1, OverdueSql.queryTime(now));
              ps.setString(2, tenant);
              ps.setString(3, period.toString());
            },
            rs -> {
              Map<String, Indicators> rows = new HashMap<>();
              while (rs.next()) {
                rows.put(
                    rs.getString("value"),
                    new Indicators(
                        TenantPeriodCountsTable.readCounts(rs), rs.getLong("overdue_open")));
              }
              return rows;
            });
    Map<String, Indicators> ordered = new LinkedHashMap<>();
    for (WireNamed value : by.key.constants()) {
      Indicators row = found.remove(value.wireName());
      if (row != null) {
        ordered.put(value.wireName(), row);
      }
    }
    ordered.putAll(found);
    return ordered;
  }

  private static String wire(Map.Entry<? extends WireNamed, ?> count) {
    return count.getKey().wireName();
  }
}
