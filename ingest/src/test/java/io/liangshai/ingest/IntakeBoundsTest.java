package io.liangshai.ingest;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.landing.LandingFile;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.time.Deadlines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The bounds of SPEC §2 at the door: hostile rows are row errors, the rest of the batch lands. */
class IntakeBoundsTest {

  @RegisterExtension static final IndexDatabase INDEX = new IndexDatabase();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant UPLOAD = IntakeFixture.UPLOAD;

  @TempDir Path dir;
  private BatchIntake intake;

  @BeforeEach
  void open() throws Exception {
    intake = IntakeFixture.open(INDEX, dir);
  }

  @AfterEach
  void close() {
    intake.close();
  }

  private BatchResult send(BatchFormat format, String body) throws Exception {
    return IntakeFixture.send(intake, IntakeFixture.COUNTY, format, body);
  }

  private static String csv(List<Map<String, Object>> rows) {
    StringBuilder b = new StringBuilder(String.join(",", rows.get(0).keySet())).append('\n');
    for (Map<String, Object> row : rows) {
      List<String> cells = new ArrayList<>();
      row.values().forEach(v -> cells.add(v == null ? "" : v.toString()));
      b.append(String.join(",", cells)).append('\n');
    }
    return b.toString();
  }

  /** The records the job will read from the batch, each read the way the job reads it. */
  private List<CaseRecord> landed(BatchResult r) throws Exception {
    List<CaseRecord> records = new ArrayList<>();
    for (String line : Files.readAllLines(intake.landing().recordsFile(r.batchId()))) {
      if (!LandingFile.isControl(line)) {
        CaseRecord record = CaseRecordCodec.fromJson(line);
        assertThat(Deadlines.derive(record.receivedAt())).isAfter(record.receivedAt());
        records.add(record);
      }
    }
    return records;
  }

  private static String objectWithKeys(int keys) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < keys; i++) {
      json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
    }
    return json.append('}').toString();
  }

  @Test
  void aCsvDescriptionOf20MillionCharactersIsOneRowErrorAndTheOtherRowsLand() throws Exception {
    Map<String, Object> huge = aCase().caseId("huge").row();
    huge.put("description", "长".repeat(20_000_001));

    BatchResult r =
        send(
            BatchFormat.CSV,
            csv(List.of(aCase().caseId("before").row(), huge, aCase().caseId("after").row())));

    assertThat(r.accepted()).isEqualTo(2);
    assertThat(r.rejected()).isEqualTo(1);
    IntakeFixture.assertRowError(
        r.errors().get(0), 2, "huge", "description", "at most 4000 characters, found 20000001");
    assertThat(landed(r)).extracting(CaseRecord::caseId).containsExactly("before", "after");
  }

  @Test
  void aJsonObjectOf300000KeysIsOneRowErrorInAnArrayAndInJsonLines() throws Exception {
    String good = JSON.writeValueAsString(aCase().caseId("good").row());
    String hostile = objectWithKeys(300_000);

    BatchResult array = send(BatchFormat.JSON_ARRAY, "[" + hostile + "," + good + "]");
    BatchResult lines = send(BatchFormat.JSON_LINES, hostile + "\n" + good + "\n");

    for (BatchResult r : List.of(array, lines)) {
      assertThat(r.accepted() + r.ignored()).isEqualTo(1);
      assertThat(r.rejected()).isEqualTo(1);
      assertThat(r.errors()).hasSize(1);
      assertThat(r.errors().get(0).row()).isEqualTo(1);
      assertThat(r.errors().get(0).message()).contains("more than 64 fields");
    }
  }

  @Test
  void timestampsAtTheEndOfTimeAreRowErrorsNeverAFailedBatch() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String field : List.of("received_at", "updated_at")) {
      Map<String, Object> row = aCase().caseId("far-" + field).deadline(null).row();
      row.put(field, "+999999999-12-31T12:00:00+08:00");
      rows.add(row);
    }
    rows.add(aCase().caseId("fine").row());

    BatchResult r = send(BatchFormat.CSV, csv(rows));

    assertThat(r.rejected()).isEqualTo(2);
    assertThat(r.errors())
        .extracting(FieldError::field)
        .containsExactly("received_at", "updated_at");
    assertThat(landed(r)).extracting(CaseRecord::caseId).containsExactly("fine");
  }

  @Test
  void boundsTimestampsBy366DaysAfterTheTimeOfUpload() throws Exception {
    Instant latest = UPLOAD.plus(Duration.ofDays(366));
    Map<String, Object> last = aCase().caseId("last").receivedAt(latest).row();
    Map<String, Object> late = aCase().caseId("late").receivedAt(latest.plusNanos(1_000)).row();

    BatchResult r = send(BatchFormat.CSV, csv(List.of(last, late)));

    assertThat(landed(r)).extracting(CaseRecord::caseId).containsExactly("last");
    assertThat(r.errors()).hasSize(2).allSatisfy(e -> assertThat(e.caseId()).isEqualTo("late"));
    assertThat(r.errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("received_at", "updated_at");
  }

  @Test
  void refusesACaseIdWithSurroundingSpaceInsteadOfLandingAnotherCase() throws Exception {
    BatchResult r =
        send(BatchFormat.CSV, csv(List.of(aCase().caseId("a").row(), spaced(" a"), spaced("a "))));

    assertThat(landed(r)).extracting(CaseRecord::caseId).containsExactly("a");
    assertThat(r.errors())
        .extracting(FieldError::message)
        .allSatisfy(m -> assertThat(m).contains("white space"));
  }

  @Test
  void keepsEveryRowErrorInTheManifestWithItsTotal() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 1_500; i++) {
      body.append("{\"case_id\":\"c").append(i).append("\"}\n");
    }

    BatchResult r = send(BatchFormat.JSON_LINES, body.toString());

    assertThat(r.rejected()).isEqualTo(1_500);
    assertThat(r.errorsTotal()).isGreaterThanOrEqualTo(1_500).isEqualTo(r.errors().size());
    assertThat(intake.batch(r.batchId()).orElseThrow().errorsTotal()).isEqualTo(r.errorsTotal());
  }

  private static Map<String, Object> spaced(String id) {
    Map<String, Object> row = aCase().row();
    row.put("case_id", id);
    return row;
  }
}
