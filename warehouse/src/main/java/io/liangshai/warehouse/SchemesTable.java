package io.liangshai.warehouse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * ClickHouse table {@code schemes} ({@code V003__schemes.sql}): one row per version of a scoring
 * scheme, its definition kept as JSON text. A version is written again to retire it ({@code
 * row_version} 2 replaces 1); reads see the newest row ({@code FINAL}).
 */
public final class SchemesTable {

  private static final NamedInsert INSERT =
      new NamedInsert(
          "schemes",
          "id",
          "version",
          "name",
          "definition",
          "created_at",
          "created_by",
          "retired_at",
          "row_version");

  private static final String COLUMNS =
      "id, version, name, definition, created_at, created_by, retired_at";

  private static final String ALL =
      "SELECT " + COLUMNS + " FROM schemes FINAL ORDER BY id, version";

  private static final String VERSIONS_OF =
      "SELECT " + COLUMNS + " FROM schemes FINAL WHERE id = ? ORDER BY version";

  private static final String LAST_VERSION = "SELECT max(version) FROM schemes WHERE id = ?";

  /**
   * One stored version.
   *
   * @param definition the scheme's JSON, without id, name and version
   */
  public record Row(
      String id,
      int version,
      String name,
      String definition,
      Instant createdAt,
      String createdBy,
      Optional<Instant> retiredAt) {

    public Row {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(retiredAt, "retiredAt");
    }

    /**
     * The row at {@code rs}'s cursor, from columns named like the components (snake case); shared
     * with the PostgreSQL store of the metadata module.
     */
    public static Row read(ResultSet rs) throws SQLException {
      Timestamp retired = rs.getTimestamp("retired_at");
      return new Row(
          rs.getString("id"),
          rs.getInt("version"),
          rs.getString("name"),
          rs.getString("definition"),
          rs.getTimestamp("created_at").toInstant(),
          rs.getString("created_by"),
          Optional.ofNullable(retired).map(Timestamp::toInstant));
    }
  }

  private final Warehouse warehouse;

  public SchemesTable(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /** Every stored version, by id and version. */
  public List<Row> all() {
    return Sql.query(warehouse, "read schemes", ALL, Sql.Parameters.none(), Sql.eachRow(Row::read));
  }

  /** Every stored version of {@code id}, oldest first. */
  public List<Row> versionsOf(String id) {
    return Sql.query(
        warehouse,
        "read scheme " + id,
        VERSIONS_OF,
        ps -> ps.setString(1, id),
        Sql.eachRow(Row::read));
  }

  /** The greatest version of {@code id} stored, 0 when none is. */
  public int lastVersion(String id) {
    return Sql.query(
        warehouse,
        "read the last version of scheme " + id,
        LAST_VERSION,
        ps -> ps.setString(1, id),
        rs -> rs.next() ? rs.getInt(1) : 0);
  }

  /** Writes {@code row}; a greater {@code rowVersion} replaces an earlier row of its version. */
  public void write(Row row, long rowVersion) {
    Sql.on(
        warehouse,
        "write scheme " + row.id() + "@" + row.version(),
        c -> {
          try (PreparedStatement ps = c.prepareStatement(INSERT.sql())) {
            return INSERT
                .bind(ps)
                .set("id", row.id())
                .set("version", row.version())
                .set("name", row.name())
                .set("definition", row.definition())
                .set("created_at", row.createdAt())
                .set("created_by", row.createdBy())
                .set("retired_at", row.retiredAt().orElse(null))
                .set("row_version", rowVersion)
                .done()
                .executeUpdate();
          }
        });
  }
}
