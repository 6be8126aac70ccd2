package io.liangshai.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Stored indicator definitions (SPEC §7) on table {@code indicator_definitions}, versioned like
 * {@link PostgresSchemeVersions}: the same code again is the next version, numbered by {@link
 * Numbering} in the same transaction as its row, so concurrent creates get distinct versions. A
 * version is never replaced, only retired. The definition is kept as the API's JSON; what it means
 * is core's {@code IndicatorDefinitionParser}'s. A failed call throws {@link
 * MetadataStoreException}.
 */
public final class PostgresIndicatorDefinitions {

  static final String SCOPE = "indicator";

  private static final String COLUMNS =
      "code, version, definition, created_at, created_by, retired_at";

  /**
   * One stored version.
   *
   * @param definition the definition's JSON as {@code POST /api/v1/indicators} takes it
   */
  public record Row(
      String code,
      int version,
      String definition,
      Instant createdAt,
      String createdBy,
      Optional<Instant> retiredAt) {

    public Row {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(retiredAt, "retiredAt");
    }

    public boolean isRetired() {
      return retiredAt.isPresent();
    }

    static Row read(ResultSet rs) throws SQLException {
      Timestamp retired = rs.getTimestamp("retired_at");
      return new Row(
          rs.getString("code"),
          rs.getInt("version"),
          rs.getString("definition"),
          rs.getTimestamp("created_at").toInstant(),
          rs.getString("created_by"),
          Optional.ofNullable(retired).map(Timestamp::toInstant));
    }
  }

  private final Metadata metadata;

  public PostgresIndicatorDefinitions(DataSource dataSource, Clock clock) {
    this.metadata = new Metadata(dataSource, clock);
  }

  /** Every stored version, by code and version. */
  public List<Row> all() {
    return metadata.inTransaction(
        "read indicator definitions",
        c ->
            Rows.list(
                c,
                "SELECT " + COLUMNS + " FROM indicator_definitions ORDER BY code, version",
                Row::read));
  }

  /** Stores {@code definition} as the next version of {@code code} (1 for a new code). */
  public Row create(String code, String definition, String createdBy) {
    return metadata.inTransaction(
        "store a new version of indicator " + code,
        c -> {
          Row created =
              new Row(
                  code,
                  Numbering.next(c, SCOPE, code),
                  definition,
                  metadata.now(),
                  createdBy,
                  Optional.empty());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO indicator_definitions ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, created.code());
            ps.setInt(2, created.version());
            ps.setString(3, created.definition());
            ps.setTimestamp(4, Timestamp.from(created.createdAt()));
            ps.setString(5, created.createdBy());
            ps.setTimestamp(6, null);
            ps.executeUpdate();
          }
          return created;
        });
  }

  /**
   * Retires every active version of {@code code}; a retired version keeps its first retirement
   * time.
   *
   * @return every version of {@code code} afterwards; empty when there is no such code
   */
  public List<Row> retire(String code) {
    return metadata.inTransaction(
        "retire indicator " + code,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE indicator_definitions SET retired_at = ?"
                      + " WHERE code = ? AND retired_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(metadata.now()));
            ps.setString(2, code);
            ps.executeUpdate();
          }
          return versionsOf(c, code);
        });
  }

  private static List<Row> versionsOf(Connection c, String code) throws SQLException {
    return Rows.list(
        c,
        "SELECT " + COLUMNS + " FROM indicator_definitions WHERE code = ? ORDER BY version",
        Row::read,
        code);
  }
}
