package io.liangshai.ingest;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.record.FieldError;
import io.liangshai.log.RecordsLog;
import io.liangshai.log.testing.LogContents;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash window between publishing a batch's records and committing its versions, rebuilt
 * exactly: the batch's claims gone from PostgreSQL, its raw body and records landed, no manifest.
 * The next start, of any process on the landing zone, must judge a retry against what landed.
 */
class IndexReconcilerTest {

  @RegisterExtension static final IndexDatabase INDEX = new IndexDatabase();

  private static final TenantRegistry REGISTRY = TenantRegistryLoader.loadDefault();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Uploader COUNTY = new Uploader("330522", "k_county");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-03-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private Path landing() {
    return dir.resolve("landing");
  }

  private BatchIntake open() throws Exception {
    return open(CLOCK);
  }

  private BatchIntake open(Clock clock) throws Exception {
    return new BatchIntake(
        new LandingZone(landing()), REGISTRY, INDEX.index(), IntakeFixture.log(), clock);
  }

  private IndexReconciler reconciler() throws Exception {
    return new IndexReconciler(
        new LandingZone(landing()), INDEX.index(), REGISTRY, IntakeFixture.log());
  }

  private static BatchResult send(BatchIntake intake, Map<String, Object> row) throws Exception {
    Path file = intake.landing().newIncomingFile();
    Files.writeString(file, JSON.writeValueAsString(row) + "\n", StandardCharsets.UTF_8);
    return intake.ingest(COUNTY, BatchFormat.JSON_LINES, file);
  }

  /** Lands {@code row} as a batch through {@code intake}, then takes its claims back out. */
  private String landWithoutCommit(BatchIntake intake, Map<String, Object> row) throws Exception {
    String batchId = send(intake, row).batchId();
    forget(batchId);
    Files.delete(landing().resolve("batches").resolve(batchId + ".json"));
    return batchId;
  }

  private String landWithoutCommit(Map<String, Object> row) throws Exception {
    try (BatchIntake intake = open()) {
      return landWithoutCommit(intake, row);
    }
  }

  /** The index as it was before {@code batchId}: its versions and its commit gone. */
  private static void forget(String batchId) throws Exception {
    try (Connection c = INDEX.connect()) {
      for (String table : List.of("record_versions", "committed_batches", "batch_manifests")) {
        try (PreparedStatement ps =
            c.prepareStatement("DELETE FROM " + table + " WHERE batch_id = ?")) {
          ps.setString(1, batchId);
          ps.executeUpdate();
        }
      }
    }
  }

  @Test
  void aRetryAfterACrashBeforeTheIndexCommitIsJudgedAgainstWhatLanded() throws Exception {
    try (BatchIntake intake = open()) {
      send(intake, aCase().caseId("earlier").row());
    }
    String crashed = landWithoutCommit(aCase().caseId("landed").row());

    try (BatchIntake intake = open()) {
      BatchResult same = send(intake, aCase().caseId("landed").row());
      assertThat(same.ignored()).as("the landed row sent again is a duplicate").isEqualTo(1);
      assertThat(same.accepted()).isZero();
      BatchResult other = send(intake, aCase().caseId("landed").description("另一个内容").row());
      assertThat(other.rejected()).isEqualTo(1);
      assertThat(other.errors()).extracting(FieldError::field).containsExactly("updated_at");
      assertThat(other.errors().get(0).message()).contains("conflicts");

      BatchResult manifest = intake.batch(crashed).orElseThrow();
      assertThat(manifest.recovered()).isTrue();
      assertThat(manifest.accepted()).isEqualTo(1);
      assertThat(manifest.ignored()).isZero();
      assertThat(manifest.rejected()).isZero();
      assertThat(manifest.tenant()).isEqualTo("330522");
      assertThat(manifest.format()).isEqualTo(BatchFormat.JSON_LINES);
      assertThat(manifest.bytes())
          .isEqualTo(Files.size(landing().resolve("raw").resolve(crashed + ".jsonl")));
      assertThat(manifest.receivedAt()).isEqualTo(BatchIds.timeOf(crashed));
      assertThat(manifest.keyId()).isEqualTo(BatchResult.UNKNOWN_KEY);
    }
  }

