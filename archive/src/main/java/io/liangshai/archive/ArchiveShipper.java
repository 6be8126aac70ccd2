package io.liangshai.archive;

import io.liangshai.core.concurrent.DaemonThreads;
import io.liangshai.ingest.BatchResult;
import io.liangshai.ingest.IndicatorValueUploads;
import io.liangshai.ingest.LandingZone;
import io.liangshai.ingest.ManifestLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships what this instance's landing zone accepted to the shared {@link RawArchive}, on one
 * background thread: every batch's raw body, then its manifest (so a manifest in the archive always
 * has its body beside it), and every kept upload of reported indicator values. The upload's answer
 * does not wait for it — the landing zone's fsync is the durability promise — but nothing is lost
 * if the archive is down: what was not shipped stays in the landing zone and is shipped when the
 * archive answers again, or at the next start, which compares the whole archive with the zone.
 *
 * <p>After that first comparison it reads only what is new, as {@code LandingAuditSync} does:
 * manifests received from {@link #LOOK_BACK} before the newest shipped one on, those shipped
 * already skipped by id, because concurrent uploads may publish an earlier batch's manifest later.
 */
public final class ArchiveShipper implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ArchiveShipper.class);
  private static final long TICK_MS = 1000;
  private static final Duration FULL_LOOK = Duration.ofMinutes(1);

  /** How long before the newest shipped batch a batch still being taken may have been received. */
  static final Duration LOOK_BACK = Duration.ofHours(1);

  private static final String BATCHES = "batches/";
  private static final String VALUES = IndicatorValueUploads.DIRECTORY + "/";

  private final LandingZone landing;
  private final ManifestLog manifests;
  private final RawArchive archive;
  private ScheduledExecutorService thread;

  private Optional<String> watermark;
  private final NavigableSet<String> shipped = new TreeSet<>();
  private Set<String> valuesShipped;
  private volatile int backlog;
  private boolean failing;
  private String lastStamp = "";
  private long lastLook;
  private final Set<String> withoutBody = new HashSet<>();

  public ArchiveShipper(LandingZone landing, RawArchive archive) {
    this.landing = Objects.requireNonNull(landing, "landing");
    this.manifests = new ManifestLog(landing);
    this.archive = Objects.requireNonNull(archive, "archive");
  }

  /** Starts the background thread; the first comparison runs at once. */
  public synchronized ArchiveShipper start() {
    if (thread == null) {
      thread = DaemonThreads.scheduler("raw-archive-shipper");
      thread.scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** The archive it ships to. */
  public RawArchive archive() {
    return archive;
  }

  /** Batches of the landing zone not in the archive after the last pass (all before the first). */
  public int backlog() {
    return backlog;
  }

  /** Ships everything the archive does not hold yet; the number of files stored. */
  public synchronized int shipNow() throws IOException {
    if (watermark == null) {
      for (String key : archive.keys(BATCHES)) {
        if (key.endsWith(".json")) {
          shipped.add(key.substring(BATCHES.length(), key.length() - ".json".length()));
        }
      }
      valuesShipped = new HashSet<>(archive.keys(VALUES));
      watermark = Optional.empty();
    }
    List<String> ids = manifests.batchIdsReceivedAround(watermark, LOOK_BACK);
    int stored = 0;
    int waiting =
        (int) ids.stream().filter(id -> !shipped.contains(id) && !withoutBody.contains(id)).count();
    backlog = waiting;
    for (String id : ids) {
      if (shipped.contains(id) || withoutBody.contains(id)) {
        continue;
      }
      stored += ship(id);
      shipped.add(id);
      backlog = --waiting;
      if (watermark.isEmpty() || id.compareTo(watermark.get()) > 0) {
        watermark = Optional.of(id);
      }
    }
    if (!ids.isEmpty()) {
      shipped.headSet(ids.get(0)).clear();
    }
    return stored + shipValues();
  }

  private int ship(String id) throws IOException {
    Optional<BatchResult> manifest = manifests.read(id);
    if (manifest.isEmpty()) {
      return 0; // listed, then gone: nothing to keep
    }
    Path raw = landing.rawFile(id, manifest.get().format());
    if (!Files.isRegularFile(raw)) {
      withoutBody.add(id);
      LOG.warn("batch {} has a manifest but no raw body in {}: not archived", id, landing.root());
      return 0;
    }
    archive.put("raw/" + raw.getFileName(), raw);
    archive.put(BATCHES + id + ".json", landing.manifestFile(id));
    return 2;
  }

  private int shipValues() throws IOException {
    Path dir = landing.root().resolve(IndicatorValueUploads.DIRECTORY);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    List<Path> kept;
    try (Stream<Path> files = Files.list(dir)) {
      kept = files.filter(p -> p.getFileName().toString().startsWith("v_")).sorted().toList();
    }
    int stored = 0;
    for (Path file : kept) {
      String key = VALUES + file.getFileName();
      if (valuesShipped.add(key)) {
        try {
          archive.put(key, file);
          stored++;
        } catch (IOException e) {
          valuesShipped.remove(key);
          throw e;
        }
      }
    }
    return stored;
  }

  private synchronized void tick() {
    try {
      Path values = landing.root().resolve(IndicatorValueUploads.DIRECTORY);
      String stamp =
          manifests.stamp()
              + "|"
              + (Files.isDirectory(values) ? Files.getLastModifiedTime(values) : "");
      long now = System.nanoTime();
      boolean due =
          failing
              || watermark == null
              || !stamp.equals(lastStamp)
              || now - lastLook >= FULL_LOOK.toNanos();
      if (!due) {
        return;
      }
      int stored = shipNow();
      lastStamp = stamp;
      lastLook = now;
      if (failing) {
        LOG.info("raw archive {} answers again: {} files shipped", archive.location(), stored);
        failing = false;
      }
    } catch (IOException | RuntimeException e) {
      if (!failing) {
        LOG.warn(
            "raw bodies wait in the landing zone ({} not writable: {}); they are shipped when it"
                + " answers again",
            archive.location(),
            e.toString());
        failing = true;
      }
    }
  }

  @Override
  public synchronized void close() {
    if (thread != null) {
      thread.shutdownNow();
      thread = null;
    }
  }
}
