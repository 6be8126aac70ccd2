package io.liangshai.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorDefinitionParser;
import io.liangshai.tenants.Tenant;
import io.liangshai.warehouse.TenantPeriodCountsTable;
import io.liangshai.warehouse.figures.CaseFilterSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ClickHouse queries behind the six-indicator table, as the platform's warehouse reads them
 * (the filters compiled by its {@link CaseFilterSql}): the counts of this and the previous month,
 * the open cases past their deadline now, and for both months one {@code countIf}/{@code sumIf}
 * scan of {@code case_facts} for the two defined indicators and one of the mean's handling times
 * (what its bootstrap interval resamples). Every row is read; nothing is ranked.
 */
final class IndicatorsBenchQueries {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String MICROS =
      "toInt128(toUnixTimestamp64Micro(assumeNotNull(closed_at))"
          + " - toUnixTimestamp64Micro(received_at))";
  private static final String SCAN =
      "SELECT arrayJoin(ancestors) AS t, %s FROM case_facts FINAL WHERE period_month = ?"
          + " AND status != 'withdrawn' AND hasAny(ancestors, ?) GROUP BY t HAVING has(?, t)";

  private final String[] codes;
  private final List<String> statements = new ArrayList<>();

  IndicatorsBenchQueries(List<Tenant> counties) {
    this.codes = counties.stream().map(Tenant::code).toArray(String[]::new);
    IndicatorDefinition ratio = parse(IndicatorsBench.RATIO);
    IndicatorDefinition mean = parse(IndicatorsBench.MEAN);
    String d = CaseFilterSql.condition(ratio.denominator());
    String n = CaseFilterSql.condition(ratio.numerator());
    String m = "(" + CaseFilterSql.condition(mean.filter()) + " AND status = 'closed')";
    String counts =
        "SELECT tenant_code, "
            + TenantPeriodCountsTable.countColumns()
            + " FROM tenant_period_counts FINAL"
            + " WHERE period_kind = 'month' AND period = ? AND has(?, tenant_code)";
    statements.add(counts);
    statements.add(counts);
    statements.add(
        "SELECT t, count() FROM (SELECT arrayJoin(ancestors) AS t FROM case_facts FINAL"
            + " WHERE period_month = ? AND status NOT IN ('closed', 'withdrawn')"
            + " AND deadline < now64(6)) WHERE has(?, t) GROUP BY t");
    for (int i = 0; i < 2; i++) {
      statements.add(
          String.format(
              SCAN,
              "countIf("
                  + d
                  + ") AS d0, countIf("
                  + d
                  + " AND "
                  + n
                  + ") AS n0, countIf("
                  + m
                  + ") AS c1, toString(sumIf("
                  + MICROS
                  + ", "
                  + m
                  + ")) AS s1"));
      statements.add(
          String.format(
              SCAN,
              "arrayStringConcat(arrayMap(x -> toString(x), groupArrayIf("
                  + MICROS
                  + ", "
                  + m
                  + ")), ',') AS o"));
    }
  }

  private static IndicatorDefinition parse(String json) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = JSON.readValue(json, Map.class);
      return IndicatorDefinitionParser.parse(map).definition();
    } catch (Exception e) {
      throw new IllegalStateException(json, e);
    }
  }

  /** Runs every query once on {@code c}, reading every row. */
  void run(Connection c) throws Exception {
    String[] periods = {
      "2024-02", "2024-01", "2024-02", "2024-02", "2024-02", "2024-01", "2024-01"
    };
    for (int i = 0; i < statements.size(); i++) {
      try (PreparedStatement ps = c.prepareStatement(statements.get(i))) {
        ps.setString(1, periods[i]);
        ps.setArray(2, c.createArrayOf("String", codes));
        if (statements.get(i).contains("HAVING")) {
          ps.setArray(3, c.createArrayOf("String", codes));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rs.getString(2);
          }
        }
      }
    }
  }
}
