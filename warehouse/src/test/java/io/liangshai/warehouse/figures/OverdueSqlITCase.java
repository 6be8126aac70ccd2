package io.liangshai.warehouse.figures;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.indicator.OverdueRule;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.time.ChinaTime;
import io.liangshai.core.time.Deadlines;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.figures.CaseFactsQueries.CaseFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The overdue rule in SQL ({@link OverdueSql}, and the queries built on it) and in Java ({@link
 * OverdueRule}) agree on the edge cases, evaluated in a real ClickHouse at many query times.
 */
class OverdueSqlITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private static final String COUNTY = "330522";
  private static final String PROVINCE = "330000";
  private static final Period MARCH = Period.parse("2024-03");
  private static final Instant RECEIVED = Instant.parse("2024-03-04T02:00:00Z");
  private static final Instant DEADLINE = Instant.parse("2024-03-10T08:30:00.123456Z");
  private static final Instant MONTH_END = shanghai("2024-03-31T23:59:59.999999");
  private static final Instant SHANGHAI_MIDNIGHT = shanghai("2024-03-20T00:00:00");

  /** One case as {@code case_facts} holds it; {@code deadline} is the effective one. */
  record Edge(String id, CaseStatus status, Instant deadline, Instant closedAt) {
    boolean closedLate() {
      return OverdueRule.isClosedLate(status, closedAt, deadline);
    }
  }

  private static final List<Edge> EDGES =
      List.of(
          new Edge("closed-at-deadline", CaseStatus.CLOSED, DEADLINE, DEADLINE),
          new Edge("closed-a-micro-late", CaseStatus.CLOSED, DEADLINE, plusMicro(DEADLINE)),
          new Edge("closed-early", CaseStatus.CLOSED, DEADLINE, DEADLINE.minusSeconds(3600)),
          new Edge("open", CaseStatus.IN_PROGRESS, DEADLINE, null),
          new Edge("received", CaseStatus.RECEIVED, SHANGHAI_MIDNIGHT, null),
          new Edge("assigned-to-month-end", CaseStatus.ASSIGNED, MONTH_END, null),
          new Edge("no-deadline-given", CaseStatus.IN_PROGRESS, Deadlines.derive(RECEIVED), null),
          new Edge("withdrawn-past-deadline", CaseStatus.WITHDRAWN, DEADLINE, null));

  private static Warehouse warehouse;

  @BeforeAll
  static void load() throws Exception {
    warehouse = Warehouse.open(CLICKHOUSE.jdbcUrl());
    try (Connection c = warehouse.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO case_facts (tenant_code, case_id, ancestors, status, received_at,"
                    + " deadline, closed_at, overdue_closed, period_month, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
      for (Edge e : EDGES) {
        ps.setString(1, COUNTY);
        ps.setString(2, e.id());
        ps.setObject(3, new String[] {COUNTY, "330500", PROVINCE});
        ps.setString(4, e.status().wireName());
        ps.setString(5, OverdueSql.queryTime(RECEIVED));
        ps.setString(6, OverdueSql.queryTime(e.deadline()));
        ps.setString(7, e.closedAt() == null ? null : OverdueSql.queryTime(e.closedAt()));
        ps.setInt(8, e.closedLate() ? 1 : 0);
        ps.setString(9, MARCH.toString());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Test
  void theJavaRuleDecidesTheEdgesAsSpecThreeSays() {
    assertThat(overdueInJava(DEADLINE))
        .as("closed at the deadline is in time; open at the deadline is not yet late")
        .containsExactly("closed-a-micro-late");
    assertThat(overdueInJava(plusMicro(DEADLINE))).containsExactly("closed-a-micro-late", "open");
    assertThat(overdueInJava(Period.of(PeriodKind.MONTH, MONTH_END).next().start()))
        .as("the first instant of April in Asia/Shanghai: everything open is past its deadline")
        .containsExactly(
            "assigned-to-month-end",
            "closed-a-micro-late",
            "no-deadline-given",
            "open",
            "received");
  }

  @Test
  void theSqlFragmentsSelectWhatTheJavaRuleSelectsAtEveryEdge() throws Exception {
    for (Instant now : queryTimes()) {
      assertThat(selectInSql(OverdueSql.OPEN_PAST_DEADLINE, now))
          .as("open past deadline at %s", now)
          .isEqualTo(ids(e -> OverdueRule.isOpenPastDeadline(e.status(), e.deadline(), now)));
      assertThat(selectInSql(OverdueSql.OVERDUE, now))
          .as("overdue at %s", now)
          .isEqualTo(overdueInJava(now));
    }
  }

  @Test
  void theQueriesCountAndListWhatTheJavaRuleSelects() throws Exception {
    MetricsQueries metrics = new MetricsQueries(warehouse);
    CaseFactsQueries drillDown = new CaseFactsQueries(warehouse);
    for (Instant now : queryTimes()) {
      long open = ids(e -> OverdueRule.isOpenPastDeadline(e.status(), e.deadline(), now)).size();
      assertThat(metrics.indicators(MARCH, List.of(COUNTY, PROVINCE), now))
          .allSatisfy((tenant, figures) -> assertThat(figures.overdueOpen()).isEqualTo(open));

      List<CaseFactRow> overdue =
          drillDown
              .cases(new CaseFilter(COUNTY, MARCH, null, null, true, now, 100, 0, null))
              .rows();
      assertThat(overdue)
          .extracting(CaseFactRow::caseId)
          .containsExactlyInAnyOrderElementsOf(overdueInJava(now));
      assertThat(overdue).allMatch(CaseFactRow::overdue);

      List<CaseFactRow> all =
          drillDown
              .cases(new CaseFilter(COUNTY, MARCH, null, null, false, now, 100, 0, null))
              .rows();
      assertThat(all.stream().filter(CaseFactRow::overdue).map(CaseFactRow::caseId))
          .as("the overdue flag of each row at %s", now)
          .containsExactlyInAnyOrderElementsOf(overdueInJava(now));
    }
  }

  /** Each deadline and closing instant, a microsecond either side, and a Shanghai midnight. */
  private static List<Instant> queryTimes() {
    return EDGES.stream()
        .flatMap(e -> Stream.of(e.deadline(), e.closedAt()))
        .filter(t -> t != null)
        .flatMap(t -> Stream.of(t.minus(1, ChronoUnit.MICROS), t, plusMicro(t)))
        .collect(Collectors.toCollection(TreeSet::new))
        .stream()
        .toList();
  }

  private static Set<String> overdueInJava(Instant now) {
    return ids(e -> OverdueRule.isOverdueAt(e.status(), e.closedAt(), e.deadline(), now));
  }

  private static Set<String> ids(Predicate<Edge> rule) {
    return EDGES.stream().filter(rule).map(Edge::id).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> selectInSql(String fragment, Instant now) throws Exception {
    Set<String> ids = new TreeSet<>();
    try (Connection c = warehouse.connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT case_id FROM case_facts FINAL WHERE " + fragment)) {
      ps.setString(1, OverdueSql.queryTime(now));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  private static Instant plusMicro(Instant t) {
    return t.plus(1, ChronoUnit.MICROS);
  }

  private static Instant shanghai(String local) {
    return LocalDateTime.parse(local).atZone(ChinaTime.ZONE).toInstant();
  }
}
