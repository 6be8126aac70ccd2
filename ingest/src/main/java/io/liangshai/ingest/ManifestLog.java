package io.liangshai.ingest;

import io.liangshai.core.landing.LandingFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The landing zone's batch manifests in the order of their ids (which sort by time), for whoever
 * derives records from them (the audit rows and the {@code batches} table): only the manifests
 * after a watermark are read.
 */
public final class ManifestLog {

  private final LandingZone landing;

  public ManifestLog(LandingZone landing) {
    this.landing = Objects.requireNonNull(landing, "landing");
  }

  /** The ids of every published manifest after {@code after} (all when empty), oldest first. */
  public List<String> batchIdsAfter(Optional<String> after) throws IOException {
    try (Stream<Path> all = Files.list(batchesDir())) {
      return all.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.startsWith("."))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .filter(LandingFile::isBatchId)
          .filter(id -> after.isEmpty() || id.compareTo(after.get()) > 0)
          .sorted()
          .toList();
    }
  }

  /**
   * The ids of every published manifest received within {@code lookBack} before batch {@code
   * newest} or after it (all when empty), oldest first. Batches are taken concurrently, by one
   * process or several on one landing zone, so a manifest may be published after those of batches
   * received later than it; a reader that looks back far enough behind the newest it has seen
   * misses none of them.
   */
  public List<String> batchIdsReceivedAround(Optional<String> newest, Duration lookBack)
      throws IOException {
    return batchIdsAfter(
        newest
            .filter(LandingFile::isBatchId)
            .map(id -> BatchIds.lowerBound(BatchIds.timeOf(id).minus(lookBack))));
  }

  /** The manifest of {@code batchId}, if published. */
  public Optional<BatchResult> read(String batchId) throws IOException {
    Optional<byte[]> bytes = landing.readManifest(batchId);
    return bytes.isEmpty() ? Optional.empty() : Optional.of(BatchManifests.read(bytes.get()));
  }

  /** Changes whenever a manifest is published (the directory's modification time). */
  public String stamp() throws IOException {
    return Files.getLastModifiedTime(batchesDir()).toString();
  }

  private Path batchesDir() {
    return landing.manifestFile("x").getParent();
  }
}
