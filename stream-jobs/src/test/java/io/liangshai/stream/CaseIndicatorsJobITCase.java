package io.liangshai.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.warehouse.Sql;
import io.liangshai.warehouse.TenantPeriodCountsTable;
import io.liangshai.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real job on a Flink MiniCluster, reading the records log on Kafka, writing ClickHouse. */
class CaseIndicatorsJobITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = MiniClusters.oneTaskManager(2);

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  @RegisterExtension final TestRecordsLog log = new TestRecordsLog();

  @Test
  void countsFactsAndProcessedBatchesReachClickHouseAndFollowChanges() throws Exception {
    try (Warehouse warehouse = Warehouse.open(CLICKHOUSE.jdbcUrl())) {
      List<CaseRecord> sample = SampleFeed.validRecords();
      Collections.shuffle(sample, new Random(5));
      List<CaseRecord> firstHalf = sample.subList(0, sample.size() / 2);
      List<CaseRecord> secondHalf = sample.subList(sample.size() / 2, sample.size());

      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      env.enableCheckpointing(300);
      CaseIndicatorsJob job =
          CaseIndicatorsJob.of(
              log.bootstrapServers(), log.topic(), CLICKHOUSE.jdbcUrl(), registryHierarchy());
      job.build(env);
      JobClient client = env.executeAsync("itcase");
      try {
        publish("b_1", firstHalf);
        publish("b_2", secondHalf);
        awaitProcessed(warehouse, List.of("b_1", "b_2"));
        assertCountsMatchReference(warehouse, sample);

        // A late closing of a January case: January's figures change, nothing else is added.
        CaseRecord open =
            io.liangshai.core.record.CaseVersions.latest(sample.stream()).values().stream()
                .filter(r -> !r.isClosed() && !r.isWithdrawn())
                .filter(r -> r.receivedAt().isBefore(Instant.parse("2024-01-31T00:00:00Z")))
                .min(java.util.Comparator.comparing(CaseRecord::caseId))
                .orElseThrow();
        CaseRecord closed =
            new CaseRecord(
                open.caseId(),
                open.tenantCode(),
                open.updatedAt().plusSeconds(86_400 * 100),
                open.enterpriseUscc(),
                open.enterpriseName(),
                open.channel(),
                open.category(),
                open.receivedAt(),
                open.deadline(),
                CaseStatus.CLOSED,
                open.updatedAt().plusSeconds(86_400 * 100),
                open.escalationLevel(),
                open.reassignedCount(),
                open.leaderInstructed(),
                null,
                open.description());
        publish("b_3", List.of(closed));
        awaitProcessed(warehouse, List.of("b_3"));
        List<CaseRecord> all = new ArrayList<>(sample);
        all.add(closed);
        assertCountsMatchReference(warehouse, all);

        List<String> facts =
            Sql.query(
                warehouse,
                "read the facts of " + closed.key(),
                "SELECT status, has(ancestors, '330000') FROM case_facts FINAL"
                    + " WHERE tenant_code = ? AND case_id = ?",
                ps -> {
                  ps.setString(1, closed.tenantCode());
                  ps.setString(2, closed.caseId());
                },
                Sql.eachRow(rs -> rs.getString(1) + " " + rs.getBoolean(2)));
        assertThat(facts).as("status, counted for the province").containsExactly("closed true");
      } finally {
        client.cancel().get();
      }
    }
  }

  /**
   * {@code main}, as {@code flink run} calls it on a cluster, configures checkpointing from its
   * arguments: without it no batch would ever be processed.
   */
  @Test
  void mainCheckpointsWhereItIsToldSoItsBatchesAreProcessed(
      @InjectClusterClient ClusterClient<?> flink, @TempDir Path checkpoints) throws Exception {
    try (Warehouse warehouse = Warehouse.open(CLICKHOUSE.jdbcUrl())) {
      AtomicReference<Throwable> failed = new AtomicReference<>();
      Thread submitted =
          new Thread(
              () -> {
                try {
                  CaseIndicatorsJob.main(
                      new String[] {
                        "--kafka", log.bootstrapServers(),
                        "--topic", log.topic(),
                        "--clickhouse", CLICKHOUSE.jdbcUrl(),
                        "--checkpoints", checkpoints.toUri().toString(),
                        "--checkpoint-interval", "300 ms"
                      });
                } catch (Throwable e) {
                  failed.set(e);
                }
              },
              "flink-run");
      submitted.start();
      try {
        publish("m_1", SampleFeed.validRecords().subList(0, 40));
        awaitProcessed(warehouse, List.of("m_1"));
      } finally {
        for (JobStatusMessage job : flink.listJobs().get()) {
          if (!job.getJobState().isGloballyTerminalState()) {
            flink.cancel(job.getJobId()).get();
          }
        }
        submitted.join(Duration.ofSeconds(30).toMillis());
      }
      try (Stream<Path> files = Files.walk(checkpoints)) {
        assertThat(files.filter(p -> p.getFileName().toString().startsWith("chk-")))
            .as("checkpoints under --checkpoints, kept on cancel")
            .isNotEmpty();
      }
      assertThat(failed.get()).as("main ended by the cancellation").isNotNull();
    }
  }

  private static io.liangshai.tenants.TenantRegistry registryHierarchy() {
    return io.liangshai.tenants.TenantRegistryLoader.loadDefault();
  }

  private void publish(String batchId, List<CaseRecord> records) throws Exception {
    log.append("330000", batchId, records.stream().map(CaseRecordCodec::toJson).toList());
  }

  static void awaitProcessed(Warehouse warehouse, List<String> ids) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (true) {
      try (Connection c = warehouse.connect();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT count(DISTINCT batch_id) FROM processed_batches WHERE batch_id IN ('"
                      + String.join("','", ids)
                      + "')")) {
        rs.next();
        if (rs.getInt(1) == ids.size()) {
          return;
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("batches " + ids + " not processed in time");
      }
      Thread.sleep(200);
    }
  }

  static void assertCountsMatchReference(Warehouse warehouse, List<CaseRecord> records)
      throws Exception {
    SortedMap<Period, SortedMap<String, Indicators>> expected =
        new ReferenceCalculator(ZhejiangTenants.hierarchy())
            .compute(
                records.stream(),
                EnumSet.allOf(PeriodKind.class),
                Instant.parse("2025-01-01T00:00:00Z"));
    List<String> tenants =
        Sql.query(
            warehouse,
            "read tenant_period_counts",
            "SELECT period, tenant_code, "
                + TenantPeriodCountsTable.countColumns()
                + " FROM tenant_period_counts FINAL",
            Sql.Parameters.none(),
            Sql.eachRow(
                rs -> {
                  Period period = Period.parse(rs.getString("period"));
                  Indicators want =
                      expected
                          .getOrDefault(period, new java.util.TreeMap<>())
                          .get(rs.getString("tenant_code"));
                  assertThat(TenantPeriodCountsTable.readCounts(rs))
                      .as("%s %s", period, rs.getString("tenant_code"))
                      .isEqualTo(want == null ? IndicatorCounts.ZERO : want.counts());
                  return rs.getString("tenant_code");
                }));
    int compared = tenants.size();
    long expectedRows =
        expected.values().stream()
            .flatMap(m -> m.values().stream())
            .filter(i -> i.counts().received() > 0)
            .count();
    assertThat(compared).isGreaterThanOrEqualTo((int) expectedRows);
  }
}
