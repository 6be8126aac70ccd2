package io.liangshai.ingest;

import io.liangshai.core.landing.LandingFile;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.log.RecordsLog;
import io.liangshai.log.RecordsLogException;
import io.liangshai.metadata.BatchManifestRow;
import io.liangshai.metadata.PostgresVersionIndex;
import io.liangshai.metadata.RecordVersion;
import io.liangshai.metadata.VersionClaims;
import io.liangshai.tenants.TenantRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs, at every start, the window between publishing a batch's records and committing its
 * claims to the {@link PostgresVersionIndex} (a crash, {@code kill -9}), whichever process landed
 * it: every published records file whose batch is not among the committed batches is read, its
 * versions claimed, and appended to the {@link RecordsLog} again before the claims commit (it may
 * have reached the log before the crash, or not; the job takes an identical version once), so a
 * retry of those rows is judged against what landed and the job sees every batch that landed.
 * Several processes write one landing zone, so no watermark would do: another process may have
 * committed a newer batch. When the index is empty (a new database, or the data directory of a
 * release that kept it in {@code version-index.mv}) it is rebuilt from every batch. Each batch is
 * committed with its manifest: its file's, or a {@link RecoveredManifest} for a batch without one.
 * A committed batch whose manifest file is missing (a crash between the commit and the file) gets
 * its file again from PostgreSQL; a raw body without records (a crash before the records were
 * published) is kept and logged.
 */
