package io.liangshai.api;

import io.liangshai.core.ranking.Scheme;
import io.liangshai.warehouse.Warehouse;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scoring schemes in ClickHouse table {@code schemes} (see {@code V003__schemes.sql}), plus the
 * built-in {@link Scheme#standard()} as version 1 of {@code standard}, which is not stored and can
 * be neither overwritten nor retired. A version is never edited: {@link #create} adds version n+1
 * of an id, {@link #retire} writes the same version again with {@code retired_at} set.
 */
final class SchemeStore {

  /** The id of the built-in scheme. */
  static final String STANDARD = "standard";

  private static final String COLUMNS =
      "id, version, name, definition, created_at, created_by, retired_at";

  private static final String ALL =
      "SELECT " + COLUMNS + " FROM schemes FINAL ORDER BY id, version";

  private static final String VERSIONS_OF =
      "SELECT " + COLUMNS + " FROM schemes FINAL WHERE id = ? ORDER BY version";

  private static final String LAST_VERSION = "SELECT max(version) FROM schemes WHERE id = ?";

  private static final String INSERT =
      "INSERT INTO schemes (id, version, name, definition, created_at, created_by, retired_at,"
          + " row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private static final SchemeVersion BUILT_IN =
      new SchemeVersion(Scheme.standard(), null, null, Optional.empty());

  private final Warehouse warehouse;
  private final Clock clock;

  SchemeStore(Warehouse warehouse, Clock clock) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  static boolean isBuiltIn(String id) {
    return STANDARD.equals(id);
  }

  /** Every version of every scheme, {@code standard} first, then by id and version. */
  List<SchemeVersion> all() throws SQLException {
    List<SchemeVersion> all = new ArrayList<>();
    all.add(BUILT_IN);
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(ALL);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        all.add(read(rs));
      }
    }
    return all;
  }

  /** Every version of {@code id}, oldest first; empty when there is no such scheme. */
  List<SchemeVersion> versions(String id) throws SQLException {
    if (isBuiltIn(id)) {
      return List.of(BUILT_IN);
    }
    List<SchemeVersion> versions = new ArrayList<>();
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(VERSIONS_OF)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          versions.add(read(rs));
        }
      }
    }
    return versions;
  }

  /**
   * The version {@code ref} names: exactly {@code id@n} (even when retired, so a pinned bulletin
   * stays reproducible), or the newest version of {@code id} that is not retired.
   */
  Optional<SchemeVersion> find(SchemeRef ref) throws SQLException {
    List<SchemeVersion> versions = versions(ref.id());
    if (ref.version() != null) {
      return versions.stream().filter(v -> v.scheme().version() == ref.version()).findFirst();
    }
    return versions.stream().filter(v -> !v.isRetired()).reduce((older, newer) -> newer);
  }

  /**
   * Stores {@code draft} as the next version of its id (1 for a new id), whatever version the draft
   * carries. Serialised within this store: two creates of one id get distinct versions.
   *
   * @throws IllegalArgumentException for the built-in id
   */
  synchronized SchemeVersion create(Scheme draft, String createdBy) throws SQLException {
    if (isBuiltIn(draft.id())) {
      throw new IllegalArgumentException(STANDARD + " is built in and cannot be overwritten");
    }
    int next;
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(LAST_VERSION)) {
      ps.setString(1, draft.id());
      try (ResultSet rs = ps.executeQuery()) {
        next = rs.next() ? rs.getInt(1) + 1 : 1;
      }
    }
    SchemeVersion created =
        new SchemeVersion(
            draft.toBuilder().version(next).build(), now(), createdBy, Optional.empty());
    write(created, 1);
    return created;
  }

  /**
   * Retires version {@code version} of {@code id}, or every active version when {@code version} is
   * null; a version already retired keeps its first {@code retired_at}.
   *
   * @return every version of {@code id} afterwards; empty when there is no such scheme or version
   * @throws IllegalArgumentException for the built-in id
   */
  synchronized List<SchemeVersion> retire(String id, Integer version) throws SQLException {
    if (isBuiltIn(id)) {
      throw new IllegalArgumentException(STANDARD + " is built in and cannot be retired");
    }
    List<SchemeVersion> versions = versions(id);
    if (version != null && versions.stream().noneMatch(v -> v.scheme().version() == version)) {
      return List.of();
    }
    Instant now = now();
    List<SchemeVersion> after = new ArrayList<>();
    for (SchemeVersion v : versions) {
      boolean target = version == null || v.scheme().version() == version;
      if (target && !v.isRetired()) {
        v = new SchemeVersion(v.scheme(), v.createdAt(), v.createdBy(), Optional.of(now));
        write(v, 2);
      }
      after.add(v);
    }
    return after;
  }

  private Instant now() {
    // DateTime64(3): keep what the table keeps, so the answer equals a later read.
    return Instant.ofEpochMilli(clock.millis());
  }

  private void write(SchemeVersion v, long rowVersion) throws SQLException {
    JsonObject definition = SchemeJson.toJson(v.scheme());
    definition.remove("version");
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, v.scheme().id());
      ps.setInt(2, v.scheme().version());
      ps.setString(3, v.scheme().name());
      ps.setString(4, definition.encode());
      ps.setTimestamp(5, Timestamp.from(v.createdAt()));
      ps.setString(6, v.createdBy());
      if (v.retiredAt().isPresent()) {
        ps.setTimestamp(7, Timestamp.from(v.retiredAt().get()));
      } else {
        ps.setNull(7, Types.TIMESTAMP);
      }
      ps.setLong(8, rowVersion);
      ps.executeUpdate();
    }
  }

  private static SchemeVersion read(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    int version = rs.getInt("version");
    JsonObject definition = new JsonObject(rs.getString("definition"));
    definition.put("id", id).put("name", rs.getString("name"));
    Scheme scheme;
    try {
      scheme = SchemeJson.parse(definition, version);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "stored scheme " + id + "@" + version + " no longer parses: " + e.getMessage(), e);
    }
    Timestamp retired = rs.getTimestamp("retired_at");
    return new SchemeVersion(
        scheme,
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"),
        Optional.ofNullable(retired).map(Timestamp::toInstant));
  }
}
