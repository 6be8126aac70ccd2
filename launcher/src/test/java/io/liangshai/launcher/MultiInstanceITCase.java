package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.testing.CaseRecordFixture;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.postgres.local.testing.PostgresExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two {@code --role api} processes and one {@code --role job} process on one PostgreSQL, one
 * ClickHouse, one Kafka (the records log) and one data directory (its landing zone), as an operator
 * would run them side by side: what one instance writes, the other sees; what must be unique stays
 * unique across them (scheme versions, bulletin issue numbers, the one accepted version of a
 * record); and the job process alone computes every figure of the sample feed exactly.
 */
@org.junit.jupiter.api.Tag(LongSuite.TAG)
class MultiInstanceITCase {

  private static final String ADMIN_KEY = "admin-key-for-the-multi-instance-itcase";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  private static final Path LOGS = Path.of("target", "it-logs").toAbsolutePath();

  private static Path dataDir;
  private static PlatformProcess job;
  private static PlatformProcess first;
  private static PlatformProcess second;

  @BeforeAll
  static void startThreeProcesses() throws Exception {
    dataDir = Files.createTempDirectory("liangshai-multi-");
    Map<String, String> shared =
        Map.of(
            "LIANGSHAI_CLICKHOUSE_URL", CLICKHOUSE.jdbcUrl(),
            "LIANGSHAI_POSTGRES_URL", postgresUrl(),
            "LIANGSHAI_KAFKA", io.liangshai.kafka.local.testing.SharedKafka.bootstrapServers());
    job =
        PlatformProcess.start(dataDir, ADMIN_KEY, LOGS.resolve("multi-job.log"), shared, Role.JOB);
    first =
        PlatformProcess.start(
            dataDir, ADMIN_KEY, LOGS.resolve("multi-api-1.log"), shared, Role.API);
    second =
        PlatformProcess.start(
            dataDir, ADMIN_KEY, LOGS.resolve("multi-api-2.log"), shared, Role.API);
  }

  @AfterAll
  static void stopThem() throws Exception {
    for (PlatformProcess p : new PlatformProcess[] {second, first, job}) {
      if (p != null) {
        p.close();
      }
    }
  }

  /** The class database of {@link #POSTGRES} as {@code LIANGSHAI_POSTGRES_URL} names one. */
  private static String postgresUrl() {
    return "postgresql://"
        + URLEncoder.encode(POSTGRES.user(), StandardCharsets.UTF_8)
        + ":"
        + URLEncoder.encode(POSTGRES.password(), StandardCharsets.UTF_8)
        + "@"
        + URI.create(POSTGRES.jdbcUrl().substring("jdbc:".length())).getAuthority()
        + "/"
        + POSTGRES.database();
  }

  @Test
  void theApiProcessesRunNoJobAndTheJobProcessServesNoHttp() throws Exception {
    JsonNode health = Figures.get(first.baseUrl(), ADMIN_KEY, "/healthz");
    assertThat(health.has("job"))
        .as("an api process reports no job of its own: " + health)
        .isFalse();
    assertThat(health.path("records_log").asText())
        .as("an api process reports the shared records log: " + health)
        .isEqualTo("ok");
    String jobLog = Files.readString(LOGS.resolve("multi-job.log"));
    assertThat(jobLog).contains("indicators job").doesNotContain("API listening");
    for (String api : List.of("multi-api-1.log", "multi-api-2.log")) {
      assertThat(Files.readString(LOGS.resolve(api)))
          .contains("API listening")
          .doesNotContain("indicators job");
    }
  }

  @Test
  void aKeyIssuedOnOneInstanceAuthenticatesOnTheOther() throws Exception {
    String key = new PlatformClient(first.baseUrl()).issueKey(ADMIN_KEY, "330106", "multi");
    JsonNode me = Figures.get(second.baseUrl(), key, "/api/v1/me");
    assertThat(me.toString()).contains("330106");
  }

