package io.liangshai.ingest;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RawReplayTest {

  @RegisterExtension static final IndexDatabase INDEX = new IndexDatabase();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Uploader CITY = new Uploader("330500", "k_city");

  @TempDir Path dir;

  private static String line(Map<String, Object> row) throws Exception {
    return JSON.writeValueAsString(row) + "\n";
  }

  @Test
  void replaysEveryBatchAsItsUploaderAtItsTimeAndJudgesItAsBefore() throws Exception {
    Path oldLanding = dir.resolve("old/landing");
    List<BatchResult> sent = new ArrayList<>();
    try (BatchIntake old = IntakeFixture.open(INDEX, dir.resolve("old"))) {
      String a = line(aCase().caseId("a").row());
      sent.add(IntakeFixture.send(old, IntakeFixture.COUNTY, BatchFormat.JSON_LINES, a));
      String conflict = line(aCase().caseId("a").description("不同").row());
      sent.add(IntakeFixture.send(old, CITY, BatchFormat.JSON_LINES, a + conflict));
      // 400 days after its upload: rejected then, though today's clock would take it
      String late =
          line(
              aCase()
                  .caseId("late")
                  .updatedAt(IntakeFixture.UPLOAD.plus(Duration.ofDays(400)))
                  .row());
      sent.add(IntakeFixture.send(old, IntakeFixture.COUNTY, BatchFormat.JSON_LINES, late));
    }
    assertThat(sent)
        .extracting(BatchResult::accepted, BatchResult::ignored, BatchResult::rejected)
        .containsExactly(tuple(1, 0, 0), tuple(0, 1, 1), tuple(0, 0, 1));
    // the new platform's metadata
    INDEX.execute("TRUNCATE record_versions, committed_batches, batch_manifests");

    List<BatchResult> archived = RawReplay.archived(oldLanding);
    assertThat(archived).extracting(BatchResult::batchId).containsExactlyElementsOf(ids(sent));
    RawReplay.Summary summary =
        new RawReplay(
                new LandingZone(dir.resolve("new/landing")),
                IntakeFixture.REGISTRY,
                INDEX.dataSource(),
                IntakeFixture.log(),
                BatchIntake.DEFAULT_MAX_ROWS)
            .replay(oldLanding, archived);

    assertThat(summary.differing()).isEmpty();
    assertThat(summary.batches()).hasSize(3);
    assertThat(summary.batches().stream().map(r -> verdict(r.now())))
        .containsExactlyElementsOf(sent.stream().map(RawReplayTest::verdict).toList());
    assertThat(new long[] {summary.accepted(), summary.ignored(), summary.rejected()})
        .containsExactly(1, 1, 2);
    for (RawReplay.Replayed r : summary.batches()) {
      assertThat(dir.resolve("new/landing/raw").resolve(r.now().batchId() + ".jsonl"))
          .hasSameBinaryContentAs(oldLanding.resolve("raw").resolve(r.old().batchId() + ".jsonl"));
    }
    assertThat(new RawReplay.Replayed(sent.get(0), sent.get(1)).sameVerdict())
        .as("another verdict")
        .isFalse();
  }

  @Test
  void refusesAnOldLandingZoneWithoutRawBodiesOrManifests() throws Exception {
    Path landing = dir.resolve("landing");
    assertThatThrownBy(() -> RawReplay.archived(landing))
        .hasMessageContaining("no raw/ and batches/");
    Files.createDirectories(landing.resolve("raw"));
    Files.createDirectories(landing.resolve("batches"));
    assertThatThrownBy(() -> RawReplay.archived(landing)).hasMessageContaining("no batch manifest");

    BatchResult kept;
    try (BatchIntake old = IntakeFixture.open(INDEX, dir)) {
      kept =
          IntakeFixture.send(
              old, IntakeFixture.COUNTY, BatchFormat.JSON_LINES, line(aCase().row()));
    }
    Files.delete(landing.resolve("raw").resolve(kept.batchId() + ".jsonl"));
    assertThatThrownBy(() -> RawReplay.archived(landing))
        .hasMessageContaining(
            kept.batchId() + " of " + landing + " has a manifest but no raw body");
  }

  private static List<String> ids(List<BatchResult> batches) {
    return batches.stream().map(BatchResult::batchId).toList();
  }

  /** Who sent a batch, when, what, and what became of its rows. */
  private static Tuple verdict(BatchResult b) {
    return tuple(
        b.tenant(),
        b.keyId(),
        b.receivedAt(),
        b.format(),
        b.sha256(),
        b.accepted(),
        b.ignored(),
        b.rejected(),
        b.errors());
  }
}
