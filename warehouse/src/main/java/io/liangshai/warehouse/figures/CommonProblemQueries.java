package io.liangshai.warehouse.figures;

import io.liangshai.core.time.Period;
import io.liangshai.problems.ProblemCase;
import io.liangshai.warehouse.CaseFactsTable;
import io.liangshai.warehouse.Column;
import io.liangshai.warehouse.Conditions;
import io.liangshai.warehouse.Sql;
import io.liangshai.warehouse.Warehouse;
import java.util.List;
import java.util.Objects;

/**
 * The common problems' reader of {@code case_facts} (SPEC §9): the current version of each case of
 * a tenant and its descendants received in a period, withdrawn excluded, with its description — the
 * only text spliced in is a period column from a fixed set — and a number that changes whenever a
 * case of the scope does.
 */
public final class CommonProblemQueries {

  private static final String CASES =
      "SELECT "
          + Column.list(
              CaseFactsTable.TENANT_CODE,
              CaseFactsTable.CASE_ID,
              CaseFactsTable.CATEGORY,
              CaseFactsTable.DESCRIPTION)
          + " FROM "
          + CaseFactsTable.TABLE
          + " FINAL WHERE has(ancestors, ?) AND %s = ? AND status != 'withdrawn'"
          + " AND description IS NOT NULL AND description != ''";

  /**
   * Every row written for the scope, not only the latest versions: a new version of any case of the
   * scope raises the greatest row version (the job's row versions follow the wall clock and grow
   * per case) and adds a row.
   */
  private static final String VERSION =
      "SELECT max(version) AS v, count() AS n FROM "
          + CaseFactsTable.TABLE
          + " WHERE has(ancestors, ?)";

  private final Warehouse warehouse;

  public CommonProblemQueries(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /** The cases of {@code tenant}'s scope received in {@code period} that have a description. */
  public List<ProblemCase> cases(String tenant, Period period) {
    return Sql.query(
        warehouse,
        "read case descriptions",
        String.format(CASES, MetricsQueries.periodColumn(period)),
        new Conditions().value(Objects.requireNonNull(tenant, "tenant")).value(period.toString()),
        Sql.eachRow(
            rs ->
                new ProblemCase(
                    rs.getString(CaseFactsTable.TENANT_CODE.sql()),
                    rs.getString(CaseFactsTable.CASE_ID.sql()),
                    rs.getString(CaseFactsTable.CATEGORY.sql()),
                    rs.getString(CaseFactsTable.DESCRIPTION.sql()))));
  }

  /** A value that changes whenever a case of {@code tenant}'s scope gets a new version. */
  public String version(String tenant) {
    return Sql.query(
        warehouse,
        "read the version of case_facts",
        VERSION,
        new Conditions().value(Objects.requireNonNull(tenant, "tenant")),
        rs -> rs.next() ? rs.getLong("v") + "/" + rs.getLong("n") : "0/0");
  }
}