  @Test
  void aBatchLandedButNotCommittedIsAppendedToTheRecordsLogAgainAtTheNextStart() throws Exception {
    try (RecordsLog log = IntakeFixture.newLog()) {
      String crashed;
      try (BatchIntake intake =
          new BatchIntake(new LandingZone(landing()), REGISTRY, INDEX.index(), log, CLOCK)) {
        crashed = landWithoutCommit(intake, aCase().caseId("logged").row());
      }
      assertThat(trailersOf(log, crashed)).as("appended once by the upload").isEqualTo(1);

      new IndexReconciler(new LandingZone(landing()), INDEX.index(), REGISTRY, log).reconcile();

      assertThat(trailersOf(log, crashed))
          .as("appended again with its claims: whether or not the crash came before the log")
          .isEqualTo(2);
      List<LogContents.Message> messages =
          LogContents.read(log.topic()).stream().filter(m -> m.batch().equals(crashed)).toList();
      assertThat(messages).extracting(LogContents.Message::key).containsOnly("330522");
      assertThat(
              new IndexReconciler(new LandingZone(landing()), INDEX.index(), REGISTRY, log)
                  .reconcile())
          .as("committed now: not appended a third time")
          .isZero();
      assertThat(trailersOf(log, crashed)).isEqualTo(2);
    }
  }

  private static long trailersOf(RecordsLog log, String batchId) {
    return LogContents.read(log.topic()).stream()
        .filter(m -> m.batch().equals(batchId))
        .filter(m -> m.text().startsWith(io.liangshai.core.landing.LandingFile.TRAILER_PREFIX))
        .count();
  }

  @Test
  void aCommittedBatchWhoseManifestFileIsLostGetsItBackFromPostgresAtTheNextStart()
      throws Exception {
    String batchId;
    try (BatchIntake intake = open()) {
      Path body = intake.landing().newIncomingFile();
      Files.writeString(
          body,
          JSON.writeValueAsString(aCase().caseId("a").row())
              + "\n"
              + JSON.writeValueAsString(aCase().caseId("a").description("另一个内容").row())
              + "\n",
          StandardCharsets.UTF_8);
      BatchResult sent = intake.ingest(COUNTY, BatchFormat.JSON_LINES, body);
      assertThat(sent.errors()).as("a row error to carry over").hasSize(1);
      batchId = sent.batchId();
    }
    Path manifest = landing().resolve("batches").resolve(batchId + ".json");
    byte[] written = Files.readAllBytes(manifest);
    Files.delete(manifest); // a crash between the commit and the file

    assertThat(reconciler().reconcile()).as("committed: not claimed again").isZero();
    assertThat(manifest).as("written again, as it was").hasBinaryContent(written);
  }

  @Test
  void aStartReadsOnlyTheBatchesNotCommitted() throws Exception {
    try (BatchIntake intake = open()) {
      for (int i = 0; i < 3; i++) {
        send(intake, aCase().caseId("c" + i).row());
      }
    }
    String crashed = landWithoutCommit(aCase().caseId("landed").row());
    assertThat(reconciler().reconcile()).as("only the uncommitted batch").isEqualTo(1);
    assertThat(INDEX.index().committedBatches()).contains(crashed);
    assertThat(reconciler().reconcile()).as("nothing left at the next start").isZero();
  }

  @Test
  void aBatchLandedByOneProcessIsFoundAfterANewerOneCommittedByAnother() throws Exception {
    String crashed;
    String newer;
    try (BatchIntake first = open();
        BatchIntake second = open(Clock.offset(CLOCK, Duration.ofMinutes(1)))) {
      crashed = landWithoutCommit(first, aCase().caseId("landed").row());
      newer = send(second, aCase().caseId("later").row()).batchId();
    }
    assertThat(newer).isGreaterThan(crashed);
    assertThat(INDEX.index().committedThrough()).contains(newer);

    try (BatchIntake restarted = open()) {
      assertThat(INDEX.index().committedBatches()).contains(crashed, newer);
      BatchResult retry = send(restarted, aCase().caseId("landed").description("另一个内容").row());
      assertThat(retry.rejected()).as("judged against the landed batch").isEqualTo(1);
      assertThat(restarted.batch(crashed).orElseThrow().recovered()).isTrue();
      assertThat(restarted.batch(newer).orElseThrow().recovered()).isFalse();
    }
  }

  @Test
  void aLostIndexIsRebuiltFromEveryBatch() throws Exception {
    try (BatchIntake intake = open()) {
      send(intake, aCase().caseId("a").row());
      send(intake, aCase().caseId("b").row());
    }
    INDEX.execute("TRUNCATE record_versions");
    assertThat(reconciler().reconcile()).as("an empty index reads every batch").isEqualTo(2);
    try (BatchIntake intake = open()) {
      assertThat(send(intake, aCase().caseId("b").row()).ignored()).isEqualTo(1);
    }
  }

