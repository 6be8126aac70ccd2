package io.liangshai.stream;

import static io.liangshai.core.testing.CaseRecordFixture.OTHER_USCC;
import static io.liangshai.core.testing.CaseRecordFixture.TENANT;
import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.Category;
import io.liangshai.core.testing.CaseRecordFixture;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.warehouse.quarantine.QuarantinedLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole topology on a MiniCluster with its ends replaced (flink-training's {@code
 * RideCleansingIntegrationTest}): a few hand-made landed lines in, the rows each sink was given
 * out. Batch {@code b_1} holds case {@code a} open, a closed case {@code p} and, a month later,
 * {@code c} of the same enterprise and category (a recurrence), a case {@code o} closed after its
 * deadline, and a line that is not JSON; {@code b_2} closes {@code a}, then replays its old version
 * and its new one.
 */
class CaseIndicatorsJobTest {

  @RegisterExtension static final MiniClusterExtension FLINK = MiniClusters.oneTaskManager(1);

  private static final Instant JAN_1 = Instant.parse("2024-01-01T01:00:00Z");
  private static final Instant JAN_2 = Instant.parse("2024-01-02T01:00:00Z");
  private static final String BAD_LINE = "this is not a record";

  private static final CaseRecord A_OPEN = aCase().caseId("a").receivedAt(JAN_2).build();
  private static final CaseRecord A_CLOSED =
      aCase().caseId("a").receivedAt(JAN_2).closedAt(JAN_2.plusSeconds(2 * 86_400)).build();
  private static final CaseRecord P =
      aCase()
          .caseId("p")
          .category(Category.FINANCE)
          .receivedAt(JAN_1)
          .closedAt(JAN_1.plusSeconds(2 * 86_400))
          .build();
  private static final CaseRecord C =
      aCase()
          .caseId("c")
          .category(Category.FINANCE)
          .receivedAt(Instant.parse("2024-02-01T01:00:00Z"))
          .build();
  private static final CaseRecord O =
      aCase()
          .caseId("o")
          .uscc(OTHER_USCC)
          .receivedAt(JAN_2)
          .deadline(JAN_2.plusSeconds(3 * 86_400))
          .closedAt(JAN_2.plusSeconds(8 * 86_400))
          .build();

  /** Batches the job marked processed (a static queue: the job runs in this JVM). */
  private static final Queue<String> PROCESSED = new ConcurrentLinkedQueue<>();

  private static final TestSink<CountRow> COUNTS = new TestSink<>();
  private static final TestSink<CaseFactRow> FACTS = new TestSink<>();
  private static final TestSink<QuarantinedLine> QUARANTINE = new TestSink<>();
  private static final TestSink<VersionRow> VERSIONS = new TestSink<>();

