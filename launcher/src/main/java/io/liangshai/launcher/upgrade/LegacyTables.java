package io.liangshai.launcher.upgrade;

import io.liangshai.metadata.SchemeVersionStore.Row;
import io.liangshai.tenants.keys.ApiKey;
import io.liangshai.warehouse.Sql;
import io.liangshai.warehouse.Warehouse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The metadata the release before PostgreSQL (32ae47a) kept in ClickHouse, read as it is and never
 * written: {@code api_keys} and {@code schemes} (ReplacingMergeTree, the newest row of each key or
 * version wins, so {@code FINAL}) and the issue numbers of table {@code bulletins}. Times are read
 * as epoch milliseconds (their stored precision), so no time zone comes between.
 */
final class LegacyTables {

  /** A key as the old release stored it: the key and the SHA-256 of its secret. */
  record LegacyKey(ApiKey key, String keyHash) {}

  /** The greatest issue number a bulletin series reached in the old release. */
  record SeriesNumbering(String series, int lastIssueNo) {}

  static final String KEYS = "api_keys";
  static final String SCHEMES = "schemes";
  static final String BULLETINS = "bulletins";

  private static final String TABLES =
      "SELECT name FROM system.tables WHERE database = currentDatabase()";
  private static final String KEY_ROWS =
      "SELECT key_id, tenant_code, name, key_hash, toUnixTimestamp64Milli(created_at) AS created,"
          + " created_by, toUnixTimestamp64Milli(revoked_at) AS revoked"
          + " FROM api_keys FINAL ORDER BY created_at, key_id";
  private static final String SCHEME_ROWS =
      "SELECT id, version, name, definition, toUnixTimestamp64Milli(created_at) AS created,"
          + " created_by, toUnixTimestamp64Milli(retired_at) AS retired"
          + " FROM schemes FINAL ORDER BY id, version";
  private static final String SERIES =
      "SELECT toString(series) AS series, max(issue_no) AS last FROM bulletins"
          + " GROUP BY series ORDER BY series";

  private final Warehouse warehouse;

  LegacyTables(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /** Which of the old tables this ClickHouse has (a fresh installation may have none). */
  Set<String> present() {
    List<String> names =
        rows("list the tables of the ClickHouse database", TABLES, rs -> rs.getString(1));
    return Set.copyOf(
        names.stream().filter(n -> Set.of(KEYS, SCHEMES, BULLETINS).contains(n)).toList());
  }

  /** Every key, revoked ones included, oldest first. */
  List<LegacyKey> keys() {
    return rows(
        "read the old api_keys",
        KEY_ROWS,
        rs ->
            new LegacyKey(
                new ApiKey(
                    rs.getString("key_id"),
                    rs.getString("tenant_code"),
                    rs.getString("name"),
                    Instant.ofEpochMilli(rs.getLong("created")),
                    rs.getString("created_by"),
                    millis(rs, "revoked")),
                rs.getString("key_hash")));
  }

  /** Every scheme version with its retirement, by id and version. */
  List<Row> schemeVersions() {
    return rows(
        "read the old schemes",
        SCHEME_ROWS,
        rs ->
            new Row(
                rs.getString("id"),
                rs.getInt("version"),
                rs.getString("name"),
                rs.getString("definition"),
                Instant.ofEpochMilli(rs.getLong("created")),
                rs.getString("created_by"),
                millis(rs, "retired")));
  }

  /** The last issue number of each series that has bulletins. */
  List<SeriesNumbering> bulletinSeries() {
    return rows(
        "read the issue numbers of the old bulletins",
        SERIES,
        rs -> new SeriesNumbering(rs.getString("series"), rs.getInt("last")));
  }

  private <T> List<T> rows(String what, String sql, Sql.Answer<T> row) {
    return Sql.query(warehouse, what, sql, Sql.Parameters.none(), Sql.eachRow(row));
  }

  private static Optional<Instant> millis(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
  }
}
