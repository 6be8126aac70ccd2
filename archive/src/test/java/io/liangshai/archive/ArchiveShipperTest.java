package io.liangshai.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.ingest.BatchResult;
import io.liangshai.ingest.IndicatorValueUploads;
import io.liangshai.ingest.LandingZone;
import io.liangshai.ingest.RawReplay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a landing zone accepted reaches the S3 archive (a real endpoint: S3Proxy), survives an
 * outage of the archive and a restart of the shipper, and comes back out as a landing zone that
 * {@code rebuild} replays.
 */
class ArchiveShipperTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private S3Server s3;
  private RawArchive archive;
  private LandingZone landing;

  @BeforeEach
  void start() throws Exception {
    S3Server.useCredentials();
    s3 = S3Server.start("raw");
    archive = RawArchives.open("s3://raw/province", Optional.of(s3.endpoint()));
    landing = new LandingZone(dir.resolve("landing"));
  }

  @AfterEach
  void stop() throws Exception {
    archive.close();
    s3.close();
  }

  @Test
  void shipsEveryBodyWithItsManifestOnceAndAgainAfterAnOutage() throws Exception {
    land("b_20260105T080000000_0a1b2c3d", "{\"case_id\":\"1\"}\n");
    land("b_20260105T080001000_0a1b2c3e", "{\"case_id\":\"2\"}\n");
    Path values = Files.createDirectories(landing.root().resolve(IndicatorValueUploads.DIRECTORY));
    Files.writeString(values.resolve("v_20260105T080002000_00000001.csv"), "indicator,value\n");

    try (ArchiveShipper shipper = new ArchiveShipper(landing, archive)) {
      assertThat(shipper.shipNow())
          .as("two bodies, two manifests, one upload of values")
          .isEqualTo(5);
      assertThat(shipper.backlog()).isZero();
      assertThat(shipper.shipNow()).as("nothing twice").isZero();
      assertThat(archive.keys("raw/"))
          .containsExactly(
              "raw/b_20260105T080000000_0a1b2c3d.jsonl", "raw/b_20260105T080001000_0a1b2c3e.jsonl");

      s3.stop();
      land("b_20260105T080003000_0a1b2c3f", "{\"case_id\":\"3\"}\n");
      assertThatThrownBy(shipper::shipNow).isInstanceOf(IOException.class);
      assertThat(shipper.backlog()).as("waits in the landing zone").isEqualTo(1);
      s3.start();
      assertThat(shipper.shipNow()).as("shipped when the archive answers").isEqualTo(2);
      assertThat(shipper.backlog()).isZero();
    }
    assertThat(archive.keys("batches/")).hasSize(3);
  }

  @Test
  void aRestartedShipperShipsWhatTheArchiveLacksAndNothingElse() throws Exception {
    land("b_20260105T080000000_0a1b2c3d", "{\"case_id\":\"1\"}\n");
    try (ArchiveShipper first = new ArchiveShipper(landing, archive)) {
      assertThat(first.shipNow()).isEqualTo(2);
    }
    // Received while no shipper ran (say the archive was down when the process stopped).
    land("b_20260104T080000000_0a1b2c3c", "{\"case_id\":\"0\"}\n");
    land("b_20260106T080000000_0a1b2c3e", "{\"case_id\":\"2\"}\n");
    try (ArchiveShipper again = new ArchiveShipper(landing, archive)) {
      assertThat(again.shipNow()).as("the two it lacks, however old").isEqualTo(4);
    }
  }

  @Test
  void shipsInTheBackgroundWithinSeconds() throws Exception {
    try (ArchiveShipper shipper = new ArchiveShipper(landing, archive).start()) {
      land("b_20260105T080000000_0a1b2c3d", "{\"case_id\":\"1\"}\n");
      Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
      while (archive.keys("batches/").isEmpty() && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
      assertThat(archive.keys("batches/"))
          .containsExactly("batches/b_20260105T080000000_0a1b2c3d.json");
      assertThat(archive.keys("raw/")).containsExactly("raw/b_20260105T080000000_0a1b2c3d.jsonl");
    }
  }

  @Test
  void aManifestWithoutItsBodyIsNotArchived() throws Exception {
    land("b_20260105T080000000_0a1b2c3d", "{\"case_id\":\"1\"}\n");
    Files.delete(dir.resolve("landing/raw/b_20260105T080000000_0a1b2c3d.jsonl"));
    try (ArchiveShipper shipper = new ArchiveShipper(landing, archive)) {
      assertThat(shipper.shipNow()).isZero();
      assertThat(archive.keys("batches/")).as("no manifest without its body").isEmpty();
    }
  }

  @Test
  void theArchiveComesBackAsALandingZoneThatRebuildReplays() throws Exception {
    land("b_20260105T080001000_0a1b2c3e", "{\"case_id\":\"2\"}\n");
    land("b_20260105T080000000_0a1b2c3d", "{\"case_id\":\"1\"}\n");
    try (ArchiveShipper shipper = new ArchiveShipper(landing, archive)) {
      shipper.shipNow();
    }
    Path downloaded = dir.resolve("downloaded");
    assertThat(ArchiveDownload.into(archive, downloaded)).isEqualTo(4);
    List<BatchResult> manifests = RawReplay.archived(downloaded);
    assertThat(manifests)
        .extracting(BatchResult::batchId)
        .containsExactly("b_20260105T080000000_0a1b2c3d", "b_20260105T080001000_0a1b2c3e");

    // A body altered in the archive is caught before anything is replayed.
    Path altered = Files.writeString(dir.resolve("altered"), "{\"case_id\":\"9\"}\n");
    archive.put("raw/b_20260105T080000000_0a1b2c3d.jsonl", altered);
    Path again = dir.resolve("again");
    ArchiveDownload.into(archive, again);
    assertThatThrownBy(() -> RawReplay.archived(again))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SHA-256");
  }

  /** A batch as the intake leaves it: its raw body, then its manifest. */
  private void land(String id, String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Files.write(landing.root().resolve("raw").resolve(id + ".jsonl"), bytes);
    String at = id.substring(2, 10) + "T" + id.substring(11, 17);
    Instant receivedAt =
        Instant.parse(
            at.substring(0, 4)
                + "-"
                + at.substring(4, 6)
                + "-"
                + at.substring(6, 8)
                + "T"
                + at.substring(9, 11)
                + ":"
                + at.substring(11, 13)
                + ":"
                + at.substring(13, 15)
                + "Z");
    Files.writeString(
        landing.manifestFile(id),
        JSON.createObjectNode()
            .put("batch_id", id)
            .put("tenant", "330522")
            .put("key_id", "k1")
            .put("received_at", receivedAt.toString())
            .put("format", "JSON_LINES")
            .put("bytes", bytes.length)
            .put(
                "sha256",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
            .put("accepted", 1)
            .put("ignored", 0)
            .put("rejected", 0)
            .set("errors", JSON.createArrayNode())
            .toString());
  }
}
