package io.liangshai.ingest;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.landing.LandingFile;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.core.record.FieldError;
import io.liangshai.metadata.BatchManifestRow;
import io.liangshai.metadata.PostgresVersionIndex;
import io.liangshai.metadata.RecordVersion;
import io.liangshai.metadata.VersionClaims;
import io.liangshai.metadata.VersionVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two intakes on one PostgreSQL and one landing zone, as two API processes on one data directory:
 * the verdict on a version is atomic across them, a deadlock between them takes the losing batch
 * again from the start, and a version index out of reach keeps nothing of a batch.
 */
class ConcurrentIntakesTest {

  @RegisterExtension static final IndexDatabase INDEX = new IndexDatabase();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(IntakeFixture.UPLOAD, ZoneOffset.UTC);

  @TempDir Path dir;

  private BatchIntake open(PostgresVersionIndex index) throws Exception {
    return new BatchIntake(
        new LandingZone(dir.resolve("landing")),
        IntakeFixture.REGISTRY,
        index,
        IntakeFixture.log(),
        CLOCK);
  }

  private static String body(List<String> caseIds, String description) throws Exception {
    StringBuilder body = new StringBuilder();
    for (String id : caseIds) {
      body.append(JSON.writeValueAsString(aCase().caseId(id).description(description).row()))
          .append('\n');
    }
    return body.toString();
  }

  @Test
  void twoProcessesSendingTheSameVersionsWithOtherContentAcceptEachExactlyOnce() throws Exception {
    List<String> cases = IntStream.range(0, 30).mapToObj(i -> "F-" + i).toList();
    List<String> reversed = new ArrayList<>(cases);
    java.util.Collections.reverse(reversed);
    String first = body(cases, "第一个进程的内容");
    String second = body(reversed, "第二个进程的内容");
    List<BatchResult> results;
    try (BatchIntake one = open(INDEX.index());
        BatchIntake two = open(INDEX.index())) {
      CountDownLatch go = new CountDownLatch(1);
      CompletableFuture<BatchResult> a = sendWhenReleased(go, one, first);
      CompletableFuture<BatchResult> b = sendWhenReleased(go, two, second);
      go.countDown();
      results = List.of(a.get(2, TimeUnit.MINUTES), b.get(2, TimeUnit.MINUTES));
    }

    assertThat(results.stream().mapToInt(BatchResult::accepted).sum()).isEqualTo(cases.size());
    assertThat(results.stream().mapToInt(BatchResult::rejected).sum()).isEqualTo(cases.size());
    assertThat(results.stream().flatMap(r -> r.errors().stream()))
        .extracting(FieldError::field)
        .containsOnly("updated_at");
    Map<String, CaseRecord> landed = landedRecords();
    assertThat(landed.keySet())
        .as("each case landed once")
        .containsExactlyInAnyOrderElementsOf(cases);
    PostgresVersionIndex index = INDEX.index();
    for (CaseRecord record : landed.values()) {
      assertThat(index.storedHash(BatchRows.versionOf(record)))
          .as("the index holds the content that landed for %s", record.caseId())
          .contains(CaseRecordCodec.contentHash(record));
    }
  }

  @Test
  void aBatchEndedByADeadlockIsTakenAgainFromTheStart() throws Exception {
    Instant updatedAt = aCase().build().updatedAt();
    RecordVersion x = new RecordVersion("330522", "X", updatedAt);
    RecordVersion y = new RecordVersion("330522", "Y", updatedAt);
    try (BatchIntake intake = open(INDEX.index());
        VersionClaims other = INDEX.index().begin("b_20240301T000000000_0000000f")) {
      assertThat(other.claim(x, "another-upload")).isEqualTo(VersionVerdict.NEW);
      CountDownLatch go = new CountDownLatch(1);
      CompletableFuture<BatchResult> upload =
          sendWhenReleased(go, intake, body(List.of("Y", "X"), "本批内容"));
      go.countDown();
      awaitABackendWaitingOnALock();
      // The intake holds Y and waits for X; claiming Y closes the cycle. PostgreSQL ends the
      // intake's transaction (it waited first), whose retry then finds both versions taken.
      assertThat(other.claim(y, "another-upload")).isEqualTo(VersionVerdict.NEW);
      other.commit(
          new BatchManifestRow("330522", IntakeFixture.UPLOAD, false, "{}".getBytes(UTF_8)));
      BatchResult result = upload.get(2, TimeUnit.MINUTES);
      assertThat(result.accepted()).isZero();
      assertThat(result.rejected()).isEqualTo(2);
      assertThat(result.errors()).extracting(FieldError::caseId).containsExactly("Y", "X");
      assertThat(landedRecords()).isEmpty();
    }
  }

  @Test
  void aVersionIndexOutOfReachKeepsNothingOfTheBatch() throws Exception {
    SwitchableDataSource database = new SwitchableDataSource(INDEX.dataSource());
    try (BatchIntake intake = open(new PostgresVersionIndex(database, CLOCK))) {
      database.reachable = false;
      assertThatThrownBy(
              () ->
                  IntakeFixture.send(
                      intake,
                      IntakeFixture.COUNTY,
                      BatchFormat.JSON_LINES,
                      body(List.of("a"), "x")))
          .isInstanceOf(IntakeUnavailableException.class)
          .hasMessageContaining("PostgreSQL did not answer")
          .hasMessageContaining("send it again");
    }
    try (Stream<Path> files = Files.walk(dir.resolve("landing"))) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
    assertThatThrownBy(() -> open(new PostgresVersionIndex(database, CLOCK)))
        .isInstanceOf(IntakeUnavailableException.class)
        .hasMessageContaining("could not be reconciled");
  }

  private static CompletableFuture<BatchResult> sendWhenReleased(
      CountDownLatch go, BatchIntake intake, String body) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            go.await();
            return IntakeFixture.send(intake, IntakeFixture.COUNTY, BatchFormat.JSON_LINES, body);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Polls PostgreSQL until a session of this database waits on a lock; fails after a minute. */
  private static void awaitABackendWaitingOnALock() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (Instant.now().isBefore(deadline)) {
      try (Connection c = INDEX.connect();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT count(*) FROM pg_stat_activity"
                      + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
        rs.next();
        if (rs.getInt(1) > 0) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no upload waited on a version lock within a minute");
  }

  /** Every record in the landing zone's records files, by case id (each must appear once). */
  private Map<String, CaseRecord> landedRecords() throws Exception {
    Map<String, CaseRecord> records = new HashMap<>();
    try (Stream<Path> files = Files.list(dir.resolve("landing/records"))) {
      for (Path file : files.toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank() && !LandingFile.isControl(line)) {
            CaseRecord r = CaseRecordCodec.fromJson(line);
            assertThat(records.put(r.caseId(), r)).as("%s landed twice", r.caseId()).isNull();
          }
        }
      }
    }
    return records;
  }
}
