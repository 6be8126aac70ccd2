package io.liangshai.ingest;

import io.liangshai.core.landing.LandingFile;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.tenants.TenantRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs, at every start, the window between publishing a batch's records and committing them to
 * the {@link VersionIndex} (a crash, {@code kill -9}): every records file newer than the index's
 * newest committed batch is read and its versions committed, so a retry of those rows is judged
 * against what landed. Such a batch without a manifest gets a {@link RecoveredManifest}; a raw body
 * without records (a crash before the records were published) is kept and logged. Reads only the
 * batches after the index's watermark; an index without one (lost, or older) reads them all.
 */
final class IndexReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(IndexReconciler.class);

  private final LandingZone landing;
  private final VersionIndex index;
  private final TenantRegistry registry;

  IndexReconciler(LandingZone landing, VersionIndex index, TenantRegistry registry) {
    this.landing = landing;
    this.index = index;
    this.registry = registry;
  }

  /** Commits every batch landed after the index's watermark; the number of batches read. */
  int reconcile() throws IOException {
    Optional<String> through = index.committedThrough();
    List<Path> files;
    try (Stream<Path> all = landing.recordFiles()) {
      files = all.filter(p -> isAfter(batchOf(p, ".jsonl"), through)).toList();
    }
    int versions = 0;
    for (Path file : files) {
      versions += commit(batchOf(file, ".jsonl"), file);
    }
    if (!files.isEmpty()) {
      LOG.info(
          "version index reconciled with the landing zone: {} batches after {}, {} versions read",
          files.size(),
          through.orElse("(none)"),
          versions);
    }
    reportRawWithoutRecords(through);
    return files.size();
  }

  private int commit(String batchId, Path file) throws IOException {
    Map<String, String> versions = new HashMap<>();
    Set<String> tenants = new HashSet<>();
    int records = 0;
    Integer trailer = null;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
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
        versions.putIfAbsent(VersionIndex.key(r), CaseRecordCodec.contentHash(r));
        tenants.add(r.tenantCode());
        records++;
      }
    }
    if (LandingFile.isBatchId(batchId) && !Files.exists(landing.manifestFile(batchId))) {
      int count = trailer == null ? records : trailer;
      BatchResult manifest = RecoveredManifest.of(landing, registry, batchId, count, tenants);
      LandingZone.writeDurably(landing.manifestFile(batchId), BatchManifests.write(manifest));
      LOG.warn(
          "batch {} was landed ({} records) but had no manifest (a crash before the answer);"
              + " its manifest is reconstructed, marked recovered",
          batchId,
          count);
    }
    index.commit(versions, batchId);
    return versions.size();
  }

  private void reportRawWithoutRecords(Optional<String> through) throws IOException {
    try (Stream<Path> raw = Files.list(landing.root().resolve("raw"))) {
      raw.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> isAfter(batchOf(p, null), through))
          .filter(p -> !Files.exists(landing.recordsFile(batchOf(p, null))))
          .sorted()
          .forEach(
              p ->
                  LOG.warn(
                      "raw body {} is kept but its records were never published (a crash while"
                          + " landing it; its uploader got no answer and sends it again)",
                      p));
    }
  }

  private static boolean isAfter(String batchId, Optional<String> through) {
    return through.isEmpty() || batchId.compareTo(through.get()) > 0;
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
