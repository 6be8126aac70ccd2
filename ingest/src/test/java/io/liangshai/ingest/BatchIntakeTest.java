package io.liangshai.ingest;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.testing.SampleFeed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BatchIntakeTest {

  @RegisterExtension static final IndexDatabase INDEX = new IndexDatabase();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Uploader COUNTY = IntakeFixture.COUNTY;
  private static final Uploader CITY = new Uploader("330500", "k_city");

  @TempDir Path dir;
  private BatchIntake intake;

  @BeforeEach
  void open() throws Exception {
    intake = newIntake();
  }

  @AfterEach
  void close() {
    intake.close();
  }

  private BatchIntake newIntake() throws Exception {
    return IntakeFixture.open(INDEX, dir);
  }

  private BatchResult send(Uploader who, BatchFormat format, String body) throws Exception {
    return IntakeFixture.send(intake, who, format, body);
  }

  private static String line(Map<String, Object> row) throws Exception {
    return JSON.writeValueAsString(row) + "\n";
  }

  @Test
  void acceptsValidRowsAndKeepsTheBatchAsReceived() throws Exception {
    String body = line(aCase().caseId("a").row()) + line(aCase().caseId("b").row());
    BatchResult r = send(COUNTY, BatchFormat.JSON_LINES, body);

    assertThat(r.accepted()).isEqualTo(2);
    assertThat(r.ignored()).isZero();
    assertThat(r.rejected()).isZero();
    Path raw = dir.resolve("landing/raw").resolve(r.batchId() + ".jsonl");
    assertThat(Files.readString(raw)).isEqualTo(body);
    assertThat(r.sha256())
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(body.getBytes(StandardCharsets.UTF_8))));
    List<String> records =
        Files.readAllLines(dir.resolve("landing/records").resolve(r.batchId() + ".jsonl"));
    assertThat(records).hasSize(4);
    assertThat(io.liangshai.core.landing.LandingFile.headerBatch(records.get(0)))
        .contains(r.batchId());
    assertThat(CaseRecordCodec.fromJson(records.get(1)).caseId()).isEqualTo("a");
    assertThat(records.get(3))
        .startsWith(io.liangshai.core.landing.LandingFile.TRAILER_PREFIX)
        .contains(r.batchId())
        .contains("\"records\":2");
    assertThat(intake.batch(r.batchId())).contains(r);
  }

  @Test
  void ignoresAnExactDuplicateEvenWrittenWithAnotherOffsetOrAsCsv() throws Exception {
    send(COUNTY, BatchFormat.JSON_LINES, line(aCase().row()));
    Map<String, Object> sameInstantOtherOffset = aCase().row();
    sameInstantOtherOffset.put("received_at", "2024-01-02T09:00:00+08:00");
    BatchResult again =
        send(
            COUNTY,
            BatchFormat.JSON_ARRAY,
            "[" + JSON.writeValueAsString(sameInstantOtherOffset) + "]");
    assertThat(again.ignored()).isEqualTo(1);
    assertThat(again.accepted()).isZero();

    Map<String, Object> row = aCase().row();
    StringBuilder csv = new StringBuilder(String.join(",", row.keySet())).append('\n');
    csv.append(
            String.join(
                ",", row.values().stream().map(v -> v == null ? "" : v.toString()).toList()))
        .append('\n');
    assertThat(send(COUNTY, BatchFormat.CSV, csv.toString()).ignored()).isEqualTo(1);
  }

  @Test
  void rejectsAConflictingRecordWithTheSameUpdatedAt() throws Exception {
    send(COUNTY, BatchFormat.JSON_LINES, line(aCase().row()));
    BatchResult r = send(COUNTY, BatchFormat.JSON_LINES, line(aCase().description("另一个描述").row()));
    assertThat(r.rejected()).isEqualTo(1);
    IntakeFixture.assertRowError(r.errors().get(0), 1, "case-1", "updated_at", "conflicts");
  }

  @Test
  void duplicatesAndConflictsInsideOneBatchAreJudgedToo() throws Exception {
    String body = line(aCase().row()) + line(aCase().row()) + line(aCase().description("不同").row());
    BatchResult r = send(COUNTY, BatchFormat.JSON_LINES, body);
    assertThat(new int[] {r.accepted(), r.ignored(), r.rejected()}).containsExactly(1, 1, 1);
    assertThat(r.errors()).extracting(FieldError::row).containsExactly(3);
  }

  @Test
  void rowsOutsideTheKeysScopeAreRejectedRowByRow() throws Exception {
    String body =
        line(aCase().caseId("own").tenantCode("330522").row())
            + line(aCase().caseId("sibling").tenantCode("330521").row())
            + line(aCase().caseId("other-city").tenantCode("330102").row())
            + line(aCase().caseId("unknown").tenantCode("339999").row());
    BatchResult county = send(COUNTY, BatchFormat.JSON_LINES, body);
    assertThat(county.accepted()).isEqualTo(1);
    assertThat(county.errors())
        .extracting(FieldError::caseId)
        .containsExactly("sibling", "other-city", "unknown");
    assertThat(county.errors()).allSatisfy(e -> assertThat(e.field()).isEqualTo("tenant_code"));
    assertThat(county.errors().get(0).message()).contains("outside the scope");
    assertThat(county.errors().get(2).message()).contains("unknown tenant 339999");

    BatchResult city = send(CITY, BatchFormat.JSON_LINES, body);
    assertThat(city.accepted()).as("a city sends for its counties").isEqualTo(1);
    assertThat(city.ignored()).isEqualTo(1);
  }

  @Test
  void anUnparseableBodyKeepsNothing() throws Exception {
    assertThatThrownBy(() -> send(COUNTY, BatchFormat.JSON_ARRAY, "[{\"case_id\": \"a\""))
        .isInstanceOf(UnparseableBatchException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> send(COUNTY, BatchFormat.JSON_ARRAY, "{\"case_id\": \"a\"}"))
        .hasMessageContaining("JSON array");
    assertThatThrownBy(() -> send(COUNTY, BatchFormat.JSON_LINES, "not json\nalso not\n"))
        .hasMessageContaining("no line");
    assertThatThrownBy(() -> send(COUNTY, BatchFormat.CSV, "case_id,case_id\na,b\n"))
        .hasMessageContaining("repeated column");
    try (Stream<Path> files = Files.walk(dir.resolve("landing"))) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void unreadableRowsAreReportedAndTheRestKept() throws Exception {
    String body = line(aCase().caseId("a").row()) + "{broken\n" + "[1,2]\n";
    BatchResult r = send(COUNTY, BatchFormat.JSON_LINES, body);
    assertThat(r.accepted()).isEqualTo(1);
    assertThat(r.errors()).extracting(FieldError::row).containsExactly(2, 3);
    assertThat(r.errors()).extracting(FieldError::field).containsOnlyNulls();
  }

  @Test
  void csvWithAByteOrderMarkAndColumnsInAnyOrder() throws Exception {
    Map<String, Object> row = aCase().row();
    List<String> names = new java.util.ArrayList<>(row.keySet());
    java.util.Collections.reverse(names);
    StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", names)).append('\n');
    csv.append(
        String.join(
            ",",
            names.stream().map(n -> row.get(n) == null ? "" : row.get(n).toString()).toList()));
    BatchResult r = send(COUNTY, BatchFormat.CSV, csv + "\n");
    assertThat(r.errors()).isEmpty();
    assertThat(r.accepted()).isEqualTo(1);
  }

  @Test
  void aBatchTakenOnOneLandingZoneIsAnsweredByAnIntakeOnAnotherWithTheSamePostgres()
      throws Exception {
    String body =
        line(aCase().caseId("a").row())
            + line(aCase().caseId("a").row())
            + line(aCase().caseId("a").description("另一个内容").row());
    BatchResult taken = send(COUNTY, BatchFormat.JSON_LINES, body);
    assertThat(taken)
        .extracting(BatchResult::accepted, BatchResult::ignored, BatchResult::rejected)
        .containsExactly(1, 1, 1);

    try (BatchIntake other = IntakeFixture.open(INDEX, dir.resolve("other"))) {
      assertThat(other.landing().root().resolve("batches").resolve(taken.batchId() + ".json"))
          .as("not in the other landing zone")
          .doesNotExist();
      BatchResult answered = other.batch(taken.batchId()).orElseThrow();
      assertThat(answered).isEqualTo(taken);
      assertThat(answered.errors()).extracting(FieldError::field).containsExactly("updated_at");
    }
  }

  @Test
  void theVersionIndexIsRebuiltFromTheLandingZoneWhenLost() throws Exception {
    send(COUNTY, BatchFormat.JSON_LINES, line(aCase().row()));
    intake.close();
    INDEX.execute("TRUNCATE record_versions, committed_batches, batch_manifests");
    intake = newIntake();
    BatchResult r = send(COUNTY, BatchFormat.JSON_LINES, line(aCase().row()));
    assertThat(r.ignored()).isEqualTo(1);
  }

  @Test
  void theSampleFeedIsAccountedForRowByRow() throws Exception {
    Uploader province = new Uploader("330000", "admin");
    long start = System.nanoTime();
    BatchResult r =
        send(
            province,
            BatchFormat.JSON_LINES,
            new String(SampleFeed.jsonLines(), StandardCharsets.UTF_8));
    long millis = (System.nanoTime() - start) / 1_000_000;
    int rows = SampleFeed.rows().size();
    assertThat(r.accepted() + r.ignored() + r.rejected()).isEqualTo(rows);
    assertThat(r.rejected()).isGreaterThanOrEqualTo(SampleFeed.INVALID_ROWS);
    assertThat(r.errors().stream().map(FieldError::row).distinct().count()).isEqualTo(r.rejected());
    System.out.printf("ingested %d rows in %d ms%n", rows, millis);
  }
}
