package io.liangshai.metadata;

import java.sql.SQLException;
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

  private static final VersionedTable<Row> TABLE =
      new VersionedTable<>("scheme_versions", "id", SCOPE, Row.class);

  private final Metadata metadata;

  public PostgresSchemeVersions(DataSource dataSource, Clock clock) {
    this.metadata = new Metadata(dataSource, clock);
  }

  @Override
  public List<Row> all() {
    return metadata.inTransaction("read schemes", TABLE::all);
  }

  @Override
  public List<Row> versionsOf(String id) {
    return metadata.inTransaction("read scheme " + id, c -> TABLE.versionsOf(c, id));
  }

  @Override
  public Row create(String id, String name, String definition, String createdBy) {
    return metadata.inTransaction(
        "store a new version of scheme " + id,
        c ->
            TABLE.create(
                c,
                id,
                version ->
                    new Row(
                        id,
                        version,
                        name,
                        definition,
                        metadata.now(),
                        createdBy,
                        Optional.empty())));
  }

  @Override
  public void define(Row version) {
    try {
      metadata.inTransaction(
          c -> {
            // the numbering row first: a concurrent create waits, then numbers after this one
            TABLE.atLeast(c, version.id(), version.version());
            TABLE.insert(c, version);
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
        "retire scheme " + id, c -> TABLE.retire(c, id, version, metadata.now()));
  }
}
