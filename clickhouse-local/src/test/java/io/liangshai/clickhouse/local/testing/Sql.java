package io.liangshai.clickhouse.local.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain statements against a JDBC URL, for tests that set up or read a ClickHouse directly. */
public final class Sql {

  private Sql() {}

  /** Runs {@code statements} in order on one connection. */
  public static void execute(String jdbcUrl, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** The first column of the first row of {@code sql}; fails when there is no row. */
  public static String queryString(String jdbcUrl, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new AssertionError("no row from " + sql);
      }
      return rs.getString(1);
    }
  }
}