  @Test
  void schemesCreatedAtOnceOnBothInstancesNeverShareAVersion() throws Exception {
    List<Callable<JsonNode>> creates = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String base = (i % 2 == 0 ? first : second).baseUrl();
      creates.add(() -> post(base, "/api/v1/schemes", scheme("multi_scheme"), 201));
    }
    List<Integer> versions = new ArrayList<>();
    for (JsonNode created : all(creates)) {
      versions.add(created.get("version").asInt());
    }
    assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void bulletinsPublishedAtOnceOnBothInstancesNeverShareAnIssueNumber() throws Exception {
    JsonNode original =
        post(
            first.baseUrl(),
            "/api/v1/bulletins",
            JSON.createObjectNode().put("period", "2024-Q1"),
            201);
    List<Callable<JsonNode>> corrections = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String base = (i % 2 == 0 ? first : second).baseUrl();
      corrections.add(
          () ->
              post(
                  base,
                  "/api/v1/bulletins",
                  JSON.createObjectNode().put("corrects", original.get("id").asText()),
                  201));
    }
    List<Integer> numbers = new ArrayList<>();
    numbers.add(original.get("issue_no").asInt());
    for (JsonNode published : all(corrections)) {
      numbers.add(published.get("issue_no").asInt());
    }
    assertThat(numbers).doesNotHaveDuplicates().hasSize(7);
  }

  @Test
  void theSameConflictingRecordSentToBothInstancesAtOnceIsAcceptedExactlyOnce() throws Exception {
    String key =
        new PlatformClient(first.baseUrl())
            .issueKey(ADMIN_KEY, CaseRecordFixture.TENANT, "conflicts");
    for (int round = 0; round < 5; round++) {
      String caseId = "multi-conflict-" + round;
      byte[] one = caseRow(caseId, "企业反映用地审批进度慢");
      byte[] other = caseRow(caseId, "企业反映证照办理");
      List<Callable<JsonNode>> both =
          List.of(
              () ->
                  new PlatformClient(first.baseUrl()).uploadCases(key, "application/x-ndjson", one),
              () ->
                  new PlatformClient(second.baseUrl())
                      .uploadCases(key, "application/x-ndjson", other));
      List<JsonNode> answers = all(both);
      long accepted = answers.stream().mapToLong(a -> a.get("accepted").asLong()).sum();
      long rejected = answers.stream().mapToLong(a -> a.get("rejected").asLong()).sum();
      assertThat(accepted).as("round %d: %s", round, answers).isEqualTo(1);
      assertThat(rejected).as("round %d: %s", round, answers).isEqualTo(1);
      JsonNode refused =
          answers.stream().filter(a -> a.get("rejected").asLong() == 1).findFirst().orElseThrow();
      assertThat(refused.get("errors").get(0).get("code").asText()).isEqualTo("version.conflict");
    }
  }

  @Test
  void everyFigureOfTheSampleFeedIsExactWhateverInstanceTookItsBatches() throws Exception {
    List<Map<String, Object>> rows = SampleFeed.rows();
    List<FeedUploader.Batch> batches =
        new FeedUploader(new PlatformClient(first.baseUrl()), ADMIN_KEY).batches(rows, 5, 400);
    List<String> landedOnFirst = new ArrayList<>();
    List<String> landedOnSecond = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      PlatformProcess instance = i % 2 == 0 ? first : second;
      JsonNode r = FeedUploader.send(new PlatformClient(instance.baseUrl()), batches.get(i));
      (instance == first ? landedOnFirst : landedOnSecond).add(r.get("batch_id").asText());
    }
    Figures.awaitProcessed(first.baseUrl(), ADMIN_KEY, landedOnFirst, Duration.ofMinutes(3));
    Figures.awaitProcessed(second.baseUrl(), ADMIN_KEY, landedOnSecond, Duration.ofMinutes(3));
    Figures.awaitProcessed(second.baseUrl(), ADMIN_KEY, landedOnFirst, Duration.ofSeconds(30));
    assertThat(Figures.assertAllMetricsMatch(first.baseUrl(), ADMIN_KEY)).isGreaterThan(300);
    assertThat(Figures.assertAllMetricsMatch(second.baseUrl(), ADMIN_KEY)).isGreaterThan(300);
  }

  /** One case of the fixture's county, received in 2025 (outside the sample feed's periods). */
  private static byte[] caseRow(String caseId, String description) throws Exception {
    Map<String, Object> row =
        CaseRecordFixture.aCase()
            .caseId(caseId)
            .receivedAt(Instant.parse("2025-06-02T01:00:00Z"))
            .updatedAt(Instant.parse("2025-06-02T01:30:00Z"))
            .description(description)
            .row();
    return (JSON.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode scheme(String id) {
    ObjectNode scheme =
        JSON.createObjectNode().put("id", id).put("name", "并发方案").put("normalisation", "min_max");
    scheme
        .putArray("indicators")
        .addObject()
        .put("rate", "resolution_rate")
        .put("weight", 1.0)
        .put("direction", "higher_better");
    return scheme;
  }

  private static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(tasks)) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static JsonNode post(String baseUrl, String path, JsonNode body, int status)
      throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + " " + body + " → " + r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }
}