  @BeforeAll
  static void runTheJobOnAFewLines() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.addAll(
        LandedLines.batch("b_1", List.of(json(A_OPEN), json(P), json(C), json(O), BAD_LINE)));
    lines.addAll(LandedLines.batch("b_2", List.of(json(A_CLOSED), json(A_OPEN), json(A_CLOSED))));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.enableCheckpointing(100);
    new CaseIndicatorsJob(
            LandedLines.source(lines),
            new JobSinks(COUNTS, FACTS, QUARANTINE, VERSIONS),
            CaseIndicatorsJobTest::markProcessed,
            ZhejiangTenants.hierarchy())
        .execute(env);
  }

  @Test
  void theNewestVersionOfACaseWinsAndItsReplaysChangeNothing() {
    List<CaseFactRow> rowsOfA =
        FACTS.results().stream().filter(f -> f.record().caseId().equals("a")).toList();

    assertThat(rowsOfA).as("a row for each new version, none for a replay").hasSize(2);
    assertThat(newestFact("a").record().status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(counts(TENANT, "2024-01").received()).as("a, p and o").isEqualTo(3);
    assertThat(counts(TENANT, "2024-01").closed()).isEqualTo(3);
  }

  @Test
  void everyLandedVersionIsWrittenWithItsBatchTheLateOlderOneIncluded() {
    List<String> ofA =
        VERSIONS.results().stream()
            .filter(v -> v.record().caseId().equals("a"))
            .map(v -> v.batchId() + " " + v.record().status().wireName())
            .distinct()
            .sorted()
            .toList();

    assertThat(ofA).containsExactly("b_1 received", "b_2 closed", "b_2 received");
    assertThat(VERSIONS.results())
        .as("a row per record line of both batches, the line that is not JSON none")
        .hasSize(7);
    VersionRow c =
        VERSIONS.results().stream()
            .filter(v -> v.record().caseId().equals("c"))
            .findFirst()
            .orElseThrow();
    assertThat(c.month()).isEqualTo("2024-02");
    assertThat(c.ancestors()).containsExactly(TENANT, "330500", "330000");
  }

  @Test
  void aCaseAfterAClosedOneOfTheSameEnterpriseAndCategoryIsARecurrence() {
    assertThat(newestFact("c").derived().recurrence()).isTrue();
    assertThat(newestFact("p").derived().recurrence()).isFalse();
    assertThat(newestFact("a").derived().recurrence()).as("another category").isFalse();
    assertThat(counts(TENANT, "2024-02").recurrences()).isEqualTo(1);
  }

  @Test
  void aCaseClosedAfterItsDeadlineIsOverdue() {
    assertThat(newestFact("o").derived().overdueClosed()).isTrue();
    assertThat(newestFact("a").derived().overdueClosed()).isFalse();
    assertThat(counts(TENANT, "2024-01").overdueClosed()).isEqualTo(1);
  }

  @Test
  void aLineThatIsNoRecordIsQuarantinedWithItsBatchAndLine() {
    assertThat(QUARANTINE.results())
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.batchId()).isEqualTo("b_1");
              assertThat(q.line()).as("after the header and four records").isEqualTo(6);
              assertThat(q.operator()).isEqualTo(LandingParser.NAME);
              assertThat(q.content()).isEqualTo(BAD_LINE);
            });
  }

  @Test
  void everyCountOfEveryTenantAndPeriodIsTheReferenceCalculators() {
    Map<String, IndicatorCounts> expected = new TreeMap<>();
    new ReferenceCalculator(ZhejiangTenants.hierarchy())
        .compute(
            Stream.of(A_OPEN, P, C, O, A_CLOSED, A_OPEN, A_CLOSED),
            EnumSet.allOf(PeriodKind.class),
            Instant.parse("2025-01-01T00:00:00Z"))
        .forEach(
            (period, tenants) ->
                tenants.forEach(
                    (tenant, i) -> {
                      if (!i.counts().equals(IndicatorCounts.ZERO)) {
                        expected.put(period + "|" + tenant, i.counts());
                      }
                    }));
    Map<String, IndicatorCounts> got = new TreeMap<>();
    newestCounts()
        .forEach(
            (key, row) -> {
              if (!row.counts().equals(IndicatorCounts.ZERO)) {
                got.put(Period.parse(row.period()) + "|" + row.tenant(), row.counts());
              }
            });

    assertThat(got).isNotEmpty().isEqualTo(expected);
  }

  @Test
  void bothBatchesAreMarkedProcessedOnce() {
    assertThat(PROCESSED).containsExactlyInAnyOrder("b_1", "b_2");
  }

  /** The job's {@link BatchProgress}: static, so the deserialized job adds to this JVM's queue. */
  private static void markProcessed(List<String> batchIds) {
    PROCESSED.addAll(batchIds);
  }

  private static String json(CaseRecord r) {
    return CaseRecordCodec.toJson(r);
  }

  /**
   * The facts row of case {@code caseId} of {@link CaseRecordFixture#TENANT}, as ClickHouse keeps
   * it.
   */
  private static CaseFactRow newestFact(String caseId) {
    return newest(FACTS.results()).get(TENANT + "|" + caseId);
  }

  /** The row of each case with the greatest version, as ClickHouse keeps it. */
  private static Map<String, CaseFactRow> newest(List<CaseFactRow> rows) {
    return rows.stream()
        .collect(
            Collectors.toMap(
                f -> f.record().tenantCode() + "|" + f.record().caseId(),
                f -> f,
                newer(f -> f.derived().version())));
  }

  /** The counts row of each tenant and period with the greatest version. */
  private static Map<String, CountRow> newestCounts() {
    return COUNTS.results().stream()
        .collect(
            Collectors.toMap(
                r -> r.tenant() + "|" + r.periodKind() + "|" + r.period(),
                r -> r,
                newer(CountRow::version)));
  }

  private static IndicatorCounts counts(String tenant, String month) {
    CountRow row = newestCounts().get(tenant + "|" + PeriodKind.MONTH.name() + "|" + month);
    return row == null ? IndicatorCounts.ZERO : row.counts();
  }

  private static <T> BinaryOperator<T> newer(java.util.function.ToLongFunction<T> version) {
    return (x, y) -> version.applyAsLong(x) >= version.applyAsLong(y) ? x : y;
  }
}
