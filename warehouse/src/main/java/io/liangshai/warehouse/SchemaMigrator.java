package io.liangshai.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned schema files {@code db/clickhouse/V###__name.sql} in order, once each,
 * recording them in {@code schema_migrations}. Files are listed in {@code db/clickhouse/index} so
 * the order does not depend on classpath scanning.
 */
public final class SchemaMigrator {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
  private static final String ROOT = "/db/clickhouse/";
  private static final Pattern FILE = Pattern.compile("V(\\d{3})__([a-z0-9_]+)\\.sql");

  /** The record of applied migrations. */
  static final String RECORD =
      "CREATE TABLE IF NOT EXISTS schema_migrations\n(version UInt32, name String,"
          + " applied_at DateTime64(3, 'UTC') DEFAULT now64(3))\nENGINE = MergeTree\nORDER BY"
          + " version";

  private SchemaMigrator() {}

  /** Every statement of every migration, in order, as written (for one server). */
  static List<String> allStatements() {
    List<String> all = new ArrayList<>(List.of(RECORD));
    for (String file : index()) {
      all.addAll(statements(read(file)));
    }
    return all;
  }

  /** Applies every migration not yet applied on one server; returns the versions applied now. */
  public static List<Integer> migrate(Connection connection) throws SQLException {
    return migrate(connection, ClickHouseLayout.SINGLE_SERVER);
  }

  /**
   * Applies every migration not yet applied, each statement in its form for {@code layout}; returns
   * the versions applied now.
   */
  public static List<Integer> migrate(Connection connection, ClickHouseLayout layout)
      throws SQLException {
    for (String sql : layout.statements(RECORD)) {
      try (Statement st = connection.createStatement()) {
        st.execute(sql);
      }
    }
    Set<Integer> applied = new TreeSet<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT version FROM schema_migrations")) {
      while (rs.next()) {
        applied.add(rs.getInt(1));
      }
    }
    List<Integer> now = new ArrayList<>();
    for (String file : index()) {
      Matcher m = FILE.matcher(file);
      if (!m.matches()) {
        throw new IllegalStateException("schema file name " + file + " is not V###__name.sql");
      }
      int version = Integer.parseInt(m.group(1));
      if (applied.contains(version)) {
        continue;
      }
      LOG.info("applying schema {}", file);
      for (String sql : layout.statements(statements(read(file)))) {
        try (Statement st = connection.createStatement()) {
          st.execute(sql);
        } catch (SQLException e) {
          throw new SQLException("schema " + file + " failed: " + e.getMessage(), e);
        }
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO schema_migrations (version, name) VALUES (?, ?)")) {
        ps.setInt(1, version);
        ps.setString(2, m.group(2));
        ps.executeUpdate();
      }
      now.add(version);
    }
    return now;
  }

  static List<String> index() {
    return read("index").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** Splits a file into statements at semicolons ending a line; drops {@code --} comments. */
  static List<String> statements(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String stripped = line.strip();
      if (stripped.startsWith("--") || stripped.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (stripped.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  private static String read(String name) {
    try (InputStream in = SchemaMigrator.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource " + ROOT + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
