package io.liangshai.backup;

import io.liangshai.metadata.MetadataSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The metadata's tables in a backup: every table of the schema copied with {@code COPY ... TO
 * STDOUT} (text format, exact for every PostgreSQL type) inside one {@code REPEATABLE READ READ
 * ONLY} transaction, so all of them are one snapshot; restored with {@code COPY ... FROM STDIN} in
 * one transaction. The zonky server bundle has no {@code pg_dump}; the schema is not copied, a
 * restore applies the same Flyway scripts and checks the version.
 *
 * <p>The ingest version index ({@link #REBUILT}) is left out: it is rebuilt from the restored
 * landing zone at the first start (the reconciler reads every batch after the index's watermark,
 * and an empty index has none), which is exact, where a copy taken at another instant than the
 * landing zone's could miss a batch committed out of id order. The batch manifests ({@code
 * batch_manifests}, what every API instance answers for a batch) are copied like any other table:
 * the rebuild of the index keeps a copied manifest and adds those of the batches it lacks from the
 * landing zone's {@code batches/} files.
 */
final class PostgresTables {

  static final Set<String> REBUILT = Set.of("record_versions", "committed_batches");
  static final String HISTORY = "flyway_schema_history";
  static final String DIR = "postgres";

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  /** The copied tables and the Flyway version they were at. */
  record Dump(String schemaVersion, List<Manifest.Entry> tables) {}

  private PostgresTables() {}

  static Dump dump(DataSource metadata, Path backupDir) throws IOException {
    Path dir = Files.createDirectories(backupDir.resolve(DIR));
    try (Connection c = metadata.getConnection()) {
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      c.setAutoCommit(false);
      try {
        String version = schemaVersion(c);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        List<Manifest.Entry> entries = new ArrayList<>();
        for (String table : tables(c)) {
          if (REBUILT.contains(table) || table.equals(HISTORY)) {
            continue;
          }
          Path file = dir.resolve(table + ".copy");
          MessageDigest digest = Digest.sha256();
          long rows;
          try (OutputStream out = Digest.hashing(Files.newOutputStream(file), digest)) {
            rows = copy.copyOut("COPY " + quoted(table) + " TO STDOUT", out);
          }
          entries.add(Digest.entry(table, backupDir, file, rows, digest));
        }
        c.commit();
        return new Dump(version, entries);
      } finally {
        if (!c.getAutoCommit()) {
          c.rollback();
        }
      }
    } catch (SQLException e) {
      throw new BackupException("copying the PostgreSQL metadata failed: " + e.getMessage(), e);
    }
  }

  /** Refuses a database that holds a row in any table but Flyway's history. */
  static void requireEmpty(DataSource metadata) {
    try (Connection c = metadata.getConnection()) {
      for (String table : tables(c)) {
        if (table.equals(HISTORY)) {
          continue;
        }
        try (PreparedStatement ps =
                c.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + quoted(table) + ")");
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            throw new BackupException(
                "the PostgreSQL database "
                    + c.getCatalog()
                    + " is not empty: table "
                    + table
                    + " has rows; restore or rebuild only into an empty data directory");
          }
        }
      }
    } catch (SQLException e) {
      throw new BackupException("reading the PostgreSQL database failed: " + e.getMessage(), e);
    }
  }

  /** Migrates the schema, checks its version, and copies every table in, in one transaction. */
  static void restore(DataSource metadata, Path backupDir, Manifest manifest) throws IOException {
    MetadataSchema.migrate(metadata);
    try (Connection c = metadata.getConnection()) {
      BackupException.requireSameSchema("metadata", manifest.postgresSchema(), schemaVersion(c));
      c.setAutoCommit(false);
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      for (Manifest.Entry entry : inReferenceOrder(c, manifest.postgres())) {
        long rows;
        try (InputStream in = Files.newInputStream(backupDir.resolve(entry.file()))) {
          rows = copy.copyIn("COPY " + quoted(entry.name()) + " FROM STDIN", in);
        }
        BackupException.requireRows("PostgreSQL table " + entry.name(), entry.rows(), rows);
      }
      continueSequences(c);
      c.commit();
    } catch (SQLException e) {
      throw new BackupException("restoring the PostgreSQL metadata failed: " + e.getMessage(), e);
    }
  }

  /**
   * Sets every sequence behind a serial column (sign-off ids) past the greatest id copied in: COPY
   * writes the ids as they were and leaves the sequences where a new database has them, so the next
   * insert would take an id the backup already holds.
   */
  static void continueSequences(Connection c) throws SQLException {
    List<String[]> serials =
        rows(
            c,
            "SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'");
    for (String[] serial : serials) {
      String table = quoted(serial[0]);
      String column = quoted(serial[1]);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max("
                  + column
                  + "), 0) + 1, false) FROM "
                  + table); ) {
        ps.setString(1, table);
        ps.setString(2, serial[1]);
        ps.executeQuery().close();
      }
    }
  }

  /**
   * {@code entries} in an order in which every table comes after the tables its foreign keys
   * reference (Quartz's triggers after its jobs, its cron triggers after its triggers), so that the
   * copies in one transaction meet every constraint as they go; otherwise in backup order.
   */
  static List<Manifest.Entry> inReferenceOrder(Connection c, List<Manifest.Entry> entries)
      throws SQLException {
    Map<String, Set<String>> references = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT child.relname, parent.relname FROM pg_constraint k"
                    + " JOIN pg_class child ON child.oid = k.conrelid"
                    + " JOIN pg_class parent ON parent.oid = k.confrelid"
                    + " JOIN pg_namespace n ON n.oid = child.relnamespace"
                    + " WHERE k.contype = 'f' AND n.nspname = current_schema()");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (!rs.getString(1).equals(rs.getString(2))) {
          references.computeIfAbsent(rs.getString(1), t -> new HashSet<>()).add(rs.getString(2));
        }
      }
    }
    Set<String> named = new HashSet<>();
    entries.forEach(e -> named.add(e.name()));
    List<Manifest.Entry> ordered = new ArrayList<>();
    Set<String> copied = new HashSet<>();
    List<Manifest.Entry> left = new ArrayList<>(entries);
    while (!left.isEmpty()) {
      List<Manifest.Entry> ready =
          left.stream()
              .filter(
                  e ->
                      references.getOrDefault(e.name(), Set.of()).stream()
                          .allMatch(parent -> copied.contains(parent) || !named.contains(parent)))
              .toList();
      if (ready.isEmpty()) {
        throw new BackupException(
            "the foreign keys of PostgreSQL tables "
                + left.stream().map(Manifest.Entry::name).toList()
                + " reference each other in a cycle; they cannot be copied in one by one");
      }
      ordered.addAll(ready);
      ready.forEach(e -> copied.add(e.name()));
      left.removeAll(ready);
    }
    return ordered;
  }

  private static String schemaVersion(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT version FROM "
                    + HISTORY
                    + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC"
                    + " LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new BackupException("the PostgreSQL metadata has no Flyway schema version");
      }
      return rs.getString(1);
    }
  }

  private static List<String> tables(Connection c) throws SQLException {
    return rows(
            c,
            "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                + " current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")
        .stream()
        .map(row -> row[0])
        .toList();
  }

  /** Every row of {@code sql} (of text columns), in the order it gives them. */
  private static List<String[]> rows(Connection c, String sql) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
          row[i] = rs.getString(i + 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static String quoted(String table) {
    if (!NAME.matcher(table).matches()) {
      throw new BackupException("table name " + table + " is not a plain identifier");
    }
    return "\"" + table + "\"";
  }
}
