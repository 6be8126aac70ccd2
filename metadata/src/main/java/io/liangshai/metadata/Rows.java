package io.liangshai.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rows a query answers, each mapped by a {@link Reader}; parameters bound in order. */
final class Rows {

  /** One row at the cursor of a result set, as a value. */
  @FunctionalInterface
  interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private Rows() {}

  /** Every row of {@code sql}, in the order the query gives them. */
  static <T> List<T> list(Connection c, String sql, Reader<T> reader, Object... parameters)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, parameters);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(reader.read(rs));
        }
      }
    }
    return rows;
  }

  /** The first row of {@code sql}; empty when it answers none. */
  static <T> Optional<T> first(Connection c, String sql, Reader<T> reader, Object... parameters)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, parameters);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
      }
    }
  }

  /** The non-null timestamp column {@code column} of the current row. */
  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getTimestamp(column).toInstant();
  }

  /** The nullable timestamp column {@code column} of the current row. */
  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
  }

  private static void bind(PreparedStatement ps, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      ps.setObject(i + 1, parameters[i]);
    }
  }
}
