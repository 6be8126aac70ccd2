package io.liangshai.warehouse.figures;

import io.liangshai.core.governance.MonthTally;
import io.liangshai.core.governance.MonthTally.Count;
import io.liangshai.core.governance.QualityFlags;
import io.liangshai.core.time.Period;
import io.liangshai.warehouse.CaseFactsTable;
import io.liangshai.warehouse.Conditions;
import io.liangshai.warehouse.Sql;
import io.liangshai.warehouse.Warehouse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Data governance over ClickHouse (SPEC §10): who reported (own cases of {@code case_facts}, the
 * batches of {@code case_versions} that carried them), what the data-quality flags are judged on,
 * and which batch last touched a tenant's month. Every query takes the scope as one tenant and
 * reads the cases whose {@code ancestors} hold it (the tenant and its descendants); rows are per
 * case tenant, each counting only its own cases.
 */
public final class GovernanceQueries {

  /** A case (latest version) of the scope, in or before the month: {@code in_month} marks M. */
  private static final String SCOPED_CASES =
      "SELECT tenant_code, case_id, status, period_month, received_at, deadline, closed_at,"
          + " satisfaction, period_month = ? AS in_month FROM "
          + CaseFactsTable.TABLE
          + " FINAL WHERE has(ancestors, ?) AND has(?, period_month)";

  private static final String REPORTING_CASES =
      "SELECT tenant_code, countIf(in_month AND status != 'withdrawn') AS cases,"
          + " countIf(in_month) AS all_cases, countIf(period_month = ?) AS before_1,"
          + " countIf(period_month = ?) AS before_2, countIf(period_month = ?) AS before_3 FROM ("
          + SCOPED_CASES
          + ") GROUP BY tenant_code";

  /** The §3-counted cases (not withdrawn) of the scope received in M. */
  private static final String COUNTED_CASES_OF_MONTH =
      "SELECT tenant_code, case_id FROM "
          + CaseFactsTable.TABLE
          + " FINAL WHERE has(ancestors, ?) AND period_month = ? AND status != 'withdrawn'";

  /**
   * Batches are counted from {@code case_versions} (every landed batch was accepted); their upload
   * time comes from {@code batches}, which the API writes within a second of the upload.
   */
  private static final String REPORTING_BATCHES =
      "SELECT v.tenant_code AS tenant, uniqExactIf(v.batch_id, v.batch_id != '') AS batches,"
          + " max(b.received_at) AS last_upload_at FROM"
          + " (SELECT DISTINCT tenant_code, batch_id FROM case_versions FINAL"
          + " WHERE has(ancestors, ?) AND (tenant_code, case_id) IN ("
          + COUNTED_CASES_OF_MONTH
          + ")) AS v LEFT JOIN (SELECT batch_id, max(received_at) AS received_at FROM batches"
          + " GROUP BY batch_id) AS b ON b.batch_id = v.batch_id GROUP BY v.tenant_code"
          + " SETTINGS join_use_nulls = 1";

  private static final String NEAR_DEADLINE =
      "status = 'closed' AND coalesce(closed_at > deadline - toIntervalHour(1)"
          + " AND closed_at <= deadline, 0)";
  private static final String INSTANT =
      "status = 'closed' AND coalesce(closed_at <= received_at + toIntervalMinute(10), 0)";

  private static final String TALLY =
      "SELECT "
          + String.join(
              ", ",
              "tenant_code",
              "countIf(in_month) AS cases",
              "countIf(in_month AND status = 'closed') AS closed",
              EvidenceSql.count("near_deadline", NEAR_DEADLINE),
              EvidenceSql.count("withdrawn", "status = 'withdrawn'"),
              "countIf(NOT in_month) AS prior_cases",
              "countIf(NOT in_month AND status = 'withdrawn') AS prior_withdrawn",
              EvidenceSql.count("rated", "satisfaction IS NOT NULL"),
              "countIf(in_month AND satisfaction = 'very_satisfied') AS very_satisfied",
              EvidenceSql.count("instant", INSTANT))
          + " FROM ("
          + SCOPED_CASES
          + ") GROUP BY tenant_code";

  /** Cases of the month with two accepted closed versions whose closed_at differ. */
  private static final String REWRITTEN =
      "SELECT tenant_code, count() AS n, arraySlice(arraySort(groupArray(case_id)), 1, "
          + QualityFlags.EVIDENCE
          + ") AS ids FROM (SELECT tenant_code, case_id FROM case_versions FINAL"
          + " WHERE has(ancestors, ?) AND status = 'closed' AND (tenant_code, case_id) IN ("
          + "SELECT tenant_code, case_id FROM "
          + CaseFactsTable.TABLE
          + " FINAL WHERE has(ancestors, ?) AND period_month = ?)"
          + " GROUP BY tenant_code, case_id HAVING uniqExact(closed_at) >= 2)"
          + " GROUP BY tenant_code";

  /**
   * The batch processed last, after an instant, that carried a version of a case of the tenant's
   * scope in M: a version received in M, or any version of a case now in M.
   */
  private static final String LAST_BATCH_TOUCHING =
      "SELECT p.batch_id AS batch_id FROM (SELECT batch_id, max(processed_at) AS processed_at"
          + " FROM processed_batches GROUP BY batch_id) AS p"
          + " WHERE p.processed_at > toDateTime64(?, 6, 'UTC') AND p.batch_id IN ("
          + "SELECT batch_id FROM case_versions WHERE has(ancestors, ?) AND (period_month = ?"
          + " OR (tenant_code, case_id) IN (SELECT tenant_code, case_id FROM "
          + CaseFactsTable.TABLE
          + " FINAL WHERE has(ancestors, ?) AND period_month = ?)))"
          + " ORDER BY p.processed_at DESC, p.batch_id DESC LIMIT 1";

