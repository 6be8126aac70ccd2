package io.liangshai.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/liangshai backup DIR}: the platform's data copied into {@code DIR} while it runs,
 * consistent by the order of the copies — no lock, no pause:
 *
 * <ol>
 *   <li><b>ClickHouse</b> first, {@code bulletins} before {@code bulletin_files} before the rest. A
 *       bulletin's issue number is taken in PostgreSQL before its row reaches ClickHouse, so the
 *       numbering copied after it is at least every copied bulletin's number: a restored series
 *       never repeats a number (a bulletin published during the copy leaves a gap, as a failed
 *       publication does).
 *   <li><b>PostgreSQL</b>, every table in one {@code REPEATABLE READ READ ONLY} snapshot, but the
 *       ingest version index, which the first start rebuilds from the restored landing zone.
 *   <li><b>The landing zone</b> last, so it holds every batch the copied tables speak of. What
 *       ClickHouse derives from it (facts, counts, processed batches, quarantine, the upload audit
 *       and {@code batches}) was copied earlier and may miss the newest batches: a restored data
 *       directory has no Flink checkpoint and no records log, so the first start appends every
 *       restored batch to the log, the job reads them all again and, its rows versioned by the wall
 *       clock in ReplacingMergeTree tables, replaces them with the same figures plus the missing
 *       batches; {@code LandingAuditSync} back-fills the audit rows.
 * </ol>
 *
 * The manifest is written last; a directory without one is not a backup.
 */
public final class Backup {

  private static final Logger LOG = LoggerFactory.getLogger(Backup.class);

  static final List<String> NOT_COPIED =
      List.of(
          "PostgreSQL "
              + PostgresTables.REBUILT
              + " (the ingest version index): rebuilt from the landing zone at the first start",
          "Flink checkpoints: the job reprocesses the restored landing zone from the start",
          "the records log (Kafka): the first start appends every restored batch to it again",
          "the local servers' files: the restore target's own servers are filled by the restore");

  private Backup() {}

  /**
   * Copies {@code from} into {@code dir}, which must not exist or be empty; returns the manifest
   * written there.
   */
  public static Manifest take(PlatformData from, Path dir, Clock clock) throws IOException {
    requireNewDirectory(dir);
    Files.createDirectories(dir);
    Instant started = clock.instant();
    ClickHouseHttp ch = ClickHouseHttp.of(from.clickhouseJdbcUrl());
    List<Integer> chSchema = ClickHouseTables.schema(ch);
    List<Manifest.Entry> clickhouse = ClickHouseTables.dump(ch, dir);
    LOG.info("backup {}: {} ClickHouse tables copied", dir, clickhouse.size());
    PostgresTables.Dump postgres = PostgresTables.dump(from.metadata(), dir);
    LOG.info("backup {}: {} PostgreSQL tables copied", dir, postgres.tables().size());
    List<Manifest.Entry> landing = LandingFiles.copy(from.landingDir(), dir);
    LOG.info("backup {}: {} landing files copied", dir, landing.size());
    Manifest manifest =
        new Manifest(
            Manifest.FORMAT,
            started.toString(),
            clock.instant().toString(),
            chSchema,
            postgres.schemaVersion(),
            clickhouse,
            postgres.tables(),
            landing,
            NOT_COPIED);
    manifest.write(dir);
    return manifest;
  }

  private static void requireNewDirectory(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new BackupException(dir + " is a file; a backup goes into a new or empty directory");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new BackupException(
            dir + " is not empty; a backup goes into a new or empty directory");
      }
    }
  }
}
