package io.liangshai.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Numbers handed out per {@code (scope, key)} from table {@code numbering}: 1, 2, 3, ... The
 * statement locks the key's row until the caller's transaction ends, so two transactions, in one
 * process or in several, never take the same number; a rolled-back transaction gives its number
 * back.
 */
final class Numbering {

  private static final String NEXT =
      "INSERT INTO numbering (scope, key, last_value) VALUES (?, ?, 1)"
          + " ON CONFLICT (scope, key) DO UPDATE SET last_value = numbering.last_value + 1"
          + " RETURNING last_value";

  private static final String AT_LEAST =
      "INSERT INTO numbering (scope, key, last_value) VALUES (?, ?, ?)"
          + " ON CONFLICT (scope, key)"
          + " DO UPDATE SET last_value = greatest(numbering.last_value, excluded.last_value)";

  private static final String LAST = "SELECT last_value FROM numbering WHERE scope = ? AND key = ?";

  private Numbering() {}

  /** The next number of {@code key} in {@code scope}, within the caller's transaction. */
  static int next(Connection connection, String scope, String key) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(NEXT)) {
      ps.setString(1, scope);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** Makes sure the next number of {@code key} is greater than {@code taken}. */
  static void atLeast(Connection connection, String scope, String key, int taken)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(AT_LEAST)) {
      ps.setString(1, scope);
      ps.setString(2, key);
      ps.setInt(3, taken);
      ps.executeUpdate();
    }
  }

  /** The last number handed out for {@code key}, 0 if none. */
  static int last(Connection connection, String scope, String key) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(LAST)) {
      ps.setString(1, scope);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }
}
