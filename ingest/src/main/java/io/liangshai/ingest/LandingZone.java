package io.liangshai.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable hand-over between ingest and the stream job, under {@code
 * $LIANGSHAI_DATA_DIR/landing}:
 *
 * <pre>
 * incoming/            bodies being received (not yet accepted)
 * raw/BATCH.EXT        every accepted batch exactly as received
 * records/BATCH.jsonl  its accepted records in canonical JSON, then a trailer line
 * batches/BATCH.json   its manifest: who, when, size, checksum, counts, per-row errors
 * </pre>
 *
 * Files appear whole: written under a dot-name, fsynced, renamed, and the directory fsynced. The
 * stream job ignores dot-names, so it never reads half a file. What a crash leaves half-written
 * (bodies under {@code incoming/}, hidden {@code .*.tmp} files) is deleted when the zone is opened,
 * at start, once untouched for {@link #LEFTOVER_AFTER}: several processes may write one zone, and a
 * file another one is writing now is not a leftover.
 */
public final class LandingZone {

  private static final Logger LOG = LoggerFactory.getLogger(LandingZone.class);
  private static final String[] DIRS = {"incoming", "raw", "records", "batches"};

  /** How long a temporary file stays untouched before a starting process takes it as a leftover. */
  static final Duration LEFTOVER_AFTER = Duration.ofHours(1);

  private final Path root;

  /** Opens (creating) the zone under {@code root} and {@link #cleanLeftovers cleans} it. */
  public LandingZone(Path root) throws IOException {
    this.root = root;
    for (String dir : DIRS) {
      Files.createDirectories(root.resolve(dir));
    }
    cleanLeftovers();
  }

  /**
   * Deletes what no running process can own: every body under {@code incoming/} (an upload that was
   * never answered) and every hidden {@code .*.tmp} file of the zone (a write that was never
   * published) untouched for {@link #LEFTOVER_AFTER}. Logs what it removed; the count.
   */
  int cleanLeftovers() throws IOException {
    List<Path> leftovers = new ArrayList<>();
    try (Stream<Path> incoming = Files.list(incomingDir())) {
      incoming.filter(Files::isRegularFile).forEach(leftovers::add);
    }
    try (Stream<Path> all = Files.walk(root, 2)) {
      all.filter(Files::isRegularFile)
          .filter(p -> !p.getParent().equals(incomingDir()))
          .filter(
              p -> {
                String name = p.getFileName().toString();
                return name.startsWith(".") && name.endsWith(".tmp");
              })
          .forEach(leftovers::add);
    }
    Instant cutoff = fileSystemNow().minus(LEFTOVER_AFTER);
    leftovers.removeIf(p -> !untouchedSince(p, cutoff));
    for (Path p : leftovers) {
      Files.deleteIfExists(p);
    }
    if (!leftovers.isEmpty()) {
      LOG.info(
          "landing zone {}: removed {} leftover file(s) of an earlier run, e.g. {}",
          root,
          leftovers.size(),
          leftovers.stream().map(p -> root.relativize(p).toString()).sorted().limit(20).toList());
    }
    return leftovers.size();
  }

  /**
   * The time on the clock that stamps this zone's files (a fresh file's modification time): on a
   * landing zone shared over a network file system that is the file server's clock, which the
   * leftovers' times must be compared with, not this machine's.
   */
  private Instant fileSystemNow() throws IOException {
    Path probe = Files.createTempFile(incomingDir(), ".clock-", ".probe");
    try {
      return Files.getLastModifiedTime(probe).toInstant();
    } finally {
      Files.delete(probe);
    }
  }

  private static boolean untouchedSince(Path file, Instant cutoff) {
    try {
      return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
    } catch (IOException e) {
      return false; // gone meanwhile: published or deleted by the process that wrote it
    }
  }

  public Path root() {
    return root;
  }

  public Path incomingDir() {
    return root.resolve("incoming");
  }

  /** The directory the stream job watches. */
  public Path recordsDir() {
    return root.resolve("records");
  }

  /** Where the raw body of batch {@code batchId}, sent in {@code format}, is kept. */
  public Path rawFile(String batchId, BatchFormat format) {
    return root.resolve("raw").resolve(batchId + "." + format.extension());
  }

  Path recordsFile(String batchId) {
    return recordsDir().resolve(batchId + ".jsonl");
  }

  /** Where the manifest of batch {@code batchId} is published. */
  public Path manifestFile(String batchId) {
    return root.resolve("batches").resolve(batchId + ".json");
  }

  /** A fresh file name under {@code incoming/} for a body being received. */
  public Path newIncomingFile() throws IOException {
    return Files.createTempFile(incomingDir(), ".body-", ".tmp");
  }

  /**
   * The hidden temporary of {@code target} (a file of {@code records/}, {@code raw/} or {@code
   * batches/}), to be {@link #publish published} over it: under {@code incoming/}, on the same file
   * system so the rename is atomic, and never in the directory the job watches — Flink's file
   * enumerator fails a whole listing when a file it listed is renamed away before it looks at it,
   * and with uploads taken concurrently there is nearly always one being written.
   */
  static Path stagingFile(Path target) {
    Path dir = target.getParent();
    return dir.resolveSibling("incoming")
        .resolve("." + dir.getFileName() + "-" + target.getFileName() + ".tmp");
  }

  /** fsyncs {@code tmp}, renames it to {@code target} atomically, and fsyncs the directory. */
  static void publish(Path tmp, Path target) throws IOException {
    fsync(tmp);
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    fsyncDirectory(target.getParent());
  }

  static void writeDurably(Path target, byte[] content) throws IOException {
    Path tmp = stagingFile(target);
    try (OutputStream out = Files.newOutputStream(tmp)) {
      out.write(content);
    }
    publish(tmp, target);
  }

  /**
   * Writes {@code content} to {@code target} durably unless {@code target} exists, atomically:
   * false, and nothing changed, when it does (whoever wrote it first wins).
   */
  static boolean writeDurablyIfAbsent(Path target, byte[] content) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp");
    try {
      Files.write(tmp, content);
      fsync(tmp);
      Files.createLink(target, tmp);
      fsyncDirectory(target.getParent());
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  Optional<byte[]> readManifest(String batchId) throws IOException {
    Path file = manifestFile(batchId);
    return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
  }

  /** Every published record file, oldest batch first (batch ids sort by time). */
  Stream<Path> recordFiles() throws IOException {
    return Files.list(recordsDir())
        .filter(p -> !p.getFileName().toString().startsWith("."))
        .filter(p -> p.getFileName().toString().endsWith(".jsonl"))
        .sorted();
  }

  static void fsync(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems do not allow opening a directory; the rename is still atomic there.
    }
  }
}
