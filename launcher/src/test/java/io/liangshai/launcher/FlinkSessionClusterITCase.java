package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.flink.local.LocalFlinkCluster;
import io.liangshai.kafka.local.testing.SharedKafka;
import io.liangshai.log.RecordsLog;
import io.liangshai.log.RecordsTopic;
import io.liangshai.tenants.TenantRegistryLoader;
import io.liangshai.warehouse.Sql;
import io.liangshai.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar on a real Flink session cluster of child JVMs (a JobManager and two TaskManagers of
 * two slots), submitted through the JobManager's REST API as to any cluster, reading the records
 * log on Kafka and writing ClickHouse: its batches are processed; when a TaskManager is killed
 * ({@code kill -9}) the job restarts on the survivor from its checkpoint and the figures stay
 * exact.
 */
@Tag(LongSuite.TAG)
class FlinkSessionClusterITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private static final String ENTRY = "io.liangshai.stream.CaseIndicatorsJob";

  @TempDir Path dir;

  @Test
  void theJobJarRunsOnASessionClusterSurvivesATaskManagerAndUpgradesFromASavepoint()
      throws Exception {
    Path jar = jobJar();
    RecordsTopic topic =
        new RecordsTopic(
                SharedKafka.bootstrapServers(), "cluster-" + UUID.randomUUID(), 4, (short) 1)
            .ensure();
    List<CaseRecord> sample = SampleFeed.validRecords();
    int q = sample.size() / 4;
    List<List<CaseRecord>> quarters =
        List.of(
            sample.subList(0, q),
            sample.subList(q, 2 * q),
            sample.subList(2 * q, 3 * q),
            sample.subList(3 * q, sample.size()));
    try (LocalFlinkCluster flink = LocalFlinkCluster.start(dir.resolve("flink"), 2, 2);
        RecordsLog log = RecordsLog.open(topic, "cluster-test");
        Warehouse warehouse = Warehouse.open(CLICKHOUSE.jdbcUrl())) {
      List<String> args =
          List.of(
              "--kafka", topic.bootstrapServers(),
              "--topic", topic.name(),
              "--clickhouse", CLICKHOUSE.jdbcUrl(),
              "--checkpoints", dir.resolve("checkpoints").toUri().toString(),
              "--checkpoint-interval", "500 ms",
              "--max-restart-backoff", "2 s");
      String job = flink.submit(jar, ENTRY, args, 2);
      append(log, "c_1", quarters.get(0));
      awaitProcessed(warehouse, "c_1");

      ProcessHandle victim = flink.busyTaskManager(job);
      victim.destroyForcibly();
      victim.onExit().get();
      append(log, "c_2", quarters.get(1));
      append(log, "c_3", quarters.get(2));
      awaitProcessed(warehouse, "c_2");
      awaitProcessed(warehouse, "c_3");

      assertThat(flink.get("/jobs/" + job).path("state").asText()).isEqualTo("RUNNING");
      FlinkJobs.awaitRestart(flink.rest(), job);
      assertProvinceCountsMatchReference(warehouse, sample.subList(0, 3 * q));

      // The upgrade path: stop with a savepoint, submit the (new) jar from it, go on.
      String savepoint = flink.rest().stopWithSavepoint(job, dir.resolve("savepoints"));
      awaitState(flink, job, "FINISHED");
      String upgraded = flink.rest().submit(jar, ENTRY, args, 2, savepoint);
      append(log, "c_4", quarters.get(3));
      awaitProcessed(warehouse, "c_4");
      assertThat(flink.get("/jobs/" + upgraded).path("state").asText()).isEqualTo("RUNNING");
      // Had the state not come back, the counts would hold only the last quarter's cases.
      assertProvinceCountsMatchReference(warehouse, sample);
    }
  }

  /** The stream-jobs module's job jar, as `flink run` takes it. */
  private static Path jobJar() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("..", "stream-jobs", "target"))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-job.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("stream-jobs' job jar is not built"))
          .toAbsolutePath();
    }
  }

  private void append(RecordsLog log, String batch, List<CaseRecord> records) throws Exception {
    StringBuilder s = new StringBuilder();
    s.append(io.liangshai.core.landing.LandingFile.header(batch)).append('\n');
    records.forEach(r -> s.append(CaseRecordCodec.toJson(r)).append('\n'));
    s.append(io.liangshai.core.landing.LandingFile.trailer(batch, records.size())).append('\n');
    Path file = dir.resolve(batch + ".jsonl");
    Files.writeString(file, s, StandardCharsets.UTF_8);
    log.append("330000", batch, file);
  }

  private static void awaitProcessed(Warehouse warehouse, String batch) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Sql.query(
            warehouse,
            "is " + batch + " processed",
            "SELECT count() FROM processed_batches WHERE batch_id = ?",
            ps -> ps.setString(1, batch),
            rs -> rs.next() ? rs.getLong(1) : 0L)
        == 0) {
      assertThat(Instant.now()).as(batch + " processed in time").isBefore(deadline);
      Thread.sleep(250);
    }
  }

  /** Waits until {@code job} is in {@code state} (a stop's savepoint completes just before). */
  private static void awaitState(LocalFlinkCluster flink, String job, String state)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (!flink.get("/jobs/" + job).path("state").asText().equals(state)) {
      assertThat(Instant.now()).as(job + " " + state + " in time").isBefore(deadline);
      Thread.sleep(200);
    }
  }

  /** Every month's province row of tenant_period_counts against the reference calculator. */
  private static void assertProvinceCountsMatchReference(
      Warehouse warehouse, List<CaseRecord> records) {
    SortedMap<Period, SortedMap<String, Indicators>> expected =
        new ReferenceCalculator(TenantRegistryLoader.loadDefault().hierarchy())
            .compute(
                records.stream(),
                EnumSet.of(PeriodKind.MONTH),
                Instant.parse("2025-01-01T00:00:00Z"));
    List<String> compared = new ArrayList<>();
    expected.forEach(
        (period, byTenant) -> {
          Indicators want = byTenant.get("330000");
          if (want == null) {
            return;
          }
          long received =
              Sql.query(
                  warehouse,
                  "province received in " + period,
                  "SELECT received FROM tenant_period_counts FINAL"
                      + " WHERE tenant_code = '330000' AND period = ?",
                  ps -> ps.setString(1, period.toString()),
                  rs -> rs.next() ? rs.getLong(1) : -1L);
          assertThat(received).as("received in %s", period).isEqualTo(want.counts().received());
          compared.add(period.toString());
        });
    assertThat(compared).isNotEmpty();
  }
}
