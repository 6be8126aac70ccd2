package io.liangshai.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash leaves in the landing zone is gone when it is opened again, once untouched for a
 * while; nothing else is.
 */
class LandingZoneTest {

  @TempDir Path dir;

  @Test
  void openingTheZoneDeletesHalfReceivedBodiesAndUnpublishedTemporaries() throws Exception {
    Path root = dir.resolve("landing");
    LandingZone first = new LandingZone(root);
    Path body = first.newIncomingFile();
    Files.writeString(body, "half an upload", StandardCharsets.UTF_8);
    Path records = first.recordsFile("20240102T000000000-0001");
    Path recordsTmp = LandingZone.stagingFile(records);
    Files.writeString(recordsTmp, "{\"case_id\":", StandardCharsets.UTF_8);
    Path manifestTmp = LandingZone.stagingFile(first.manifestFile("20240102T000000000-0001"));
    Files.writeString(manifestTmp, "{", StandardCharsets.UTF_8);
    Path published = first.recordsFile("20240101T000000000-0001");
    Files.writeString(published, "kept\n", StandardCharsets.UTF_8);
    Path manifest = first.manifestFile("20240101T000000000-0001");
    Files.writeString(manifest, "{}", StandardCharsets.UTF_8);
    Path index = root.resolve("version-index.mv");
    Files.writeString(index, "index", StandardCharsets.UTF_8);
    for (Path leftover : List.of(body, recordsTmp, manifestTmp)) {
      makeOld(leftover);
    }
    Path inFlight = first.newIncomingFile();
    Files.writeString(inFlight, "another process is receiving this", StandardCharsets.UTF_8);

    new LandingZone(root);

    assertThat(inFlight).as("written just now, by a process still running").exists();
    assertThat(body).doesNotExist();
    assertThat(recordsTmp).doesNotExist();
    assertThat(manifestTmp).doesNotExist();
    assertThat(published).hasContent("kept");
    assertThat(manifest).hasContent("{}");
    assertThat(index).hasContent("index");
    assertThat(root.resolve("incoming")).isDirectoryContaining(p -> p.equals(inFlight));
  }

  @Test
  void aFileWrittenIfAbsentNeverReplacesOneThatIsThere() throws Exception {
    LandingZone zone = new LandingZone(dir.resolve("landing"));
    Path manifest = zone.manifestFile("b_20240101T000000000_00000001");
    assertThat(LandingZone.writeDurablyIfAbsent(manifest, "recovered".getBytes())).isTrue();
    assertThat(manifest).hasContent("recovered");
    LandingZone.writeDurably(manifest, "real".getBytes());
    assertThat(LandingZone.writeDurablyIfAbsent(manifest, "recovered".getBytes())).isFalse();
    assertThat(manifest).hasContent("real");
    assertThat(manifest.getParent()).isDirectoryNotContaining("glob:**.tmp");
  }

  private static void makeOld(Path file) throws Exception {
    Files.setLastModifiedTime(
        file,
        FileTime.from(
            Instant.now().minus(LandingZone.LEFTOVER_AFTER).minus(Duration.ofMinutes(1))));
  }

  @Test
  void aCleanZoneHasNothingToRemove() throws Exception {
    LandingZone zone = new LandingZone(dir.resolve("landing"));
    assertThat(zone.cleanLeftovers()).isZero();
  }
}
