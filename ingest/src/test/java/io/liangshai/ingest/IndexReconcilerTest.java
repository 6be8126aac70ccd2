package io.liangshai.ingest;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.record.FieldError;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash window between publishing a batch's records and committing its versions, rebuilt
 * exactly: the index as it was before the batch, the batch's raw body and records landed, no
 * manifest. The next start must judge a retry against what landed.
 */
class IndexReconcilerTest {

  private static final TenantRegistry REGISTRY = TenantRegistryLoader.loadDefault();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Uploader COUNTY = new Uploader("330522", "k_county");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-03-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private Path landing() {
    return dir.resolve("landing");
  }

  private Path indexFile() {
    return landing().resolve("version-index.mv");
  }

  private BatchIntake open() throws Exception {
    return new BatchIntake(new LandingZone(landing()), REGISTRY, CLOCK);
  }

  private static BatchResult send(BatchIntake intake, Map<String, Object> row) throws Exception {
    Path file = intake.landing().newIncomingFile();
    Files.writeString(file, JSON.writeValueAsString(row) + "\n", StandardCharsets.UTF_8);
    return intake.ingest(COUNTY, BatchFormat.JSON_LINES, file);
  }

  /** Lands {@code row} as a batch and then puts the index back as it was before it. */
  private String landWithoutCommit(Map<String, Object> row) throws Exception {
    Path before = dir.resolve("index-before.mv");
    Files.copy(indexFile(), before);
    String batchId;
    try (BatchIntake intake = open()) {
      batchId = send(intake, row).batchId();
    }
    Files.move(before, indexFile(), StandardCopyOption.REPLACE_EXISTING);
    Files.delete(landing().resolve("batches").resolve(batchId + ".json"));
    return batchId;
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
  void aStartReadsOnlyTheBatchesAfterTheLastCommit() throws Exception {
    try (BatchIntake intake = open()) {
      for (int i = 0; i < 3; i++) {
        send(intake, aCase().caseId("c" + i).row());
      }
    }
    String crashed = landWithoutCommit(aCase().caseId("landed").row());
    try (LandingZoneIndex zone = new LandingZoneIndex()) {
      assertThat(zone.reconciler().reconcile()).as("only the uncommitted batch").isEqualTo(1);
      assertThat(zone.index.committedThrough()).contains(crashed);
      assertThat(zone.reconciler().reconcile()).as("nothing left at the next start").isZero();
    }
  }

  @Test
  void aLostIndexIsRebuiltFromEveryBatch() throws Exception {
    try (BatchIntake intake = open()) {
      send(intake, aCase().caseId("a").row());
      send(intake, aCase().caseId("b").row());
    }
    Files.delete(indexFile());
    try (LandingZoneIndex zone = new LandingZoneIndex()) {
      assertThat(zone.reconciler().reconcile()).isEqualTo(2);
    }
    try (BatchIntake intake = open()) {
      assertThat(send(intake, aCase().caseId("b").row()).ignored()).isEqualTo(1);
    }
  }

  @Test
  void aForeignRecordsFileNeitherStopsTheStartNorMovesTheWatermark() throws Exception {
    String last;
    try (BatchIntake intake = open()) {
      last = send(intake, aCase().caseId("a").row()).batchId();
    }
    Files.writeString(landing().resolve("records/zz-poison.jsonl"), "{\"case_id\": 12\n");
    try (LandingZoneIndex zone = new LandingZoneIndex()) {
      zone.reconciler().reconcile();
      assertThat(zone.index.committedThrough()).contains(last);
    }
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

  /** The index and landing zone of {@link #dir}, opened as the intake opens them. */
  private final class LandingZoneIndex implements AutoCloseable {
    final VersionIndex index = new VersionIndex(indexFile());

    IndexReconciler reconciler() throws Exception {
      return new IndexReconciler(new LandingZone(landing()), index, REGISTRY);
    }

    @Override
    public void close() {
      index.close();
    }
  }
}
