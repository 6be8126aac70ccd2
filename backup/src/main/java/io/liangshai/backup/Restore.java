package io.liangshai.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/liangshai restore DIR}: a {@link Backup} put back into an empty platform. Nothing is
 * written before the whole backup is checked (its manifest present, every file there with its size
 * and SHA-256) and every target found empty; then ClickHouse, PostgreSQL and the landing zone are
 * filled, each table's row count checked against the manifest.
 */
public final class Restore {

  private static final Logger LOG = LoggerFactory.getLogger(Restore.class);

  private Restore() {}

  /** Restores the backup in {@code dir} into {@code into}; returns its manifest. */
  public static Manifest restore(Path dir, PlatformData into) throws IOException {
    Manifest manifest = verify(dir);
    requireEmpty(into);
    ClickHouseHttp ch = ClickHouseHttp.of(into.clickhouseJdbcUrl());
    ClickHouseTables.restore(ch, into.clickhouseJdbcUrl(), dir, manifest);
    PostgresTables.restore(into.metadata(), dir, manifest);
    LandingFiles.restore(dir, manifest, into.landingDir());
    LOG.info(
        "restored {}: {} ClickHouse tables, {} PostgreSQL tables, {} landing files",
        dir,
        manifest.clickhouse().size(),
        manifest.postgres().size(),
        manifest.landing().size());
    return manifest;
  }

  /**
   * Reads the manifest in {@code dir} and checks every file it names.
   *
   * @throws BackupException naming the first missing or damaged file
   */
  public static Manifest verify(Path dir) throws IOException {
    Manifest manifest = Manifest.read(dir);
    for (List<Manifest.Entry> part :
        List.of(manifest.clickhouse(), manifest.postgres(), manifest.landing())) {
      for (Manifest.Entry entry : part) {
        check(dir, entry);
      }
    }
    return manifest;
  }

  /**
   * Refuses a platform that holds data: a file in its landing zone, a row in a PostgreSQL table
   * (but Flyway's history) or in a ClickHouse table.
   */
  public static void requireEmpty(PlatformData into) throws IOException {
    LandingFiles.requireEmpty(into.landingDir());
    PostgresTables.requireEmpty(into.metadata());
    ClickHouseTables.requireEmpty(ClickHouseHttp.of(into.clickhouseJdbcUrl()));
  }

  /** Refuses a data directory that holds anything. */
  public static void requireEmptyDataDir(Path dataDir) throws IOException {
    if (!Files.exists(dataDir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dataDir)) {
      entries
          .findFirst()
          .ifPresent(
              p -> {
                throw new BackupException(
                    "the data directory "
                        + dataDir
                        + " is not empty (it holds "
                        + p.getFileName()
                        + "); restore or rebuild only into a new or empty data directory");
              });
    }
  }

  private static void check(Path dir, Manifest.Entry entry) throws IOException {
    Path file = dir.resolve(entry.file()).normalize();
    if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
      throw new BackupException(
          "the backup in " + dir + " is incomplete: " + entry.file() + " is missing");
    }
    long size = Files.size(file);
    if (size != entry.bytes()) {
      throw new BackupException(
          "the backup in "
              + dir
              + " is damaged: "
              + entry.file()
              + " has "
              + size
              + " bytes, the manifest says "
              + entry.bytes());
    }
    String sha = Digest.of(file);
    if (!sha.equals(entry.sha256())) {
      throw new BackupException(
          "the backup in "
              + dir
              + " is damaged: "
              + entry.file()
              + " has SHA-256 "
              + sha
              + ", the manifest says "
              + entry.sha256());
    }
  }
}