  @Test
  void aLandingZoneOfThePreviousReleaseIsIndexedIntoAnEmptyDatabase() throws Exception {
    copyTree(Path.of(getClass().getResource("/previous-release/landing").toURI()), landing());
    Path oldIndex = landing().resolve("version-index.mv");
    byte[] oldIndexBytes = Files.readAllBytes(oldIndex);
    Map<String, byte[]> manifests = manifests();
    assertThat(manifests).hasSize(3);

    try (BatchIntake intake = open()) {
      assertThat(INDEX.index().committedBatches())
          .containsExactlyInAnyOrderElementsOf(manifests.keySet());
      for (String caseId : List.of("a", "b", "c", "d")) {
        assertThat(send(intake, aCase().caseId(caseId).row()).ignored())
            .as("case %s, landed by the previous release", caseId)
            .isEqualTo(1);
      }
      BatchResult conflict = send(intake, aCase().caseId("b").description("另一个内容").row());
      assertThat(conflict.rejected()).isEqualTo(1);
      assertThat(send(intake, aCase().caseId("e").row()).accepted()).isEqualTo(1);
    }
    for (Map.Entry<String, byte[]> m : manifests.entrySet()) {
      assertThat(landing().resolve("batches").resolve(m.getKey() + ".json"))
          .as("the previous release's manifest, untouched")
          .hasBinaryContent(m.getValue());
      byte[] committed = INDEX.index().manifest(m.getKey()).orElseThrow();
      assertThat(BatchManifests.read(committed))
          .as("and committed to PostgreSQL with its batch")
          .isEqualTo(BatchManifests.read(m.getValue()));
    }
    assertThat(oldIndex).as("left as it was, no longer read").hasBinaryContent(oldIndexBytes);
  }

  @Test
  void aForeignRecordsFileNeitherStopsTheStartNorMovesTheWatermark() throws Exception {
    String last;
    try (BatchIntake intake = open()) {
      last = send(intake, aCase().caseId("a").row()).batchId();
    }
    Files.writeString(landing().resolve("records/zz-poison.jsonl"), "{\"case_id\": 12\n");
    INDEX.execute("TRUNCATE record_versions, committed_batches, batch_manifests");
    assertThat(reconciler().reconcile()).as("the batch, not the foreign file").isEqualTo(1);
    assertThat(INDEX.index().committedThrough()).contains(last);
    try (BatchIntake intake = open()) {
      assertThat(send(intake, aCase().caseId("a").row()).ignored()).isEqualTo(1);
      assertThat(send(intake, aCase().caseId("b").row()).batchId()).isGreaterThan(last);
    }
  }

  @Test
  void aRawBodyWithoutRecordsIsKept() throws Exception {
    try (BatchIntake intake = open()) {
      send(intake, aCase().caseId("a").row());
    }
    String crashed = landWithoutCommit(aCase().caseId("landed").row());
    Files.delete(landing().resolve("records").resolve(crashed + ".jsonl"));
    Path raw = landing().resolve("raw").resolve(crashed + ".jsonl");
    try (BatchIntake intake = open()) {
      assertThat(raw).exists();
      assertThat(intake.batch(crashed)).isEmpty();
      assertThat(send(intake, aCase().caseId("landed").row()).accepted()).isEqualTo(1);
    }
  }

  @Test
  void theRecoveredTenantIsTheMostSpecificOneHoldingEveryRecord() {
    assertThat(RecoveredManifest.commonTenant(REGISTRY, Set.of("330522"))).isEqualTo("330522");
    assertThat(RecoveredManifest.commonTenant(REGISTRY, Set.of("330522", "330521")))
        .isEqualTo("330500");
    assertThat(RecoveredManifest.commonTenant(REGISTRY, Set.of("330522", "330500")))
        .isEqualTo("330500");
    assertThat(RecoveredManifest.commonTenant(REGISTRY, Set.of())).isEqualTo("330000");
  }

  @Test
  void batchIdsGrowEvenWithinOneMillisecondAndWhenTheClockStepsBack() {
    Instant t = Instant.parse("2024-03-01T00:00:00.123Z");
    BatchIds ids = new BatchIds(Optional.empty());
    String previous = ids.next(t);
    for (int i = 0; i < 200; i++) {
      String next = ids.next(i % 2 == 0 ? t : t.minusSeconds(60));
      assertThat(next).isGreaterThan(previous);
      assertThat(io.liangshai.core.landing.LandingFile.isBatchId(next)).isTrue();
      previous = next;
    }
    assertThat(new BatchIds(Optional.of(previous)).next(t)).isGreaterThan(previous);
  }

  private Map<String, byte[]> manifests() throws Exception {
    Map<String, byte[]> manifests = new TreeMap<>();
    try (Stream<Path> files = Files.list(landing().resolve("batches"))) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        manifests.put(name.substring(0, name.length() - ".json".length()), Files.readAllBytes(p));
      }
    }
    return manifests;
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
