package io.liangshai.warehouse.figures;

import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorKind;
import io.liangshai.core.evaluation.IndicatorValue;
import io.liangshai.core.time.Period;
import io.liangshai.warehouse.CaseFactsTable;
import io.liangshai.warehouse.Sql;
import io.liangshai.warehouse.Warehouse;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values of case indicators ({@code case_ratio}, {@code case_mean_days}, SPEC §7) read straight
 * from {@code case_facts}: each definition's filters compiled by {@link CaseFilterSql} into {@code
 * countIf}/{@code sumIf} columns of one scan, grouped by every tenant a case counts for (its own,
 * its city, the province: {@code arrayJoin(ancestors)}), so cities and the province come from
 * summed counts. A new definition thus covers all stored history at once and is exact whenever the
 * built-ins are, since it reads the same facts. Durations are summed in whole microseconds as
 * {@code Int128}; the division and rounding of a mean are done in Java, in decimal.
 */
public final class IndicatorQueries {

  private static final String CLOSED = CaseFactsTable.STATUS + " = 'closed'";

  private static final String MICROS =
      "toInt128(toUnixTimestamp64Micro(assumeNotNull("
          + CaseFactsTable.CLOSED_AT
          + ")) - toUnixTimestamp64Micro("
          + CaseFactsTable.RECEIVED_AT
          + "))";

  private static final String VALUES =
      "SELECT arrayJoin("
          + CaseFactsTable.ANCESTORS
          + ") AS t%s FROM "
          + CaseFactsTable.TABLE
          + " FINAL WHERE %s = ? AND "
          + CaseFactsTable.STATUS
          + " != 'withdrawn' AND hasAny("
          + CaseFactsTable.ANCESTORS
          + ", ?) GROUP BY t HAVING has(?, t)";

  private final Warehouse warehouse;

  public IndicatorQueries(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /**
   * The value of every case indicator of {@code definitions} (others are skipped) for each tenant
   * of {@code tenants} in {@code period}.
   *
   * @return tenant code → indicator code → value, for every tenant asked (zero counts and null
   *     values where a tenant has no case)
   */
  public Map<String, Map<String, IndicatorValue>> caseValues(
      List<IndicatorDefinition> definitions, Period period, Collection<String> tenants) {
    List<IndicatorDefinition> cases =
        definitions.stream().filter(IndicatorDefinition::isCaseKind).toList();
    Map<String, Map<String, IndicatorValue>> found = new HashMap<>();
    if (!cases.isEmpty()) {
      scan(
          "read indicator values of " + period,
          aggregates(cases),
          period,
          tenants,
          rs -> found.put(rs.getString("t"), read(rs, cases)));
    }
    Map<String, Map<String, IndicatorValue>> values = new LinkedHashMap<>();
    for (String tenant : tenants) {
      values.put(tenant, found.getOrDefault(tenant, none(cases)));
    }
    return values;
  }

  /**
   * The handling time in days of every closed case matching the filter of the {@code
   * case_mean_days} indicator {@code mean}, for each tenant of {@code tenants} in {@code period}
   * (its own and its descendants' cases): what the league table's bootstrap interval resamples.
   *
   * @return tenant code → durations in days, in no particular order; empty where there is none
   */
  public Map<String, double[]> durations(
      IndicatorDefinition mean, Period period, Collection<String> tenants) {
    if (mean.kind() != IndicatorKind.CASE_MEAN_DAYS) {
      throw new IllegalArgumentException(mean.code() + " is not a case_mean_days indicator");
    }
    String closed = "(" + CaseFilterSql.condition(mean.filter()) + " AND " + CLOSED + ")";
    String aggregate =
        ", arrayStringConcat(arrayMap(x -> toString(x), groupArrayIf("
            + MICROS
            + ", "
            + closed
            + ")), ',') AS o";
    Map<String, double[]> found = new HashMap<>();
    scan(
        "read handling times of " + mean.code() + " in " + period,
        aggregate,
        period,
        tenants,
        rs -> found.put(rs.getString("t"), days(rs.getString("o"))));
    Map<String, double[]> durations = new LinkedHashMap<>();
    for (String tenant : tenants) {
      durations.put(tenant, found.getOrDefault(tenant, new double[0]));
    }
    return durations;
  }

  /** A row of one grouped scan of {@code case_facts}. */
  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /** One scan of the period's current cases with {@code aggregates}, grouped by tenant. */
  private void scan(
      String what, String aggregates, Period period, Collection<String> tenants, RowReader reader) {
    if (tenants.isEmpty()) {
      return;
    }
    String[] codes = tenants.toArray(String[]::new);
    String sql = String.format(VALUES, aggregates, MetricsQueries.periodColumn(period));
    Sql.query(
        warehouse,
        what,
        sql,
        ps -> {
          ps.setString(1, period.toString());
          ps.setArray(2, ps.getConnection().createArrayOf("String", codes));
          ps.setArray(3, ps.getConnection().createArrayOf("String", codes));
        },
        rs -> {
          while (rs.next()) {
            reader.read(rs);
          }
          return null;
        });
  }

  private static double[] days(String micros) {
    if (micros == null || micros.isEmpty()) {
      return new double[0];
    }
    String[] parts = micros.split(",");
    double[] days = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      days[i] = Long.parseLong(parts[i]) / IndicatorValue.MICROS_PER_DAY.doubleValue();
    }
    return days;
  }

  /** The aggregate columns of {@code cases}: {@code d0, n0} for a ratio, {@code c0, s0} a mean. */
  static String aggregates(List<IndicatorDefinition> cases) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < cases.size(); i++) {
      IndicatorDefinition d = cases.get(i);
      if (d.kind() == IndicatorKind.CASE_RATIO) {
        String denominator = CaseFilterSql.condition(d.denominator());
        String numerator = CaseFilterSql.condition(d.numerator());
        sql.append(", countIf(").append(denominator).append(") AS d").append(i);
        sql.append(", countIf(").append(denominator).append(" AND ").append(numerator);
        sql.append(") AS n").append(i);
      } else {
        String closed = "(" + CaseFilterSql.condition(d.filter()) + " AND " + CLOSED + ")";
        sql.append(", countIf(").append(closed).append(") AS c").append(i);
        sql.append(", toString(sumIf(").append(MICROS).append(", ").append(closed);
        sql.append(")) AS s").append(i);
      }
    }
    return sql.toString();
  }

  private static Map<String, IndicatorValue> read(ResultSet rs, List<IndicatorDefinition> cases)
      throws SQLException {
    Map<String, IndicatorValue> values = new LinkedHashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      IndicatorDefinition d = cases.get(i);
      IndicatorValue value =
          d.kind() == IndicatorKind.CASE_RATIO
              ? IndicatorValue.ratio(rs.getLong("n" + i), rs.getLong("d" + i))
              : IndicatorValue.meanDays(new BigInteger(rs.getString("s" + i)), rs.getLong("c" + i));
      values.put(d.code(), value);
    }
    return values;
  }

  private static Map<String, IndicatorValue> none(List<IndicatorDefinition> cases) {
    Map<String, IndicatorValue> values = new LinkedHashMap<>();
    for (IndicatorDefinition d : cases) {
      values.put(
          d.code(),
          d.kind() == IndicatorKind.CASE_RATIO
              ? IndicatorValue.ratio(0, 0)
              : IndicatorValue.meanDays(BigInteger.ZERO, 0));
    }
    return values;
  }
}
