package io.liangshai.stream;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.tenants.TenantRegistryLoader;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.quarantine.QuarantineTable;
import io.liangshai.warehouse.quarantine.QuarantinedLine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One county's records file with poison lines between good ones, and another tenant's clean batch,
 * through the real job on a MiniCluster into a real ClickHouse: the poison lands in {@code
 * quarantine} with its batch and line, both batches become processed with exact figures for the
 * good rows, and the job never fails or restarts — the checkpoints pass the poison. Its batches
 * travel as transactions of many messages of at most 4 KiB of lines each ({@link
 * CaseIndicatorsJobITCase}'s as one message each).
 */
class QuarantineITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = MiniClusters.oneTaskManager(2);

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final TestRecordsLog log = new TestRecordsLog(4096);

  @Test
  void poisonLinesAreQuarantinedAndEveryOtherBatchIsProcessedWithoutARestart() throws Exception {
    List<CaseRecord> sample = SampleFeed.validRecords();
    String county = "330723";
    List<CaseRecord> own = sample.stream().filter(r -> r.tenantCode().equals(county)).toList();
    List<CaseRecord> others = sample.stream().filter(r -> !r.tenantCode().equals(county)).toList();

    List<String> lines = new ArrayList<>(own.stream().map(CaseRecordCodec::toJson).toList());
    // Record lines start at line 2 (line 1 is the header): poison line → its line number.
    Map<Long, String> poison = new TreeMap<>();
    poison.put(5L, "{\"case_id\":\"poison-json\",\"tenant_code\":\"" + county + "\", oops");
    poison.put(40L, withDescription(poisonRecord(county, "poison-long"), "x".repeat(20_000_001)));
    poison.put(
        300L,
        IntStream.range(0, 300_000)
            .mapToObj(i -> "\"k" + i + "\":0")
            .collect(Collectors.joining(",", "{", "}")));
    poison.put(
        700L,
        poisonRecord(county, "poison-far")
            .replaceAll(
                "\"(received_at|updated_at)\":\"[^\"]+\"",
                "\"$1\":\"+999999999-12-31T12:00:00+08:00\""));
    poison.forEach((line, text) -> lines.add((int) (line - 2), text));

    Configuration conf = new Configuration();
    conf.setString("pipeline.generic-types", "false");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(300);
    try (Warehouse warehouse = Warehouse.open(CLICKHOUSE.jdbcUrl())) {
      buildJob(env);
      JobClient client = env.executeAsync("quarantine-itcase");
      try {
        log.append(county, "b_poison", lines);
        log.append("330000", "b_clean", others.stream().map(CaseRecordCodec::toJson).toList());
        CaseIndicatorsJobITCase.awaitProcessed(warehouse, List.of("b_poison", "b_clean"));

        CaseIndicatorsJobITCase.assertCountsMatchReference(warehouse, sample);
        QuarantineTable table = new QuarantineTable(warehouse);
        List<QuarantinedLine> rows = table.find("b_poison", null, 1_000);
        assertThat(rows.stream().map(QuarantinedLine::line).distinct().sorted().toList())
            .as("the poison lines, by number, and nothing else")
            .containsExactlyElementsOf(poison.keySet());
        assertThat(table.linesOf("b_poison")).isEqualTo(poison.size());
        assertThat(table.linesOf("b_clean")).isZero();
        for (QuarantinedLine row : rows) {
          assertThat(row.operator()).isIn(LandingParser.NAME, CaseFactsFunction.NAME);
          assertThat(row.reason())
              .isNotBlank()
              .hasSizeLessThanOrEqualTo(QuarantinedLine.MAX_REASON);
          assertThat(row.content())
              .isNotBlank()
              .hasSizeLessThanOrEqualTo(QuarantinedLine.MAX_CONTENT);
          if (row.operator().equals(LandingParser.NAME)) {
            assertThat(poison.get(row.line())).as("the line itself").startsWith(row.content());
          } else {
            // Set aside downstream (today the far-future deadline overflows in case facts): the
            // content is the record as the operator held it.
            assertThat(row.content()).contains("\"case_id\":\"poison-far\"");
            assertThat(row.line()).isEqualTo(700);
          }
        }
        QuarantinedLine tooLong =
            rows.stream().filter(r -> r.line() == 40).findFirst().orElseThrow();
        assertThat(tooLong.tenantCode()).isEqualTo(county);
        assertThat(tooLong.caseId()).isEqualTo("poison-long");

        // The checkpoints after the poison completed (the batch is processed): a restart from
        // them starts past it. And the job never failed: RUNNING, no restart, no exception.
        JsonNode job = rest("/jobs/" + client.getJobID());
        assertThat(job.path("state").asText()).isEqualTo("RUNNING");
        assertThat(job.path("timestamps").path("RESTARTING").asLong())
            .as("the job never restarted")
            .isZero();
        assertThat(rest("/jobs/" + client.getJobID() + "/exceptions").toString())
            .doesNotContain("Exception");
        assertThat(quarantinedMetric(client.getJobID())).isGreaterThanOrEqualTo(poison.size());
      } finally {
        client.cancel().get();
      }
    }
  }

  @Test
  void aRestartFromTheCheckpointNeverMeetsThePoisonAgain(@TempDir Path checkpoints)
      throws Exception {
    String county = "330522";
    List<String> lines =
        List.of(
            poisonRecord(county, "good-1"),
            "{\"case_id\":\"poison\", oops",
            poisonRecord(county, "good-2"));
    try (Warehouse warehouse = Warehouse.open(CLICKHOUSE.jdbcUrl())) {
      QuarantineTable table = new QuarantineTable(warehouse);
      try (AutoCloseableJob first = runner(checkpoints)) {
        log.append(county, "b_restart_1", lines);
        CaseIndicatorsJobITCase.awaitProcessed(warehouse, List.of("b_restart_1"));
      }
      assertThat(table.linesOf("b_restart_1")).isEqualTo(1);
      long rowsBefore = quarantineRows(warehouse);
      List<QuarantinedLine> before = table.find("b_restart_1", null, 10);
      assertThat(LocalIndicatorsRunner.latestCheckpoint(checkpoints)).isPresent();

      // Resumed from the checkpoint that passed the poison: the job goes on with new batches and
      // never reads the poisoned file again.
      try (AutoCloseableJob second = runner(checkpoints)) {
        log.append(county, "b_restart_2", List.of(poisonRecord(county, "good-3")));
        CaseIndicatorsJobITCase.awaitProcessed(warehouse, List.of("b_restart_2"));
        assertThat(second.client().getJobStatus().get())
            .isEqualTo(org.apache.flink.api.common.JobStatus.RUNNING);
      }
      assertThat(quarantineRows(warehouse)).as("no row written again").isEqualTo(rowsBefore);
      // Had the poison been read again, the replacing row would carry a later time.
      assertThat(table.find("b_restart_1", null, 10)).isEqualTo(before);
      assertThat(table.linesOf("b_restart_2")).isZero();
    }
  }

  /**
   * The job as {@link LocalIndicatorsRunner} runs it (its configuration: retained checkpoints,
   * resumed from the newest), on the test's MiniCluster.
   */
  private AutoCloseableJob runner(Path checkpoints) throws Exception {
    Configuration conf = LocalIndicatorsRunner.configuration(checkpoints, 300);
    LocalIndicatorsRunner.latestCheckpoint(checkpoints)
        .ifPresent(p -> conf.setString("execution.state-recovery.path", p.toUri().toString()));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(1);
    buildJob(env);
    return new AutoCloseableJob(env.executeAsync("quarantine-restart"));
  }

  /** Builds on {@code env} the indicators job over this test's log and ClickHouse. */
  private void buildJob(StreamExecutionEnvironment env) {
    CaseIndicatorsJob.of(
            log.bootstrapServers(),
            log.topic(),
            CLICKHOUSE.jdbcUrl(),
            TenantRegistryLoader.loadDefault())
        .build(env);
  }

  /** A running job, cancelled on close (its last checkpoint is kept). */
  private record AutoCloseableJob(JobClient client) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      client.cancel().get();
    }
  }

  private static long quarantineRows(Warehouse warehouse) throws Exception {
    try (var c = warehouse.connect();
        var st = c.createStatement();
        var rs = st.executeQuery("SELECT count() FROM quarantine")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String poisonRecord(String tenant, String caseId) {
    return CaseRecordCodec.toJson(
        aCase().tenantCode(tenant).caseId(caseId).description("d").build());
  }

  private static String withDescription(String json, String description) {
    return json.replace("\"description\":\"d\"", "\"description\":\"" + description + '"');
  }

  /** The sum of the operators' {@code quarantined} counters, as Flink's REST API reports them. */
  private static long quarantinedMetric(JobID job) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      long sum = 0;
      for (JsonNode vertex : rest("/jobs/" + job).path("vertices")) {
        String id = vertex.path("id").asText();
        JsonNode names = rest("/jobs/" + job + "/vertices/" + id + "/subtasks/metrics");
        List<String> wanted = new ArrayList<>();
        for (JsonNode m : names) {
          if (m.path("id").asText().endsWith(".quarantined")) {
            wanted.add(m.path("id").asText());
          }
        }
        if (!wanted.isEmpty()) {
          JsonNode values =
              rest(
                  "/jobs/"
                      + job
                      + "/vertices/"
                      + id
                      + "/subtasks/metrics?get="
                      + String.join(",", wanted));
          for (JsonNode v : values) {
            sum += (long) v.path("sum").asDouble();
          }
        }
      }
      if (sum > 0 || System.nanoTime() > deadline) {
        return sum;
      }
      Thread.sleep(500);
    }
  }

  private static JsonNode rest(String path) throws Exception {
    Configuration c = FLINK.getClientConfiguration();
    URI uri =
        URI.create("http://" + c.get(RestOptions.ADDRESS) + ":" + c.get(RestOptions.PORT) + path);
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(uri + " → " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
