package io.liangshai.metadata;

import static io.liangshai.metadata.MetadataFixture.CLOCK;
import static io.liangshai.metadata.MetadataFixture.MANIFEST;
import static io.liangshai.metadata.MetadataFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.metadata.testing.MetadataExtension;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresVersionIndexITCase {

  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  private final PostgresVersionIndex index = new PostgresVersionIndex(METADATA.dataSource(), CLOCK);

  @Test
  void aVersionIsNewThenADuplicateOrAConflict() throws Exception {
    RecordVersion v = version("A-1");
    assertThat(claimAndCommit("b-0001", v, "h1")).isEqualTo(VersionVerdict.NEW);
    assertThat(claimAndCommit("b-0002", v, "h1")).isEqualTo(VersionVerdict.DUPLICATE);
    assertThat(claimAndCommit("b-0003", v, "h2")).isEqualTo(VersionVerdict.CONFLICT);
    assertThat(index.storedHash(v)).contains("h1");
    assertThat(index.storedHash(new RecordVersion("330100", "A-1", NOW.plusNanos(1000)))).isEmpty();
  }

  @Test
  void withinOneBatchARepeatIsJudgedAgainstItsFirstRow() throws Exception {
    try (VersionClaims claims = index.begin("b-0100")) {
      assertThat(claims.claim(version("B-1"), "h1")).isEqualTo(VersionVerdict.NEW);
      assertThat(claims.claim(version("B-1"), "h1")).isEqualTo(VersionVerdict.DUPLICATE);
      assertThat(claims.claim(version("B-1"), "h2")).isEqualTo(VersionVerdict.CONFLICT);
      claims.commit(MANIFEST);
    }
  }

  @Test
  void claimsInOneRoundTripAreJudgedAsIfOneAfterTheOther() throws Exception {
    RecordVersion a = version("K-1");
    RecordVersion b = new RecordVersion("330100", "K-2", NOW);
    try (VersionClaims claims = index.begin("b-0700")) {
      assertThat(claims.claimAll(List.of(a, a, a, b), List.of("h1", "h1", "h2", "h1")))
          .containsExactly(
              VersionVerdict.NEW,
              VersionVerdict.DUPLICATE,
              VersionVerdict.CONFLICT,
              VersionVerdict.NEW);
      assertThat(claims.claimAll(List.of(b, a), List.of("h1", "h2")))
          .containsExactly(VersionVerdict.DUPLICATE, VersionVerdict.CONFLICT);
      claims.commit(MANIFEST);
    }
    assertThat(index.storedHash(b)).contains("h1");
    try (VersionClaims later = index.begin("b-0701")) {
      assertThat(later.claimAll(List.of(a, b), List.of("h1", "h9")))
          .containsExactly(VersionVerdict.DUPLICATE, VersionVerdict.CONFLICT);
    }
  }

  @Test
  void aBatchClosedWithoutCommitGivesItsClaimsBack() throws Exception {
    try (VersionClaims claims = index.begin("b-0200")) {
      assertThat(claims.claim(version("C-1"), "h1")).isEqualTo(VersionVerdict.NEW);
    }
    assertThat(index.storedHash(version("C-1"))).isEmpty();
    assertThat(claimAndCommit("b-0201", version("C-1"), "h2")).isEqualTo(VersionVerdict.NEW);
  }

  @Test
  void aSecondUploadWaitsForTheFirstAndThenConflicts() throws Exception {
    try (VersionClaims first = index.begin("b-0300")) {
      assertThat(first.claim(version("D-1"), "h1")).isEqualTo(VersionVerdict.NEW);
      CompletableFuture<VersionVerdict> second =
          CompletableFuture.supplyAsync(
              () -> uncheckedClaimAndCommit("b-0301", version("D-1"), "h2"));
      assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS))
          .as("the second claim waits while the first batch is open")
          .isInstanceOf(TimeoutException.class);
      first.commit(MANIFEST);
      assertThat(second.get(1, TimeUnit.MINUTES)).isEqualTo(VersionVerdict.CONFLICT);
    }
  }

  @Test
  void aSecondUploadIsNewWhenTheFirstRollsBack() throws Exception {
    CompletableFuture<VersionVerdict> second;
    try (VersionClaims first = index.begin("b-0400")) {
      assertThat(first.claim(version("E-1"), "h1")).isEqualTo(VersionVerdict.NEW);
      second =
          CompletableFuture.supplyAsync(
              () -> uncheckedClaimAndCommit("b-0401", version("E-1"), "h2"));
      assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS))
          .isInstanceOf(TimeoutException.class);
    }
    assertThat(second.get(1, TimeUnit.MINUTES)).isEqualTo(VersionVerdict.NEW);
    assertThat(index.storedHash(version("E-1"))).contains("h2");
  }

  @Test
  void concurrentUploadsOfTheSameVersionsWithDifferentContentAcceptEachExactlyOnce()
      throws Exception {
    int versions = 40;
    List<List<VersionVerdict>> perUpload =
        Concurrently.run(
            4,
            t ->
                () -> {
                  try (VersionClaims claims = index.begin("b-1000-" + t)) {
                    List<VersionVerdict> verdicts = new java.util.ArrayList<>();
                    for (int i = 0; i < versions; i++) {
                      verdicts.add(claims.claim(version("F-" + i), "upload-" + t));
                    }
                    claims.commit(MANIFEST);
                    return verdicts;
                  }
                });

    for (int i = 0; i < versions; i++) {
      int row = i;
      List<Integer> accepted =
          java.util.stream.IntStream.range(0, 4)
              .filter(t -> perUpload.get(t).get(row) == VersionVerdict.NEW)
              .boxed()
              .toList();
      assertThat(accepted).as("uploads that accepted F-%d", i).hasSize(1);
      assertThat(perUpload.stream().map(v -> v.get(row)))
          .containsOnly(VersionVerdict.NEW, VersionVerdict.CONFLICT);
      assertThat(index.storedHash(version("F-" + i))).contains("upload-" + accepted.get(0));
    }
  }

  @Test
  void committedThroughIsTheNewestCommittedBatch() throws Exception {
    claimAndCommit("b-9001", version("G-1"), "h");
    claimAndCommit("b-9000", version("G-2"), "h");
    try (VersionClaims open = index.begin("b-9999")) {
      open.claim(version("G-3"), "h");
    }
    assertThat(index.committedThrough()).contains("b-9001");
    assertThat(index.committedBatches()).contains("b-9000", "b-9001").doesNotContain("b-9999");
    assertThat(index.isEmpty()).isFalse();
  }

  @Test
  void aBatchCommittedTwiceIsRecordedOnlyByTheFirstCommit() throws Exception {
    try (VersionClaims claims = index.begin("b-0600")) {
      claims.claim(version("H-1"), "h");
      assertThat(claims.commit(MANIFEST)).isTrue();
    }
    try (VersionClaims again = index.begin("b-0600")) {
      assertThat(again.claim(version("H-1"), "h")).isEqualTo(VersionVerdict.DUPLICATE);
      assertThat(again.commit(MANIFEST)).as("recorded already").isFalse();
    }
  }

  @Test
  void aCommittedBatchKeepsItsManifestAndARolledBackOneLeavesNone() throws Exception {
    // written in jsonb's own form (keys shortest first, a space after each separator), so the
    // object reads back byte for byte
    String json = "{\"note\": \"办结\", \"tenant\": \"330100\", \"batch_id\": \"b-0800\"}";
    try (VersionClaims claims = index.begin("b-0800")) {
      claims.claim(version("M-1"), "h");
      claims.commit(
          new BatchManifestRow("330100", NOW, false, json.getBytes(StandardCharsets.UTF_8)));
    }
    try (VersionClaims claims = index.begin("b-0801")) {
      claims.claim(version("M-2"), "h");
    }
    assertThat(index.manifest("b-0800"))
        .hasValueSatisfying(
            bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(json));
    assertThat(index.manifest("b-0801")).as("closed without commit").isEmpty();
    assertThat(index.manifest("b-0802")).as("never begun").isEmpty();
    try (VersionClaims again = index.begin("b-0800")) {
      again.commit(MANIFEST);
    }
    assertThat(index.manifest("b-0800"))
        .as("the first commit's manifest stays")
        .hasValueSatisfying(
            bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(json));
  }

  @Test
  void aRecoveredManifestGivesWayToTheRealOneAndNeverTheOtherWayRound() throws Exception {
    commitWithManifest("b-0900", true, "{\"by\": \"recovery\"}");
    commitWithManifest("b-0900", false, "{\"by\": \"uploader\"}");
    commitWithManifest("b-0900", true, "{\"by\": \"a later recovery\"}");
    commitWithManifest("b-0900", false, "{\"by\": \"a second uploader\"}");
    assertThat(index.manifest("b-0900"))
        .hasValueSatisfying(
            bytes ->
                assertThat(new String(bytes, StandardCharsets.UTF_8))
                    .isEqualTo("{\"by\": \"uploader\"}"));
  }

  private void commitWithManifest(String batch, boolean recovered, String json) throws Exception {
    try (VersionClaims claims = index.begin(batch)) {
      claims.commit(
          new BatchManifestRow("330100", NOW, recovered, json.getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static RecordVersion version(String caseId) {
    return new RecordVersion("330100", caseId, Instant.parse("2026-02-01T09:00:00.000001Z"));
  }

  private VersionVerdict claimAndCommit(String batch, RecordVersion v, String hash)
      throws Exception {
    try (VersionClaims claims = index.begin(batch)) {
      VersionVerdict verdict = claims.claim(v, hash);
      claims.commit(MANIFEST);
      return verdict;
    }
  }

  private VersionVerdict uncheckedClaimAndCommit(String batch, RecordVersion v, String hash) {
    try {
      return claimAndCommit(batch, v, hash);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
