package io.liangshai.metadata;

import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * A table of numbered versions of definitions (schemes, indicators): keyed by one text column and
 * {@code version}, a version numbered by {@link Numbering} in the transaction that stores it, never
 * replaced, only retired ({@code retired_at}). A version is a record whose components are the
 * table's columns in order, each named like its column in camel case ({@link Rows#byComponents}).
 *
 * @param <R> a stored version
 */
final class VersionedTable<R extends Record> {

  private final String table;
  private final String key;
  private final String columns;
  private final String scope;
  private final RecordComponent[] components;
  private final Rows.Reader<R> reader;

  /**
   * @param key the key column ({@code id}, {@code code}), also the {@link Numbering} key
   * @param scope the {@link Numbering} scope of the versions
   * @param type a stored version, its components the table's columns
   */
  VersionedTable(String table, String key, String scope, Class<R> type) {
    this.table = table;
    this.key = key;
    this.scope = scope;
    this.components = type.getRecordComponents();
    this.columns =
        Arrays.stream(components)
            .map(c -> Rows.snakeCase(c.getName()))
            .collect(Collectors.joining(", "));
    this.reader = Rows.byComponents(type);
  }

  /** Every stored version, by key and version. */
  List<R> all(Connection c) throws SQLException {
    return Rows.list(c, select() + " ORDER BY " + key + ", version", reader);
  }

  /** Every version of {@code k}, oldest first. */
  List<R> versionsOf(Connection c, String k) throws SQLException {
    return Rows.list(c, select() + " WHERE " + key + " = ? ORDER BY version", reader, k);
  }

  /** Stores the next version of {@code k} (1 for a new key): what {@code version} makes of it. */
  R create(Connection c, String k, IntFunction<R> version) throws SQLException {
    R created = version.apply(next(c, k));
    insert(c, created);
    return created;
  }

  /** The next version of {@code k} (1 for a new key). */
  private int next(Connection c, String k) throws SQLException {
    return Numbering.next(c, scope, k);
  }

  /** Numbers after {@code version} from now on (a version stored as it was made elsewhere). */
  void atLeast(Connection c, String k, int version) throws SQLException {
    Numbering.atLeast(c, scope, k, version);
  }

  /**
   * Stores one version, a column per component; an {@link Instant} is stored as a timestamp, an
   * {@link Optional} as its value or null.
   */
  void insert(Connection c, R version) throws SQLException {
    String marks = String.join(", ", Collections.nCopies(components.length, "?"));
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
      for (int i = 0; i < components.length; i++) {
        ps.setObject(i + 1, sqlValue(component(version, components[i])));
      }
      ps.executeUpdate();
    }
  }

  private static Object component(Record r, RecordComponent c) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + r, e);
    }
  }

  /**
   * Retires {@code version} of {@code k}, or every active version when it is null; a retired
   * version keeps its first retirement time.
   *
   * @return every version of {@code k} afterwards; empty when there is no such key or version
   */
  List<R> retire(Connection c, String k, Integer version, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE "
                + table
                + " SET retired_at = ? WHERE "
                + key
                + " = ? AND retired_at IS NULL AND (?::int IS NULL OR version = ?::int)")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setString(2, k);
      ps.setObject(3, version);
      ps.setObject(4, version);
      if (ps.executeUpdate() == 0 && version != null && !exists(c, k, version)) {
        return List.of();
      }
    }
    return versionsOf(c, k);
  }

  private boolean exists(Connection c, String k, int version) throws SQLException {
    return Rows.first(
            c,
            "SELECT 1 FROM " + table + " WHERE " + key + " = ? AND version = ?",
            rs -> true,
            k,
            version)
        .isPresent();
  }

  private String select() {
    return "SELECT " + columns + " FROM " + table;
  }

  private static Object sqlValue(Object value) {
    Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
    return v instanceof Instant i ? Timestamp.from(i) : v;
  }
}
