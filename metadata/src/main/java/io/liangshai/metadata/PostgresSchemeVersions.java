package io.liangshai.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link SchemeVersionStore} on table {@code scheme_versions}: the primary key {@code (id,
 * version)} refuses a second definition, and a new version's number comes from {@link Numbering} in
 * the same transaction as its row.
 */
public final class PostgresSchemeVersions implements SchemeVersionStore {

  static final String SCOPE = "scheme";

  private static final String COLUMNS =
      "id, version, name, definition, created_at, created_by, retired_at";
  private static final String INSERT =
      "INSERT INTO scheme_versions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";

  private final Metadata metadata;

  public PostgresSchemeVersions(DataSource dataSource, Clock clock) {
    this.metadata = new Metadata(dataSource, clock);
  }

  @Override
  public List<Row> all() {
    return metadata.inTransaction(
        "read schemes",
        c ->
            Rows.list(
                c, "SELECT " + COLUMNS + " FROM scheme_versions ORDER BY id, version", Row::read));
  }

  @Override
  public List<Row> versionsOf(String id) {
    return metadata.inTransaction("read scheme " + id, c -> versionsOf(c, id));
  }

  @Override
  public Row create(String id, String name, String definition, String createdBy) {
    return metadata.inTransaction(
        "store a new version of scheme " + id,
        c -> {
          Row created =
              new Row(
                  id,
                  Numbering.next(c, SCOPE, id),
                  name,
                  definition,
                  metadata.now(),
                  createdBy,
                  Optional.empty());
          insert(c, created);
          return created;
        });
  }

  @Override
  public void define(Row version) {
    try {
      metadata.inTransaction(
          c -> {
            // the numbering row first: a concurrent create waits, then numbers after this one
            Numbering.atLeast(c, SCOPE, version.id(), version.version());
            insert(c, version);
            return null;
          });
    } catch (SQLException e) {
      if (Transactions.isUniqueViolation(e)) {
        throw new SchemeVersionExistsException(version.id() + "@" + version.version());
      }
      throw new MetadataStoreException("store scheme " + version.id() + "@" + version.version(), e);
    }
  }

  @Override
  public List<Row> retire(String id, Integer version) {
    return metadata.inTransaction(
        "retire scheme " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE scheme_versions SET retired_at = ? WHERE id = ? AND retired_at IS NULL"
                      + " AND (?::int IS NULL OR version = ?::int)")) {
            ps.setTimestamp(1, Timestamp.from(metadata.now()));
            ps.setString(2, id);
            ps.setObject(3, version);
            ps.setObject(4, version);
            ps.executeUpdate();
          }
          List<Row> after = versionsOf(c, id);
          boolean found = after.stream().anyMatch(v -> version == null || v.version() == version);
          return found ? after : List.of();
        });
  }

  private static List<Row> versionsOf(Connection c, String id) throws SQLException {
    return Rows.list(
        c,
        "SELECT " + COLUMNS + " FROM scheme_versions WHERE id = ? ORDER BY version",
        Row::read,
        id);
  }

  private static void insert(Connection c, Row v) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, v.id());
      ps.setInt(2, v.version());
      ps.setString(3, v.name());
      ps.setString(4, v.definition());
      ps.setTimestamp(5, Timestamp.from(v.createdAt()));
      ps.setString(6, v.createdBy());
      ps.setTimestamp(7, v.retiredAt().map(Timestamp::from).orElse(null));
      ps.executeUpdate();
    }
  }
}
