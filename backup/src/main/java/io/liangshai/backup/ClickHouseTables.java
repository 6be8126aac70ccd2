package io.liangshai.backup;

import io.liangshai.warehouse.SchemaMigrator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The warehouse's tables in a backup: each table of the database streamed out in {@code Native}
 * into {@code clickhouse/TABLE.native}, and on restore inserted back into the same schema.
 *
 * <p>{@code bulletins} is copied first and {@code bulletin_files} second: a bulletin's files are
 * stored before its row ({@code BulletinStore}), so every copied bulletin finds its files. The
 * schema itself is not copied: a restore applies the same versioned schema files and checks that
 * the versions are the ones the backup was taken from ({@code schema_migrations}).
 */
final class ClickHouseTables {

  static final List<String> FIRST = List.of("bulletins", "bulletin_files");
  static final String MIGRATIONS = "schema_migrations";
  static final String DIR = "clickhouse";

  private ClickHouseTables() {}

  /** The applied schema versions, ascending. */
  static List<Integer> schema(ClickHouseHttp ch) {
    return ch.lines("SELECT version FROM " + MIGRATIONS + " ORDER BY version").stream()
        .map(Integer::valueOf)
        .toList();
  }

  /** The database's tables but {@code schema_migrations}: {@link #FIRST} first, then by name. */
  static List<String> tables(ClickHouseHttp ch) {
    List<String> names =
        new ArrayList<>(
            ch.lines(
                "SELECT name FROM system.tables WHERE database = currentDatabase()"
                    + " AND engine LIKE '%MergeTree%' AND name != '"
                    + MIGRATIONS
                    + "' ORDER BY name"));
    names.sort(
        Comparator.comparingInt((String n) -> FIRST.contains(n) ? FIRST.indexOf(n) : FIRST.size()));
    return names;
  }

  /** Copies every table into {@code backupDir/clickhouse}; the entries in copy order. */
  static List<Manifest.Entry> dump(ClickHouseHttp ch, Path backupDir) throws IOException {
    Path dir = Files.createDirectories(backupDir.resolve(DIR));
    List<Manifest.Entry> entries = new ArrayList<>();
    for (String table : tables(ch)) {
      Path file = dir.resolve(table + ".native");
      MessageDigest digest = Digest.sha256();
      long rows;
      try (OutputStream out = Digest.hashing(Files.newOutputStream(file), digest)) {
        rows = ch.export(table, out);
      }
      entries.add(Digest.entry(table, backupDir, file, rows, digest));
    }
    return entries;
  }

  /** Refuses a warehouse that holds a row in any table. */
  static void requireEmpty(ClickHouseHttp ch) {
    for (String table : tables(ch)) {
      long rows =
          Long.parseLong(ch.lines("SELECT count() FROM " + ClickHouseHttp.quoted(table)).get(0));
      if (rows > 0) {
        throw new BackupException(
            "ClickHouse database "
                + ch.database()
                + " is not empty: table "
                + table
                + " has "
                + rows
                + " rows; restore or rebuild only into an empty data directory");
      }
    }
  }

  /**
   * Applies the schema to the warehouse at {@code jdbcUrl}, checks its versions against the
   * backup's, and inserts every copied table.
   */
  static void restore(ClickHouseHttp ch, String jdbcUrl, Path backupDir, Manifest manifest)
      throws IOException {
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      SchemaMigrator.migrate(c);
    } catch (SQLException e) {
      throw new BackupException("applying the warehouse schema failed: " + e.getMessage(), e);
    }
    BackupException.requireSameSchema("warehouse", manifest.clickhouseSchema(), schema(ch));
    for (Manifest.Entry entry : manifest.clickhouse()) {
      if (entry.rows() == 0) {
        continue;
      }
      long written = ch.importInto(entry.name(), backupDir.resolve(entry.file()));
      BackupException.requireRows("ClickHouse table " + entry.name(), entry.rows(), written);
    }
  }
}