final class IndexReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(IndexReconciler.class);

  private final LandingZone landing;
  private final PostgresVersionIndex index;
  private final TenantRegistry registry;
  private final RecordsLog log;

  IndexReconciler(
      LandingZone landing, PostgresVersionIndex index, TenantRegistry registry, RecordsLog log) {
    this.landing = landing;
    this.index = index;
    this.registry = registry;
    this.log = log;
  }

  /**
   * {@link #reconcile} as a process starts, a failure answered as {@link
   * IntakeUnavailableException}; the newest committed batch after it, if any.
   */
  Optional<String> atStart() throws IOException {
    try {
      reconcile();
      return index.committedThrough();
    } catch (RecordsLogException e) {
      throw new IntakeUnavailableException(
          "the landed batches not yet committed could not be appended to the records log again: "
              + e.getMessage(),
          e);
    } catch (SQLException e) {
      throw new IntakeUnavailableException(
          "the version index on PostgreSQL could not be reconciled with the landing zone "
              + landing.root()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Claims every landed batch not committed (all of them into an empty index), and writes the
   * manifest file of every committed one that has none; how many batches it claimed.
   */
  int reconcile() throws IOException, SQLException, RecordsLogException {
    boolean rebuild = index.isEmpty();
    Set<String> committed = rebuild ? Set.of() : index.committedBatches();
    List<Path> landed;
    try (Stream<Path> all = landing.recordFiles()) {
      landed = batchesOnly(all.toList());
    }
    List<Path> files = landed.stream().filter(p -> !committed.contains(batchOf(p))).toList();
    int versions = 0;
    for (Path file : files) {
      versions += claimed(batchOf(file), file);
    }
    if (!files.isEmpty()) {
      LOG.info(
          "version index {} from the landing zone: {} batches, {} versions read",
          rebuild ? "rebuilt" : "reconciled",
          files.size(),
          versions);
    }
    for (Path file : landed) {
      String batchId = batchOf(file);
      if (committed.contains(batchId)
          && !Files.exists(landing.manifestFile(batchId))
          && copyManifest(batchId)) {
        LOG.warn(
            "batch {} was committed but had no manifest file (a crash before it was written);"
                + " it is written again from PostgreSQL",
            batchId);
      }
    }
    reportRawWithoutRecords();
    return files.size();
  }

  /** The files named by a batch id; any other (not written by ingest) is logged and left alone. */
  private static List<Path> batchesOnly(List<Path> files) {
    List<Path> foreign = files.stream().filter(p -> !LandingFile.isBatchId(batchOf(p))).toList();
    if (!foreign.isEmpty()) {
      LOG.warn("records files not named by a batch id are not indexed: {}", foreign);
    }
    return files.stream().filter(p -> LandingFile.isBatchId(batchOf(p))).toList();
  }

  /** Claims the versions of one landed batch, taken again from the start after a deadlock. */
  private int claimed(String batchId, Path file)
      throws IOException, SQLException, RecordsLogException {
    for (int attempt = 1; ; attempt++) {
      try {
        return claim(batchId, file);
      } catch (SQLException e) {
        if (!VersionClaims.isDeadlock(e) || attempt >= Deadlocks.ATTEMPTS) {
          throw e;
        }
        LOG.info("landed batch {}: deadlocked with a concurrent upload, claimed again", batchId);
        Deadlocks.pauseBeforeAttempt(attempt + 1);
      }
    }
  }

  private int claim(String batchId, Path file)
      throws IOException, SQLException, RecordsLogException {
    Set<String> tenants = new HashSet<>();
    List<RecordVersion> versions = new ArrayList<>(BatchRows.CHUNK);
    List<String> hashes = new ArrayList<>(BatchRows.CHUNK);
    int records = 0;
    Integer trailer = null;
    try (VersionClaims claims = index.begin(batchId);
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        if (LandingFile.isControl(line)) {
          Optional<LandingFile.Trailer> t = LandingFile.trailerOf(line);
          if (t.isPresent()) {
            trailer = t.get().records();
          }
          continue;
        }
        CaseRecord r;
        try {
          r = CaseRecordCodec.fromJson(line);
        } catch (RuntimeException e) {
          LOG.warn("{}: a record that cannot be read is not indexed: {}", file, e.toString());
          records++;
          continue;
        }
        versions.add(BatchRows.versionOf(r));
        hashes.add(CaseRecordCodec.contentHash(r));
        if (versions.size() == BatchRows.CHUNK) {
          claimAndClear(claims, versions, hashes);
        }
        tenants.add(r.tenantCode());
        records++;
      }
      claimAndClear(claims, versions, hashes);
      BatchManifestRow manifest = manifestOf(batchId, trailer == null ? records : trailer, tenants);
      log.append(manifest.tenantCode(), batchId, file);
      claims.commit(manifest);
    }
    if (!Files.exists(landing.manifestFile(batchId)) && copyManifest(batchId)) {
      LOG.warn(
          "batch {} was landed ({} records) but had no manifest (a crash before the answer);"
              + " its manifest is reconstructed, marked recovered, unless the process landing it"
              + " committed it first",
          batchId,
          trailer == null ? records : trailer);
    }
    return records;
  }

  /**
   * The manifest to commit a landed batch with: its manifest file's, else a {@link
   * RecoveredManifest} of its {@code count} records of {@code tenants}.
   */
  private BatchManifestRow manifestOf(String batchId, int count, Set<String> tenants)
      throws IOException {
    Optional<byte[]> file = landing.readManifest(batchId);
    if (file.isPresent()) {
      return BatchManifests.row(BatchManifests.read(file.get()), file.get());
    }
    BatchResult recovered = RecoveredManifest.of(landing, registry, batchId, count, tenants);
    return BatchManifests.row(recovered, BatchManifests.write(recovered));
  }

  private static void claimAndClear(
      VersionClaims claims, List<RecordVersion> versions, List<String> hashes) throws SQLException {
    if (!versions.isEmpty()) {
      claims.claimAll(versions, hashes);
      versions.clear();
      hashes.clear();
    }
  }

  /**
   * Writes the manifest file of a committed batch from the manifest PostgreSQL holds (the one of
   * the process that committed the batch first); only if the file is still absent, so the real
   * manifest of a batch that another process is landing right now always wins. False when nothing
   * was written (the file there, or no manifest in PostgreSQL: committed before it kept them).
   */
  private boolean copyManifest(String batchId) throws IOException, SQLException {
    Optional<byte[]> stored = index.manifest(batchId);
    return stored.isPresent()
        && LandingZone.writeDurablyIfAbsent(
            landing.manifestFile(batchId), BatchManifests.fileOf(stored.get()));
  }

  private void reportRawWithoutRecords() throws IOException {
    List<Path> orphans;
    try (Stream<Path> raw = Files.list(landing.root().resolve("raw"))) {
      orphans =
          raw.filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(p -> !Files.exists(landing.recordsFile(batchOf(p, null))))
              .sorted()
              .toList();
    }
    if (!orphans.isEmpty()) {
      LOG.warn(
          "{} raw bodies are kept but their records were never published (a crash while landing"
              + " them; their uploaders got no answer and send them again), e.g. {}",
          orphans.size(),
          orphans.stream().limit(20).map(p -> p.getFileName().toString()).toList());
    }
  }

  /** The batch of a records file: its name without {@code .jsonl}. */
  private static String batchOf(Path records) {
    return batchOf(records, ".jsonl");
  }

  /** The batch a landing file belongs to: its name without {@code suffix} (or any extension). */
  private static String batchOf(Path file, String suffix) {
    String name = file.getFileName().toString();
    if (suffix != null && name.endsWith(suffix)) {
      return name.substring(0, name.length() - suffix.length());
    }
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