  private final Warehouse warehouse;

  public GovernanceQueries(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /**
   * One tenant's reporting in a month.
   *
   * @param cases its own cases received in M as §3 counts them (withdrawn excluded)
   * @param allCases the same with withdrawn ones
   * @param before its cases (withdrawn included) of the three months before, nearest first
   * @param batches accepted batches that carried a version of one of {@code cases}
   * @param lastUploadAt when the latest of those batches was received; null when none
   */
  public record Reported(
      long cases, long allCases, long[] before, long batches, Instant lastUploadAt) {

    static final Reported NONE = new Reported(0, 0, new long[3], 0, null);
  }

  /**
   * The reporting of every tenant of {@code scope}'s subtree that has cases around {@code month}.
   */
  public Map<String, Reported> reporting(String scope, Period month) {
    Period[] before = {month.previous(), month.previous().previous(), null};
    before[2] = before[1].previous();
    Map<String, Reported> rows = new HashMap<>();
    Sql.query(
        warehouse,
        "read the reporting of " + scope + " in " + month,
        REPORTING_CASES,
        new Conditions()
            .value(before[0].toString())
            .value(before[1].toString())
            .value(before[2].toString())
            .value(month.toString())
            .value(scope)
            .value(monthAndThreeBefore(month)),
        Sql.eachRow(
            rs ->
                rows.put(
                    rs.getString("tenant_code"),
                    new Reported(
                        rs.getLong("cases"),
                        rs.getLong("all_cases"),
                        new long[] {
                          rs.getLong("before_1"), rs.getLong("before_2"), rs.getLong("before_3")
                        },
                        0,
                        null))));
    Sql.query(
        warehouse,
        "read the batches of " + scope + " in " + month,
        REPORTING_BATCHES,
        new Conditions().value(scope).value(scope).value(month.toString()),
        Sql.eachRow(
            rs -> {
              String tenant = rs.getString("tenant");
              Reported r = rows.getOrDefault(tenant, Reported.NONE);
              return rows.put(
                  tenant,
                  new Reported(
                      r.cases(),
                      r.allCases(),
                      r.before(),
                      rs.getLong("batches"),
                      CaseFactsTable.instant(rs, "last_upload_at")));
            }));
    return rows;
  }

  /**
   * What the flags are judged on, for every tenant of {@code scope}'s subtree with cases in {@code
   * month} or the three months before.
   */
  public Map<String, MonthTally> tallies(String scope, Period month) {
    Map<String, Count> rewritten = new HashMap<>();
    Sql.query(
        warehouse,
        "read rewritten closing times of " + scope + " in " + month,
        REWRITTEN,
        new Conditions().value(scope).value(scope).value(month.toString()),
        Sql.eachRow(
            rs ->
                rewritten.put(
                    rs.getString("tenant_code"),
                    new Count(rs.getLong("n"), EvidenceSql.ids(rs, "ids")))));
    Map<String, MonthTally> tallies = new HashMap<>();
    Sql.query(
        warehouse,
        "read the data-quality tallies of " + scope + " in " + month,
        TALLY,
        new Conditions().value(month.toString()).value(scope).value(monthAndThreeBefore(month)),
        Sql.eachRow(
            rs -> {
              String tenant = rs.getString("tenant_code");
              return tallies.put(
                  tenant,
                  new MonthTally(
                      rs.getLong("cases"),
                      rs.getLong("closed"),
                      EvidenceSql.count(rs, "near_deadline"),
                      EvidenceSql.count(rs, "withdrawn"),
                      rs.getLong("prior_cases"),
                      rs.getLong("prior_withdrawn"),
                      EvidenceSql.count(rs, "rated"),
                      rs.getLong("very_satisfied"),
                      EvidenceSql.count(rs, "instant"),
                      rewritten.getOrDefault(tenant, Count.NONE)));
            }));
    return tallies;
  }

  /**
   * The batch processed last after {@code after} that carried a version of a case of {@code
   * tenant}'s subtree in {@code month} (a version received in M, or a case now in M); empty when
   * none.
   */
  public Optional<String> lastBatchTouching(String tenant, Period month, Instant after) {
    List<String> ids =
        Sql.query(
            warehouse,
            "find the last batch touching " + tenant + " in " + month,
            LAST_BATCH_TOUCHING,
            new Conditions()
                .value(OverdueSql.queryTime(after))
                .value(tenant)
                .value(month.toString())
                .value(tenant)
                .value(month.toString()),
            Sql.eachRow(rs -> rs.getString("batch_id")));
    return ids.stream().findFirst();
  }

  /**
   * The newest month before {@code month} that holds any case (its latest version); empty if none.
   */
  public Optional<Period> newestMonthBefore(Period month) {
    String newest =
        Sql.query(
            warehouse,
            "find the newest month with cases before " + month,
            "SELECT max(period_month) FROM "
                + CaseFactsTable.TABLE
                + " WHERE period_month < ? AND period_month != ''",
            new Conditions().value(month.toString()),
            rs -> rs.next() ? rs.getString(1) : null);
    return newest == null || newest.isEmpty()
        ? Optional.empty()
        : Optional.of(Period.parse(newest));
  }

  private static String[] monthAndThreeBefore(Period month) {
    Period p = month;
    String[] months = new String[4];
    for (int i = 0; i < 4; i++) {
      months[i] = p.toString();
      p = p.previous();
    }
    return months;
  }
}
